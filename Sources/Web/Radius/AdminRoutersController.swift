import Foundation
import HTTP
import Templates

/// `GET /admin/routers`, `GET/POST /admin/routers/new`, `GET/POST /admin/routers/{id}` and
/// `POST /admin/routers/{id}/delete`: the tenant's routers, which FreeRADIUS accepts requests from.
/// A router's tunnel to the platform is on its page (`AdminRoutersController+Tunnel`).
/// Every lookup is scoped by the signed-in admin's tenant, so another tenant's router id is a 404.
struct AdminRoutersController: Sendable {
    static let path = "/admin/routers"
    typealias Field = AdminRouterFormView.Field
    typealias Draft = RadiusRouterEditor.Draft

    let services: AdminServices
    let routers: RadiusRouterRepository
    let editor: RadiusRouterEditor
    let tunnels: RouterTunnelRepository
    /// nil when the platform has no WireGuard network (`WIREGUARD_NETWORK`).
    let tunnelEditor: RouterTunnelEditor?

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            return try list(admin, saved: try request.queryItems["saved"] == "1")
        }
        router.get(Self.path + "/new") { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            return form(admin, id: nil, storedSecret: nil, state: FormState(values: Draft.newRouterValues))
        }
        router.post(Self.path + "/new") { request, context, _ in try save(request, context, id: nil) }
        router.get(Self.path + "/{id}") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            guard let stored = try routers.router(id: try Self.id(parameters), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            return try routerPage(admin, stored)
        }
        router.post(Self.path + "/{id}") { request, context, parameters in
            try save(request, context, id: try Self.id(parameters))
        }
        router.post(Self.path + "/{id}/delete") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let id = try Self.id(parameters)
            try admin.verifyCSRF(try request.formFields())
            guard try editor.delete(id, for: context.tenant, by: AuditActor(admin, request: request)) else {
                throw HTTPError(.notFound)
            }
            tunnelEditor?.rewritePeersFile()
            return .redirect(to: Self.path + "?saved=1")
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

    static func editPath(_ id: Int) -> String { "\(path)/\(id)" }

    private func save(_ request: HTTPRequest, _ context: TenantContext, id: Int?) throws -> HTTPResponse {
        let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
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
            case .saved: return .redirect(to: Self.path + "?saved=1")
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
                online: online[router.id] ?? 0, editPath: Self.editPath(router.id),
                deletePath: Self.editPath(router.id) + "/delete")
        }
        let view = AdminRoutersView(
            entries: entries, newPath: Self.path + "/new", csrfToken: admin.session.csrfSecret, saved: saved)
        return AdminPagesController.noStore(.page(AdminRoutersPage(chrome: context.chrome, view: view)))
    }

    func form(
        _ admin: AuthenticatedTenantAdmin, id: Int?, storedSecret: String?, state: FormState,
        tunnel: AdminRouterTunnelView? = nil, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminRouterFormView(
            isNew: id == nil, state: state, storedSecret: storedSecret.map(PaymentGatewayAccount.masked),
            formPath: id.map(Self.editPath) ?? Self.path + "/new", csrfToken: admin.session.csrfSecret, tunnel: tunnel)
        return AdminPagesController.noStore(
            .page(AdminRouterFormPage(chrome: admin.context.chrome, view: view), status: status))
    }
}
