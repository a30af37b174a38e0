import Foundation
import HTTP
import Postgres

/// `GET /.well-known/gerbang/domain-check?domain=…` on every host: Caddy's on-demand TLS `ask`.
/// 200 only for a custom domain head office approved, of an active tenant that is not deleted; 404
/// for everything else (pending, removed, inactive, unknown, malformed), with no body worth reading,
/// so the answer says nothing more than yes or no. One primary-key lookup, no cache needed.
struct DomainCheckController: Sendable {
    static let path = "/.well-known/gerbang/domain-check"

    let database: PostgresPool

    func addRoutes(to router: inout RouteGroup<GlobalContext>) {
        router.get(Self.path) { request, _, _ in try check(request) }
    }

    private func check(_ request: HTTPRequest) throws -> HTTPResponse {
        // Normalised like a request's Host, so the certificate is issued exactly for the names we serve.
        guard let raw = try request.queryItems["domain"], let host = HostName.normalise(raw), !host.isIPAddress,
            host.port == nil, try isApproved(host.name)
        else {
            return HTTPResponse(status: .notFound, headers: Self.plainText, body: Array("no\n".utf8))
        }
        return HTTPResponse(status: .ok, headers: Self.plainText, body: Array("ok\n".utf8))
    }

    private func isApproved(_ domain: String) throws -> Bool {
        try !database.unscoped.query(
            """
            select 1 from tenant_domains d join tenants t on t.id = d.tenant_id
            where d.domain = $1 and d.verified_at is not null and t.is_active and t.deleted_at is null
            """, domain
        ).isEmpty
    }

    private static let plainText: HTTPHeaders = {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/plain; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        return headers
    }()
}
