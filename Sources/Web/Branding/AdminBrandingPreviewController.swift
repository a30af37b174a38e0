import Foundation
import HTTP
import Templates

/// `POST /admin/branding/preview`: the store's home rendered with the draft branding, nothing saved.
/// The page may not carry inline styles (CSP), so its theme is `GET /admin/branding/preview.css`
/// with the draft colours in the query; both are for the signed-in admin only.
struct AdminBrandingPreviewController: Sendable {
    let services: AdminServices
    let profiles: VoucherProfileRepository
    let form: AdminBrandingController

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.post("/admin/branding/preview", bodyLimit: AdminBrandingController.bodyLimit) { request, admin, _ in
            try preview(request, admin)
        }
        router.get("/admin/branding/preview.css") { request, admin, _ in try stylesheet(request, admin.context) }
    }

    private func preview(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let (values, logo) = try AdminBrandingController.submittedFields(request)
        try admin.session.verifyCSRF(field: values[AdminBrandingView.Field.csrf])
        let draft = BrandingDraft(values: values, logoUpload: logo, language: context.language)
        guard draft.errors.isEmpty else {
            return form.page(
                admin, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent,
                keptLogo: draft.logo?.kept)
        }
        let branding = draft.applied(to: try services.brandings.branding(for: context.tenant))
        var chrome = SiteChrome.tenant(TenantSite(branding: branding), language: context.language, path: Paths.home)
        chrome.themeURL = Paths.Admin.brandingPreviewStylesheet(
            primary: hex(branding.primaryColor), accent: hex(branding.accentColor))
        let kept = draft.logo?.kept
        if let kept { chrome.inlineLogo = kept.image }
        let strings = chrome.strings
        let packages = try profiles.onSaleProfiles(for: context.tenant).map { profile in
            HomeView.Package(
                name: profile.name, price: Rupiah.format(profile.price), details: profile.details(strings),
                href: Paths.voucher(profile.id))
        }
        let bar = AdminBrandingPreviewBar(
            strings: chrome.strings, values: draft.values, keptLogo: kept, csrfToken: admin.session.csrfSecret)
        return .page(HomePage(chrome: chrome, view: HomeView(packages: packages), banner: HTMLFragment { bar }))
    }

    /// The theme for two `rrggbb` colours (no `#`, so the query needs no escaping); 400 for anything else.
    private func stylesheet(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let query = try request.queryItems
        guard let primary = query["primary"].flatMap({ BrandColor("#" + $0) }),
            let accent = query["accent"].flatMap({ BrandColor("#" + $0) })
        else { throw HTTPError(.badRequest) }
        var branding = context.branding
        (branding.primaryColor, branding.accentColor) = (primary, accent)
        var response = HTTPResponse(status: .ok, body: Array(ThemeStylesheet.css(for: branding).utf8))
        response.headers.set("Content-Type", "text/css; charset=utf-8")
        return response
    }

    private func hex(_ color: BrandColor) -> String { String(color.description.dropFirst()) }
}
