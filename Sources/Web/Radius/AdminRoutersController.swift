import Foundation
import HTTP
import Templates

/// `GET /admin/routers`, `GET/POST /admin/routers/new`, `GET/POST /admin/routers/{id}` and
/// `POST /admin/routers/{id}/delete`: the tenant's routers, which FreeRADIUS accepts requests from.
/// A router's tunnel to the platform is on its page (`AdminRoutersController+Tunnel`).
/// Every lookup is scoped by the signed-in admin's tenant, so another tenant's router id is a 404.
struct AdminRoutersController: Sendable {
    typealias Field = AdminRouterFormView.Field
    typealias Draft = RadiusRouterEditor.Draft

    let routers: RadiusRouterRepository
    let editor: RadiusRouterEditor
    let tunnels: RouterTunnelRepository
    /// nil when the platform has no WireGuard network (`WIREGUARD_NETWORK`).
    let tunnelEditor: RouterTunnelEditor?

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/routers") { request, admin, _ in
            try list(admin, saved: try request.queryItems["saved"] == "1")
        }
        router.get("/admin/routers/new") { _, admin, _ in
            form(admin, id: nil, storedSecret: nil, state: FormState(values: Draft.newRouterValues))
        }
        router.post("/admin/routers/new") { request, admin, _ in try save(request, admin, id: nil) }
        router.get("/admin/routers/{id}") { _, admin, parameters in
            guard let stored = try routers.router(id: try Self.id(parameters), for: admin.context.tenant) else {
                throw HTTPError(.notFound)
            }
            return try routerPage(admin, stored)
        }
        router.post("/admin/routers/{id}") { request, admin, parameters in
            try save(request, admin, id: try Self.id(parameters))
        }
        router.post("/admin/routers/{id}/delete") { request, admin, parameters in
            let id = try Self.id(parameters)
            try admin.verifyCSRF(try request.formFields())
            guard try editor.delete(id, for: admin.context.tenant, by: AuditActor(admin, request: request)) else {
                throw HTTPError(.notFound)
            }
            tunnelEditor?.rewritePeersFile()
            return .redirect(to: Paths.Admin.routers + "?saved=1")
        }
        addTunnelRoutes(to: &router)
    }

    /// A router id from the URL; anything but a small positive number names no router: a 404.
    static func id(_ parameters: RouteParameters) throws -> Int {
        guard let text = parameters["id"], text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let id = Int(text)
        else { throw HTTPError(.notFound) }
        return id
    }

    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: Int?) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        var stored: RadiusRouter?
        if let id {
            guard let found = try routers.router(id: id, for: context.tenant) else { throw HTTPError(.notFound) }
            stored = found
        }
        var typed: [String: String] = [:]
        for name in [Field.name, Field.identifier, Field.address, Field.secret, Field.kind, Field.coaPort] {
            typed[name] = submitted[name]
        }
        let words = context.language.adminRadiusStrings
        let draft = Draft(form: typed, hasStoredSecret: stored != nil, strings: words)
        var errors = draft.errors
        if errors.isEmpty {
            let actor = AuditActor(admin, request: request)
            let outcome =
                if let id { try editor.update(id, with: draft, for: context.tenant, by: actor) } else {
                    try editor.create(draft, for: context.tenant, by: actor)
                }
            switch outcome {
            case .saved: return .redirect(to: Paths.Admin.routers + "?saved=1")
            case .notFound: throw HTTPError(.notFound)
            case .nameTaken: errors[Field.name] = words.errorNameTaken
            case .addressTaken: errors[Field.address] = words.errorAddressTaken
            }
        }
        let tunnel = try stored.map { router in
            tunnelView(router, try tunnels.tunnel(forRouter: router.id, for: context.tenant), csrfToken: admin.session.csrfSecret)
        }
        return form(
            admin, id: id, storedSecret: stored?.secret, state: FormState(values: draft.values, errors: errors),
            tunnel: tunnel, status: .unprocessableContent)
    }

    private func list(_ admin: AuthenticatedTenantAdmin, saved: Bool) throws -> HTTPResponse {
        let context = admin.context
        let words = context.language.adminRadiusStrings
        let online = try routers.onlineCounts(for: context.tenant)
        let entries = try routers.all(for: context.tenant).map { router in
            AdminRoutersView.Entry(
                name: router.name, identifier: router.identifier, address: router.address,
                maskedSecret: PaymentGatewayAccount.masked(router.secret),
                kind: router.kind == .hotspot ? words.kindHotspot : words.kindPPPoE, coaPort: router.coaPort,
                online: online[router.id] ?? 0, editPath: Paths.Admin.router(router.id),
                deletePath: Paths.Admin.deleteRouter(router.id))
        }
        let view = AdminRoutersView(
            entries: entries, newPath: Paths.Admin.newRouter, csrfToken: admin.session.csrfSecret, saved: saved)
        return .page(AdminRoutersPage(chrome: context.chrome, view: view))
    }

    func form(
        _ admin: AuthenticatedTenantAdmin, id: Int?, storedSecret: String?, state: FormState,
        tunnel: AdminRouterTunnelView? = nil, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminRouterFormView(
            isNew: id == nil, state: state, storedSecret: storedSecret.map(PaymentGatewayAccount.masked),
            formPath: id.map(Paths.Admin.router) ?? Paths.Admin.newRouter, csrfToken: admin.session.csrfSecret, tunnel: tunnel)
        return .page(AdminRouterFormPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
