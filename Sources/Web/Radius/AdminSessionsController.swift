import Foundation
import HTTP
import Templates

/// `GET /admin/sessions` and `POST /admin/sessions/{id}/disconnect`: who is online on the tenant's
/// routers (from `radacct`), and ending a session with a Disconnect-Request to its router. The session
/// and router are read first and no connection is held while the router answers.
struct AdminSessionsController: Sendable {

    let sessions: RadiusSessionRepository
    let routers: RadiusRouterRepository
    let disconnector: RadiusDisconnector

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/sessions") { request, admin, _ in
            let outcome = try request.queryItems["result"].flatMap(RadiusDisconnector.Outcome.init(rawValue:))
            return try page(admin, outcome: outcome)
        }
        router.post("/admin/sessions/{id}/disconnect") { request, admin, parameters in
            let context = admin.context
            try admin.verifyCSRF(try request.formFields())
            guard let text = parameters["id"], text.utf8.count <= 18,
                text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let id = Int64(text),
                let session = try sessions.openSession(id: id, for: context.tenant)
            else { throw HTTPError(.notFound) }
            guard let routerID = session.routerID, let target = try routers.router(id: routerID, for: context.tenant)
            else { throw HTTPError(.conflict, "this session's router is no longer registered") }
            let outcome = disconnector.disconnect(session, on: target)
            let actor = AuditActor(admin, request: request)
            if outcome == .acknowledged {
                try sessions.close(session, for: context.tenant, by: actor, result: outcome.rawValue)
            } else {
                try sessions.recordAttempt(session, for: context.tenant, by: actor, result: outcome.rawValue)
            }
            return .redirect(to: Paths.Admin.sessions + "?result=" + outcome.rawValue)
        }
    }

    private func page(_ admin: AuthenticatedTenantAdmin, outcome: RadiusDisconnector.Outcome?) throws -> HTTPResponse {
        let context = admin.context
        let words = context.language.adminRadiusStrings
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let entries = try sessions.open(for: context.tenant).map { session in
            AdminSessionsView.Entry(
                router: session.routerName, user: session.username,
                since: session.startedAt.map(dates.dayAndTime) ?? "", address: session.address ?? "",
                traffic: Self.megabytes(session.bytesOut) + " / " + Self.megabytes(session.bytesIn),
                disconnectPath: Paths.Admin.disconnectSession(session.id))
        }
        let notice: String? =
            switch outcome {
            case .acknowledged: words.disconnectAcknowledged
            case .refused: words.disconnectRefused
            case .noAnswer: words.disconnectNoAnswer
            case nil: nil
            }
        let view = AdminSessionsView(entries: entries, notice: notice, csrfToken: admin.session.csrfSecret)
        return .page(AdminSessionsPage(chrome: context.chrome, view: view))
    }

    /// Router-side octets: what the router sent is the user's download.
    static func megabytes(_ bytes: Int64) -> String {
        VoucherProfile.dataSize(megabytes: max(bytes, 0) / 1_048_576)
    }
}
