import Foundation
import HTTP
import Templates

/// `GET /head-office/domains` (pending custom domains of every tenant), `POST /head-office/domains/approve` and
/// `POST /head-office/domains/reject` (the domain named by the form).
struct HeadOfficeDomainsController: Sendable {
    typealias Field = HeadOfficeDomainsView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/domains") { request, headOffice, _ in
            try page(headOffice, saved: try request.queryItems["saved"] == "1")
        }
        router.post("/head-office/domains/approve") { request, headOffice, _ in
            try decide(request, headOffice) { try services.domains.approve($0, by: $1) }
        }
        router.post("/head-office/domains/reject") { request, headOffice, _ in
            try decide(request, headOffice) { try services.domains.reject($0, by: $1) }
        }
    }

    /// 404 when the form names no pending domain (unknown, or decided already in another tab).
    private func decide(
        _ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice, _ apply: (_ domain: String, AuditActor) throws -> Bool
    ) throws -> HTTPResponse {
        let form = try headOffice.verifiedForm(request)
        guard try apply((form[Field.domain] ?? "").lowercased(), AuditActor(headOffice, request: request)) else {
            throw HTTPError(.notFound)
        }
        return .redirect(to: Paths.HeadOffice.domainsSaved)
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
        return .page(HeadOfficeDomainsPage(chrome: headOffice.context.chrome, view: view))
    }
}
