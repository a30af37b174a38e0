import Foundation
import HTTP
import Templates

/// `GET /admin/plans`, `GET/POST /admin/plans/new`, `GET/POST /admin/plans/{id}` and
/// `POST /admin/plans/{id}/{activate|deactivate|delete}`: a tenant admin's monthly plans, edited with the
/// voucher profiles' rules. Every lookup is scoped by the admin's tenant, so another tenant's plan id is
/// a 404 and a `tenant_id` in a form is never read.
struct AdminPlansController: Sendable {
    typealias Field = AdminPlanFormView.Field
    typealias Draft = PlanEditor.Draft

    let plans: PlanRepository
    let editor: PlanEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/plans") { request, admin, _ in
            let items = try request.queryItems
            return try list(admin, saved: items["saved"] == "1", inUse: items["in_use"] == "1")
        }
        router.get("/admin/plans/new") { _, admin, _ in
            form(admin, id: nil, state: FormState(values: Draft.newPlanValues))
        }
        router.post("/admin/plans/new") { request, admin, _ in try save(request, admin, id: nil) }
        router.get("/admin/plans/{id}") { _, admin, parameters in
            guard let plan = try plans.plan(id: try AdminProfilesController.id(parameters), for: admin.context.tenant) else {
                throw HTTPError(.notFound)
            }
            return form(admin, id: plan.id, state: FormState(values: Draft.values(of: plan)))
        }
        router.post("/admin/plans/{id}") { request, admin, parameters in
            try save(request, admin, id: try AdminProfilesController.id(parameters))
        }
        router.post("/admin/plans/{id}/{action}") { request, admin, parameters in
            let context = admin.context
            let id = try AdminProfilesController.id(parameters)
            let action: String = try parameters.require("action")
            guard ["activate", "deactivate", "delete"].contains(action) else { throw HTTPError(.notFound) }
            try admin.verifyCSRF(try request.formFields())
            let actor = AuditActor(admin, request: request)
            if action == "delete" {
                switch try editor.delete(id, for: context.tenant, by: actor) {
                case .deleted: return .redirect(to: Paths.Admin.plans + "?saved=1")
                case .notFound: throw HTTPError(.notFound)
                case .inUse:
                    return try list(admin, saved: false, inUse: true, status: .conflict)
                }
            }
            guard try editor.setActive(action == "activate", id, for: context.tenant, by: actor) else {
                throw HTTPError(.notFound)
            }
            return .redirect(to: Paths.Admin.plans + "?saved=1")
        }
    }

    /// The form's own fields; anything else a request carries is never read.
    static let formFields = [
        Field.name, Field.price, Field.downloadKbps, Field.uploadKbps, Field.radiusGroup, Field.isActive,
    ]

    /// Creates (`id` nil) or updates a plan; a bad field is a 422 with the input kept.
    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: UUID?) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        var typed: [String: String] = [:]
        for name in Self.formFields { typed[name] = submitted[name] }
        let words = context.language.adminSubscriberStrings
        let draft = Draft(values: typed, strings: context.language.adminContentStrings, words: words)
        var errors = draft.errors
        if errors.isEmpty {
            let actor = AuditActor(admin, request: request)
            let outcome =
                if let id { try editor.update(id, with: draft, for: context.tenant, by: actor) } else {
                    try editor.create(draft, for: context.tenant, by: actor)
                }
            switch outcome {
            case .saved: return .redirect(to: Paths.Admin.plans + "?saved=1")
            case .notFound: throw HTTPError(.notFound)
            case .nameTaken: errors[Field.name] = words.errorPlanNameTaken
            case .groupTaken: errors[Field.radiusGroup] = words.errorPlanGroupTaken
            case .groupTakenByAnotherTenant: errors[Field.radiusGroup] = context.language.adminContentStrings.errorRadiusGroupTaken
            case .groupIsAPackages: errors[Field.radiusGroup] = words.errorPlanGroupIsAPackages
            }
        } else if let id, try plans.plan(id: id, for: context.tenant) == nil {
            throw HTTPError(.notFound)
        }
        return form(admin, id: id, state: FormState(values: draft.values, errors: errors), status: .unprocessableContent)
    }

    private func list(_ admin: AuthenticatedTenantAdmin, saved: Bool, inUse: Bool, status: HTTPStatus = .ok) throws
        -> HTTPResponse
    {
        let context = admin.context
        let entries = try plans.allPlans(for: context.tenant).map { plan in
            AdminPlansView.Entry(
                name: plan.name, price: Rupiah.format(plan.price), speed: Self.speed(plan), radiusGroup: plan.radiusGroup,
                isActive: plan.isActive, subscriberCount: plan.subscriberCount, editPath: Paths.Admin.plan(plan.id),
                togglePath: Paths.Admin.plan(plan.id, action: plan.isActive ? "deactivate" : "activate"),
                deletePath: Paths.Admin.plan(plan.id, action: "delete"))
        }
        let view = AdminPlansView(
            entries: entries, csrfToken: admin.session.csrfSecret, saved: saved,
            refusal: inUse ? context.language.adminSubscriberStrings.planInUse : nil)
        return .page(AdminPlansPage(chrome: context.chrome, view: view), status: status)
    }

    /// `20000k / 10000k` (download / upload, as the form asks them); `—` for no limit.
    static func speed(_ plan: Plan) -> String {
        guard plan.downloadKbps != nil || plan.uploadKbps != nil else { return "—" }
        return (plan.downloadKbps.map { "\($0)k" } ?? "—") + " / " + (plan.uploadKbps.map { "\($0)k" } ?? "—")
    }

    private func form(_ admin: AuthenticatedTenantAdmin, id: UUID?, state: FormState, status: HTTPStatus = .ok)
        -> HTTPResponse
    {
        let view = AdminPlanFormView(
            isNew: id == nil, state: state, formPath: id.map(Paths.Admin.plan) ?? Paths.Admin.newPlan,
            csrfToken: admin.session.csrfSecret)
        return .page(AdminPlanFormPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
