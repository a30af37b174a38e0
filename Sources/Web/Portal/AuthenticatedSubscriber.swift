import Foundation
import HTTP
import Templates

/// A request on a tenant's site made by a signed-in subscriber of that tenant.
typealias AuthenticatedSubscriber = SignedIn<Subscriber>

extension SignedIn<Subscriber> {
    var subscriber: Subscriber { principal }

    /// - Throws: `303 See Other` to `/portal/login` when the `sid` cookie names no live subscriber
    ///   session of this tenant (missing, expired, another tenant's, an admin's, or a terminated subscriber).
    init(request: HTTPRequest, context: TenantContext, services: PortalServices) throws {
        try self.init(
            request: request, context: context, sessions: services.sessions, kind: .subscriber, loginPath: Paths.Portal.login
        ) { id in try services.subscribers.subscriber(id: id, for: context.tenant).flatMap { $0.status == .terminated ? nil : $0 } }
    }
}
