import Foundation
import HTTP
import Templates

/// `GET /head-office/domains` (pending custom domains of every tenant), `POST /head-office/domains/approve` and
/// `POST /head-office/domains/reject` (the domain named by the form).
struct HeadOfficeDomainsController: Sendable {
    static let path = "/head-office/domains"
    typealias Field = HeadOfficeDomainsView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<PlatformContext>) {
        router.get(Self.path) { request, context, _ in
            try page(
                AuthenticatedHeadOffice(request: request, context: context, services: services),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post(Self.path + "/approve") { request, context, _ in
            try decide(request, context) { try services.domains.approve($0, by: $1) }
        }
        router.post(Self.path + "/reject") { request, context, _ in
            try decide(request, context) { try services.domains.reject($0, by: $1) }
        }
    }

    /// 404 when the form names no pending domain (unknown, or decided already in another tab).
    private func decide(
        _ request: HTTPRequest, _ context: PlatformContext, _ apply: (_ domain: String, AuditActor) throws -> Bool
    ) throws -> HTTPResponse {
        let (headOffice, form) = try AuthenticatedHeadOffice.form(request, context, services: services)
        guard try apply((form[Field.domain] ?? "").lowercased(), AuditActor(headOffice, request: request)) else {
            throw HTTPError(.notFound)
        }
        return .redirect(to: Self.path + "?saved=1")
    }

    private func page(_ headOffice: AuthenticatedHeadOffice, saved: Bool = false) throws -> HTTPResponse {
        // Head office works across Indonesia's zones; requests are shown in Jakarta time, like the tenants' pages.
        let dates = DateText(timeZoneIdentifier: "Asia/Jakarta", language: headOffice.context.language)
        let pending = try services.domains.pending().map {
            HeadOfficeDomainsView.Pending(
                domain: $0.domain, tenantName: $0.tenantName, tenantSlug: $0.tenantSlug,
                requested: dates.dayAndTime($0.requestedAt))
        }
        let view = HeadOfficeDomainsView(pending: pending, csrfToken: headOffice.session.csrfSecret, saved: saved)
        var response = HTTPResponse.page(HeadOfficeDomainsPage(chrome: headOffice.context.chrome, view: view))
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
