import Foundation

/// The slug of a new tenant: its store's host label (`<slug>.<BASE_DOMAIN>`), chosen once by head
/// office. 3–30 characters of `a-z`, `0-9` and `-`, not starting or ending with `-`, and not a name
/// the platform keeps for itself.
struct TenantSlug: Sendable, Equatable {
    enum Problem: Error, Equatable {
        case missing
        case length
        case characters
        case hyphenAtEnd
        case reserved
    }

    /// Host labels that name the platform's own services, or that people would take for them.
    static let reserved: Set<String> = [
        "www", "admin", "mgmt", "api", "mail", "app", "static", "assets", "cdn", "media", "img", "files",
        "smtp", "imap", "pop", "pop3", "mx", "ns1", "ns2", "ftp", "webmail", "autodiscover", "autoconfig",
        "status", "help", "support", "docs", "blog", "billing", "pay", "payment", "payments", "checkout",
        "webhook", "webhooks", "sandbox", "login", "auth", "sso", "account", "accounts", "dashboard",
        "portal", "platform", "gerbang", "headoffice", "head-office", "root", "localhost", "metrics",
        "health", "healthz", "readyz",
    ]

    let value: String

    /// Checks the typed slug as it is (no case folding: a slug with capitals is refused, not changed).
    init(_ typed: String) throws(Problem) {
        let slug = typed.trimmingCharacters(in: .whitespaces)
        guard !slug.isEmpty else { throw .missing }
        guard (3...30).contains(slug.utf8.count) else { throw .length }
        let allowed = slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        guard allowed else { throw .characters }
        guard slug.first != "-", slug.last != "-" else { throw .hyphenAtEnd }
        guard !Self.reserved.contains(slug) else { throw .reserved }
        value = slug
    }
}
