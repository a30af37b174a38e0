import Foundation
import HTTP
import Postgres

/// Sessions for every signed-in area, kept in PostgreSQL so any instance can serve any request.
///
/// The browser holds a random 256-bit token; the table holds only its SHA-256 (computed in SQL), so
/// a copy of the table signs nobody in. A lookup is scoped by tenant and kind: the same cookie sent to
/// another tenant's host, or to another area, is no session. A session ends after `idleTimeout`
/// without a request or `absoluteLifetime` after sign-in, whichever comes first.
struct SessionStore: Sendable {
    static let cookieName = "sid"

    let database: PostgresPool
    var idleTimeout: Duration = .seconds(30 * 60)
    var absoluteLifetime: Duration = .seconds(12 * 60 * 60)
    /// `last_seen_at` is written at most this often, so reading pages does not mean a write per request.
    var touchInterval: Duration = .seconds(60)

    /// Signs a principal in with a fresh token; stale sessions of the same principal are swept on the way.
    func create(kind: SessionKind, principalID: UUID, tenantID: UUID?) throws -> NewSession {
        let token = RandomToken.hex()
        let csrfSecret = RandomToken.hex()
        let rows = try database.scopedOrUnscoped(tenantID: tenantID).transaction { db in
            try db.query(
                """
                delete from sessions where kind = $1 and principal_id = $2
                    and (expires_at <= now() or last_seen_at <= now() - make_interval(secs => $3))
                """, kind.rawValue, principalID, seconds(idleTimeout))
            return try db.query(
                """
                insert into sessions (id, tenant_id, kind, principal_id, csrf_secret, expires_at)
                values (token_hash($1), $2, $3, $4, $5,
                    now() + make_interval(secs => $6))
                returning expires_at
                """, token, tenantID, kind.rawValue, principalID, csrfSecret, seconds(absoluteLifetime))
        }
        let session = Session(
            tenantID: tenantID, kind: kind, principalID: principalID, csrfSecret: csrfSecret,
            expiresAt: try rows.single().decode("expires_at", as: Date.self))
        return NewSession(token: token, session: session)
    }

    /// The live session for a cookie's token on this tenant's site and of this kind, or nil.
    /// Marks it as seen when it was last marked more than `touchInterval` ago.
    func session(token: String, kind: SessionKind, tenantID: UUID?) throws -> Session? {
        guard Self.isWellFormed(token) else { return nil }
        let rows = try database.scopedOrUnscoped(tenantID: tenantID).query(
            """
            with found as (
                select id, principal_id, csrf_secret, expires_at, last_seen_at from sessions
                where id = token_hash($1) and kind = $2
                    and tenant_id is not distinct from $3::uuid
                    and expires_at > now() and last_seen_at > now() - make_interval(secs => $4)
            ), touched as (
                update sessions s set last_seen_at = now() from found
                where s.id = found.id and found.last_seen_at <= now() - make_interval(secs => $5)
                returning s.id
            )
            select principal_id, csrf_secret, expires_at from found
            """, token, kind.rawValue, tenantID, seconds(idleTimeout), seconds(touchInterval))
        guard let row = rows.first else { return nil }
        return Session(
            tenantID: tenantID, kind: kind, principalID: try row.decode("principal_id", as: UUID.self),
            csrfSecret: try row.decode("csrf_secret", as: String.self),
            expiresAt: try row.decode("expires_at", as: Date.self))
    }

    /// Ends the session a token names, whatever its tenant or kind (sign-out, and rotation at sign-in):
    /// across tenants, because the unguessable token is the whole key.
    func delete(token: String) throws {
        guard Self.isWellFormed(token) else { return }
        try database.unscoped.query("delete from sessions where id = token_hash($1)", token)
    }

    /// Drops every session past its end, of every tenant; for a periodic sweep.
    func purgeExpired() throws {
        try database.unscoped.query(
            "delete from sessions where expires_at <= now() or last_seen_at <= now() - make_interval(secs => $1)",
            seconds(idleTimeout))
    }

    /// The cookie carrying a new session's token: host-only (no `Domain`), never readable by script,
    /// `Secure` when the visitor came over HTTPS. No `Max-Age`: it ends with the browser or the session.
    func cookie(for session: NewSession, request: HTTPRequest) -> SetCookie {
        // The name and a 64-hex value are always valid, so this cannot throw.
        try! SetCookie(
            name: Self.cookieName, value: session.token, path: "/", httpOnly: true, secure: request.isSecure,
            sameSite: .lax)
    }

    /// Tells the browser to forget the session cookie.
    func expiredCookie(request: HTTPRequest) -> SetCookie {
        try! SetCookie.expired(name: Self.cookieName, path: "/", secure: request.isSecure)
    }

    /// 64 lower-case hex digits; anything else was not made by `create` and needs no query.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    private func seconds(_ duration: Duration) -> Int { Int(duration.components.seconds) }
}
