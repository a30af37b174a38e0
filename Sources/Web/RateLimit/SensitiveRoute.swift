import HTTP

/// The routes an abuser would hammer, each family limited per client address on top of the
/// tenant's own limit: guessing passwords, creating orders, opening payments, flooding the webhook.
/// A route says which family it is in where it is declared (`post(_:limit:)`).
enum SensitiveRoute: String, Sendable, Hashable, CaseIterable {
    case login, orders, pay, webhook
}
