import Foundation
import HTTP
import Templates

/// `GET/POST /portal/login` and `POST /portal/logout`: the shared `LoginRoutes` with the subscriber's
/// session kind; a subscriber signs in by customer number or PPPoE user name.
struct PortalLoginController: Sendable {
    let services: PortalServices

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        let services = services
        LoginRoutes(
            login: services.login, kind: .subscriber, loginPath: Paths.Portal.login,
            logoutPath: Paths.Portal.logout, landing: Paths.Portal.home,
            missingLogin: \.errorLoginMissing, failure: \.loginFailed,
            authenticate: { try services.subscribers.authenticate(login: $0, password: $1, for: $2)?.id },
            requireSession: { try AuthenticatedSubscriber(request: $0, context: $1, services: services).session },
            page: { PortalLoginPage(chrome: $0, view: $1) }
        ).addRoutes(to: &router)
    }
}
