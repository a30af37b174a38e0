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
                // Once: the context builds the frame (and `strings` copies its catalogue) on each use.
                let chrome = context.chrome
                let strings = chrome.strings
                let packages = profiles.map { profile in
                    HomeView.Package(
                        name: profile.name, price: Rupiah.format(profile.price), details: profile.details(strings),
                        href: Paths.voucher(profile.id))
                }
                return .page(HomePage(chrome: chrome, view: HomeView(packages: packages)))
            }
        }

        router.get("/vouchers/{id}", fromMemory: cachedVoucherPage) { request, context, parameters in
            // A package id arrives by link: anything that names no package of this tenant is a 404, not a 400.
            guard let id = parameters["id"].flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
            if let key = Self.templateKey(request, id: id, context: context) {
                let template = try catalogue.voucherPage(key, for: context.tenant) { profile in
                    VoucherPageTemplate { token, idempotencyKey in
                        let form = OrderFormFactory.form(for: profile.id, csrfToken: token, idempotencyKey: idempotencyKey)
                        return OrderFormFactory.voucherPage(profile, form: form, cookie: nil, context: context)
                    }
                }
                if let template, let page = Self.page(from: template, for: request) { return page }
            }
            guard let profile = try catalogue.onSaleProfile(id: id, for: context.tenant) else { throw HTTPError(.notFound) }
            let (form, cookie) = OrderFormFactory.form(for: profile.id, request: request)
            return OrderFormFactory.voucherPage(profile, form: form, cookie: cookie, context: context)
        }
    }

    /// A package page from its template as the cache holds it, answered on the event loop.
    @Sendable func cachedVoucherPage(
        _ request: HTTPRequest, _ context: TenantContext, _ parameters: RouteParameters
    ) throws -> HTTPResponse {
        guard let id = parameters["id"].flatMap(UUID.init(uuidString:)), let key = Self.templateKey(request, id: id, context: context),
            let template = catalogue.cachedVoucherPage(key), let page = Self.page(from: template, for: request)
        else { throw AnswerNeedsWorker() }
        return page
    }

    /// The template's key, for the page at its own address: the page frame links to the address it was
    /// asked at (its language switch), so only the canonical one without a query shares a template.
    private static func templateKey(_ request: HTTPRequest, id: UUID, context: TenantContext) -> CatalogueCache.VoucherKey? {
        guard request.query.isEmpty, request.path == Paths.voucher(id) else { return nil }
        return CatalogueCache.VoucherKey(
            tenant: context.tenant.id, profile: id, language: context.language, brandingVersion: context.site.branding.version)
    }

    private static func page(from template: VoucherPageTemplate, for request: HTTPRequest) -> HTTPResponse? {
        let (token, cookie) = CSRFToken.issue(for: request)
        guard var page = template.response(csrfToken: token, idempotencyKey: OrderFormFactory.newIdempotencyKey()) else {
            return nil
        }
        if let cookie { page.setCookie(cookie) }
        return page
    }

    /// The home page as the cache holds it, answered on the event loop.
    @Sendable func cachedHomePage(_ request: HTTPRequest, _ context: TenantContext, _: RouteParameters) throws -> HTTPResponse {
        guard
            let page = catalogue.cachedHomePage(
                for: context.tenant, language: context.language, brandingVersion: context.site.branding.version)
        else { throw AnswerNeedsWorker() }
        return page
    }
}
