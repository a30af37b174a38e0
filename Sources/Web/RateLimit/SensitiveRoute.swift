import HTTP

/// The routes an abuser would hammer, each family limited per client address on top of the
/// tenant's own limit: guessing passwords, creating orders, opening payments, flooding the webhook.
enum SensitiveRoute: String, Sendable, Hashable, CaseIterable {
    case login, orders, pay, webhook

    /// The family of a request, or nil for the routes only the tenant's limit covers. Only `POST`s:
    /// showing a form costs nothing worth limiting separately. The path is read as the router reads it,
    /// so no percent-encoded spelling of a limited route escapes its family.
    init?(method: HTTPMethod, path rawPath: String) {
        guard method == .POST else { return nil }
        // A malformed path is refused by the router with 400; counting it as a login keeps it limited too.
        guard let path = Router<Void>.routedPath(of: rawPath) else {
            self = .login
            return
        }
        switch path {
        case AuthenticatedSubscriber.loginPath, AuthenticatedTenantAdmin.loginPath, "/head-office/login": self = .login
        // Asking for a reset code, and trying one, guess at an account like a sign-in.
        case "/portal/forgot", "/portal/reset", "/portal/password": self = .login
        case "/orders": self = .orders
        case _ where path.hasPrefix("/pay/"): self = .pay
        case _ where path.hasPrefix("/portal/invoices/") && path.hasSuffix("/pay"): self = .pay
        case _ where path.hasPrefix(IsolationPageController.path + "/invoices/") && path.hasSuffix("/pay"): self = .pay
        case _ where path.hasPrefix(WebhookController.pathPrefix): self = .webhook
        default: return nil
        }
    }
}
