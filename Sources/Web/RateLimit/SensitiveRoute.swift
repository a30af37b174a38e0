import HTTP

/// The routes an abuser would hammer, each family limited per client address on top of the
/// tenant's own limit: guessing passwords, creating orders, opening payments, flooding the webhook.
enum SensitiveRoute: String, Sendable, Hashable, CaseIterable {
    case login, orders, pay, webhook

    /// The family of a request, or nil for the routes only the tenant's limit covers. Only `POST`s:
    /// showing a form costs nothing worth limiting separately.
    init?(method: HTTPMethod, path: String) {
        guard method == .POST else { return nil }
        switch path {
        case AuthenticatedSubscriber.loginPath, AuthenticatedTenantAdmin.loginPath, "/mgmt/login": self = .login
        case "/orders": self = .orders
        case _ where path.hasPrefix("/pay/"): self = .pay
        case _ where path.hasPrefix("/portal/invoices/") && path.hasSuffix("/pay"): self = .pay
        case _ where path.hasPrefix(WebhookController.pathPrefix): self = .webhook
        default: return nil
        }
    }
}
