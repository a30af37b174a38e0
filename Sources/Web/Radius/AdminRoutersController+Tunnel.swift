import Foundation
import HTTP
import Templates

/// `POST /admin/routers/{id}/tunnel` gives a router a WireGuard tunnel and answers with its page showing
/// the RouterOS commands, private key included, this once; `POST /admin/routers/{id}/tunnel/delete`
/// takes the tunnel away and the router back to its own address.
extension AdminRoutersController {
    func addTunnelRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        addTunnelRoute("/admin/routers/{id}/tunnel", to: &router) { editor, id, tenant, actor in
            try editor.give(toRouter: id, for: tenant, by: actor)
        }
        addTunnelRoute("/admin/routers/{id}/tunnel/delete", to: &router) { editor, id, tenant, actor in
            try editor.remove(fromRouter: id, for: tenant, by: actor)
        }
    }

    /// A CSRF-checked POST on one router of the admin's tenant; a 404 where the platform has no tunnels.
    private func addTunnelRoute(
        _ pattern: String, to router: inout RouteGroup<AuthenticatedTenantAdmin>,
        change: @escaping @Sendable (RouterTunnelEditor, Int, Tenant, AuditActor) throws -> RouterTunnelEditor.Outcome
    ) {
        router.post(pattern) { request, admin, parameters in
            let id = try Self.id(parameters)
            try admin.verifyCSRF(try request.formFields())
            guard let tunnelEditor else { throw HTTPError(.notFound) }
            let outcome = try change(tunnelEditor, id, admin.context.tenant, AuditActor(admin, request: request))
            return try respond(to: outcome, router: id, admin)
        }
    }

    private func respond(
        to outcome: RouterTunnelEditor.Outcome, router id: Int, _ admin: AuthenticatedTenantAdmin
    ) throws -> HTTPResponse {
        let words = admin.context.language.routerTunnelStrings
        guard let stored = try routers.router(id: id, for: admin.context.tenant) else { throw HTTPError(.notFound) }
        switch outcome {
        case .given(_, let privateKey): return try routerPage(admin, stored, privateKey: privateKey)
        case .removed: return .redirect(to: Paths.Admin.router(id))
        case .notFound: throw HTTPError(.notFound)
        case .alreadyHasTunnel: return try routerPage(admin, stored, alert: words.errorAlreadyGiven, status: .conflict)
        case .poolExhausted: return try routerPage(admin, stored, alert: words.errorPoolExhausted, status: .conflict)
        case .addressTaken: return try routerPage(admin, stored, alert: words.errorAddressTaken, status: .conflict)
        case .tunnelAddressTaken:
            return try routerPage(admin, stored, alert: words.errorTunnelAddressTaken, status: .conflict)
        }
    }

    /// A stored router's page: its form (with the address the admin typed, not its tunnel address) and
    /// its tunnel section.
    func routerPage(
        _ admin: AuthenticatedTenantAdmin, _ router: RadiusRouter, privateKey: String? = nil, alert: String? = nil,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let tunnel = try tunnels.tunnel(forRouter: router.id, for: admin.context.tenant)
        var values = Draft.values(of: router)
        if let tunnel { values[Field.address] = tunnel.ownAddress }
        return form(
            admin, id: router.id, storedSecret: router.secret, state: FormState(values: values),
            tunnel: tunnelView(router, tunnel, privateKey: privateKey, alert: alert, csrfToken: admin.session.csrfSecret),
            status: status)
    }

    func tunnelView(
        _ router: RadiusRouter, _ tunnel: RouterTunnel?, privateKey: String? = nil, alert: String? = nil,
        csrfToken: String
    ) -> AdminRouterTunnelView {
        guard let server = tunnelEditor?.server else {
            return AdminRouterTunnelView(state: .unavailable, alert: alert, csrfToken: csrfToken)
        }
        guard let tunnel else {
            return AdminRouterTunnelView(state: .offered(givePath: Paths.Admin.routerTunnel(router.id)), alert: alert, csrfToken: csrfToken)
        }
        let commands = RouterTunnelScript.text(router: router, tunnel: tunnel, privateKey: privateKey, server: server)
        return AdminRouterTunnelView(
            state: .given(
                address: tunnel.address, commands: commands, showsPrivateKey: privateKey != nil,
                removePath: Paths.Admin.deleteRouterTunnel(router.id)),
            alert: alert, csrfToken: csrfToken)
    }
}
