import Foundation
import HTTP
import Templates

/// The tenant's home with its voucher catalogue, and each package's page with the order form.
/// Both read the catalogue from memory (`CatalogueCache`), so browsing needs no database round trip;
/// the home page, the same for every visitor in one language, is even kept rendered.
struct StorefrontController: Sendable {
    let catalogue: CatalogueCache

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/", fromMemory: cachedHomePage) { _, context, _ in
            try catalogue.homePage(
                for: context.tenant, language: context.language, brandingVersion: context.site.branding.version
            ) { profiles in
                let strings = context.chrome.strings
                let packages = profiles.map { profile in
                    HomeView.Package(
                        name: profile.name, price: Rupiah.format(profile.price), details: profile.details(strings),
                        href: Paths.voucher(profile.id))
                }
                return .page(HomePage(chrome: context.chrome, view: HomeView(packages: packages)))
            }
        }

        router.get("/vouchers/{id}") { request, context, parameters in
            // A package id arrives by link: anything that names no package of this tenant is a 404, not a 400.
            guard let id = parameters["id"].flatMap(UUID.init(uuidString:)),
                let profile = try catalogue.onSaleProfile(id: id, for: context.tenant)
            else { throw HTTPError(.notFound) }
            let (form, cookie) = OrderFormFactory.form(for: profile.id, request: request)
            return OrderFormFactory.voucherPage(profile, form: form, cookie: cookie, context: context)
        }
    }

    /// The home page as the cache holds it, answered on the event loop.
    @Sendable func cachedHomePage(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        guard
            let page = catalogue.cachedHomePage(
                for: context.tenant, language: context.language, brandingVersion: context.site.branding.version)
        else { throw AnswerNeedsWorker() }
        return page
    }
}
