import Foundation
import HTTP
import Templates

/// `GET /admin/profiles`, `GET/POST /admin/profiles/new`, `GET/POST /admin/profiles/{id}` and
/// `POST /admin/profiles/{id}/{action}`: a tenant admin's voucher profiles. Every lookup is scoped by
/// the signed-in admin's tenant, so another tenant's profile id is a 404 and a `tenant_id` in a form
/// is never read.
struct AdminProfilesController: Sendable {
    typealias Field = AdminProfileFormView.Field
    typealias Draft = VoucherProfileEditor.Draft

    let profiles: VoucherProfileRepository
    let editor: VoucherProfileEditor
    /// The store's in-memory catalogue: dropped for this tenant after each change, so this instance's
    /// store shows it on the very next request (the NOTIFY tells the other instances).
    let catalogue: CatalogueCache

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/profiles") { request, admin, _ in
            try list(admin, saved: try request.queryItems["saved"] == "1")
        }
        router.get("/admin/profiles/new") { _, admin, _ in
            form(admin, id: nil, state: FormState(values: Draft.newProfileValues))
        }
        router.post("/admin/profiles/new") { request, admin, _ in try save(request, admin, id: nil) }
        router.get("/admin/profiles/{id}") { _, admin, parameters in
            guard let managed = try profiles.profile(id: try Self.id(parameters), for: admin.context.tenant) else {
                throw HTTPError(.notFound)
            }
            return form(admin, id: managed.profile.id, state: FormState(values: Draft.values(of: managed.profile)))
        }
        router.post("/admin/profiles/{id}") { request, admin, parameters in
            try save(request, admin, id: try Self.id(parameters))
        }
        router.post("/admin/profiles/{id}/{action}") { request, admin, parameters in
            let context = admin.context
            let id = try Self.id(parameters)
            guard let action = VoucherProfileEditor.Action(rawValue: try parameters.require("action")) else {
                throw HTTPError(.notFound)
            }
            try admin.verifyCSRF(try request.formFields())
            guard try editor.apply(action, to: id, for: context.tenant, by: AuditActor(admin, request: request)) else {
                throw HTTPError(.notFound)
            }
            catalogue.invalidate(context.tenant.id)
            return .redirect(to: Paths.Admin.profiles + "?saved=1")
        }
    }

    /// An id from the URL (a profile's, a plan's, a subscriber's); one that is not even a UUID names
    /// nothing, so it is a 404 too.
    static func id(_ parameters: RouteParameters) throws -> UUID {
        guard let id = parameters["id"].flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
        return id
    }

    /// Creates (`id` nil) or updates a profile from the submitted form; a bad field is a 422 with the input kept.
    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: UUID?) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        var typed: [String: String] = [:]
        for name in Self.formFields { typed[name] = submitted[name] }
        let words = context.language.adminContentStrings
        let draft = Draft(values: typed, strings: words)
        var errors = draft.errors
        if errors.isEmpty {
            let actor = AuditActor(admin, request: request)
            let outcome =
                if let id { try editor.update(id, with: draft, for: context.tenant, by: actor) } else {
                    try editor.create(draft, for: context.tenant, by: actor)
                }
            switch outcome {
            case .saved:
                catalogue.invalidate(context.tenant.id)
                return .redirect(to: Paths.Admin.profiles + "?saved=1")
            case .notFound: throw HTTPError(.notFound)
            case .groupHasSoldVouchers: errors[Field.radiusGroup] = words.errorRadiusGroupHasSoldVouchers
            case .groupTakenByAnotherTenant: errors[Field.radiusGroup] = words.errorRadiusGroupTaken
            case .groupIsAPlans: errors[Field.radiusGroup] = context.language.adminSubscriberStrings.errorPackageGroupIsAPlans
            }
        } else if let id, try profiles.profile(id: id, for: context.tenant) == nil {
            throw HTTPError(.notFound)
        }
        return form(admin, id: id, state: FormState(values: draft.values, errors: errors), status: .unprocessableContent)
    }

    /// The form's own fields; anything else a request carries (a `tenant_id`, say) is never read.
    static let formFields = [
        Field.name, Field.description, Field.price, Field.validity, Field.validityUnit, Field.dataQuotaMB,
        Field.downloadKbps, Field.uploadKbps, Field.sharedUsers, Field.radiusGroup, Field.codeLength,
        Field.validityFrom,
    ]

    private func list(_ admin: AuthenticatedTenantAdmin, saved: Bool) throws -> HTTPResponse {
        let context = admin.context
        let strings = context.language.strings
        let entries = try profiles.allProfiles(for: context.tenant).map { managed in
            let profile = managed.profile
            return AdminProfilesView.Entry(
                id: profile.id, name: profile.name, price: Rupiah.format(profile.price),
                validity: VoucherProfile.validity(minutes: profile.validityMinutes, strings: strings),
                radiusGroup: profile.radiusGroup,
                status: managed.isDeleted ? .deleted : profile.isOnSale ? .onSale : .hidden)
        }
        let view = AdminProfilesView(
            entries: entries, csrfToken: admin.session.csrfSecret, saved: saved)
        return .page(AdminProfilesPage(chrome: context.chrome, view: view))
    }

    private func form(
        _ admin: AuthenticatedTenantAdmin, id: UUID?, state: FormState, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminProfileFormView(
            isNew: id == nil, state: state, formPath: id.map(Paths.Admin.profile) ?? Paths.Admin.newProfile,
            csrfToken: admin.session.csrfSecret)
        return .page(AdminProfileFormPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
