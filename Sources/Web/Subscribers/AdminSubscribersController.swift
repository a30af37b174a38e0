import Foundation
import HTTP
import Templates

/// `GET /admin/subscribers` (search, filter, pages), `GET/POST /admin/subscribers/new`,
/// `GET/POST /admin/subscribers/{id}` and `POST /admin/subscribers/{id}/{suspend|terminate|restore|portal-password}`:
/// a tenant admin's monthly subscribers. Every lookup is scoped by the admin's tenant, so another tenant's
/// subscriber id is a 404 and never matches the search.
struct AdminSubscribersController: Sendable {
    typealias Field = AdminSubscriberView.Field

    let subscribers: SubscriberListQuery
    let plans: PlanRepository
    let editor: SubscriberEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/subscribers") { request, admin, _ in
            let context = admin.context
            let list = try AdminListRequest(request: request, statuses: SubscriberListQuery.statuses)
            let page = try subscribers.page(list, for: context.tenant)
            let words = context.language.adminSubscriberStrings
            let view = AdminSubscribersView(
                rows: page.rows.map { row(of: $0, words: words) },
                search: list.search(path: Paths.Admin.subscribers, statuses: Self.statusOptions(words)),
                pager: page.pager(path: Paths.Admin.subscribers, request: list), csrfToken: admin.session.csrfSecret)
            return .page(AdminSubscribersPage(chrome: context.chrome, view: view))
        }
        router.get("/admin/subscribers/new") { _, admin, _ in
            try page(admin, detail: nil, state: FormState(values: [Field.billingDay: "1"]))
        }
        router.post("/admin/subscribers/new") { request, admin, _ in try save(request, admin, id: nil) }
        router.get("/admin/subscribers/{id}") { request, admin, parameters in
            let context = admin.context
            let detail = try find(try AdminProfilesController.id(parameters), context)
            let items = try request.queryItems
            let words = context.language.adminSubscriberStrings
            let notice =
                items["saved"] == "1"
                ? context.language.strings.adminSaved
                : items["status"] == "1" ? words.statusChanged : items["password"] == "1" ? words.portalPasswordSaved : nil
            return try page(
                admin, detail: detail, state: FormState(values: SubscriberForm.values(of: detail)), notice: notice)
        }
        router.post("/admin/subscribers/{id}") { request, admin, parameters in
            try save(request, admin, id: try AdminProfilesController.id(parameters))
        }
        router.post("/admin/subscribers/{id}/{action}") { request, admin, parameters in
            let id = try AdminProfilesController.id(parameters)
            let action: String = try parameters.require("action")
            let form = try request.formFields()
            if action == "portal-password" { return try setPortalPassword(admin, id: id, form: form, request: request) }
            guard let change = SubscriberEditor.StatusChange(rawValue: action) else { throw HTTPError(.notFound) }
            try admin.verifyCSRF(form)
            return try changeStatus(change, admin, id: id, form: form, request: request)
        }
    }

    static func statusOptions(_ words: AdminSubscriberStrings) -> [SelectField.Option] {
        SubscriberListQuery.statuses.map { SelectField.Option(value: $0, label: label(status: $0, words: words)) }
    }

    static func label(status: String, words: AdminSubscriberStrings) -> String {
        switch status {
        case "active": words.statusActive
        case "isolated": words.statusIsolated
        case "suspended": words.statusSuspended
        case "terminated": words.statusTerminated
        default: words.filterOverdue
        }
    }

    static func badge(_ status: Subscriber.Status, words: AdminSubscriberStrings) -> AdminSalesBadge {
        let tone: AdminSalesBadge.Tone =
            switch status {
            case .active: .good
            case .isolated: .bad
            case .suspended: .waiting
            case .terminated: .quiet
            }
        return AdminSalesBadge(label(status: status.rawValue, words: words), tone: tone)
    }

    private func row(of subscriber: Subscriber, words: AdminSubscriberStrings) -> AdminSubscriberRow {
        AdminSubscriberRow(
            name: subscriber.name, detailURL: Paths.Admin.subscriber(subscriber.id), customerNumber: subscriber.customerNumber,
            pppoeUsername: subscriber.pppoeUsername, phone: subscriber.phone, plan: subscriber.planName,
            status: Self.badge(subscriber.status, words: words))
    }

    private func find(_ id: UUID, _ context: TenantContext) throws -> SubscriberDetail {
        guard let detail = try subscribers.detail(id: id, for: context.tenant) else { throw HTTPError(.notFound) }
        return detail
    }

    /// Creates (`id` nil) or updates a subscriber; a bad field is a 422 with the input kept.
    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: UUID?) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        let detail = try id.map { try find($0, context) }
        let words = context.language.adminSubscriberStrings
        let form = SubscriberForm(submitted, isNew: id == nil, strings: context.language.strings, words: words)
        var errors = form.errors
        if errors.isEmpty, let planID = form.planID {
            let actor = AuditActor(admin, request: request)
            let outcome =
                if let id { try editor.update(id, with: form.input, planID: planID, for: context.tenant, by: actor) } else {
                    try editor.create(
                        form.input, planID: planID, portalPassword: form.portalPassword, for: context.tenant, by: actor)
                }
            switch outcome {
            case .saved(let saved): return .redirect(to: Paths.Admin.subscriber(saved) + "?saved=1")
            case .notFound: throw HTTPError(.notFound)
            case .planUnavailable: errors[Field.plan] = words.errorPlan
            case .customerNumberTaken: errors[Field.customerNumber] = words.errorCustomerNumberTaken
            case .usernameTaken: errors[Field.pppoeUsername] = words.errorPPPoEUsernameTaken
            }
        }
        return try page(
            admin, detail: detail, state: FormState(values: form.values, errors: errors), status: .unprocessableContent)
    }

    private func changeStatus(
        _ change: SubscriberEditor.StatusChange, _ admin: AuthenticatedTenantAdmin, id: UUID, form: URLEncodedForm,
        request: HTTPRequest
    ) throws -> HTTPResponse {
        let context = admin.context
        let reason = (form[Field.reason] ?? "").trimmed
        guard !reason.isEmpty, reason.count <= 500, !reason.contains(where: \.isNewline) else {
            let detail = try find(id, context)
            return try page(
                admin, detail: detail, state: FormState(values: SubscriberForm.values(of: detail)),
                statusState: FormState(
                    values: [Field.reason: form[Field.reason] ?? ""],
                    errors: [Field.reason: context.language.adminSubscriberStrings.errorReason]),
                status: .unprocessableContent)
        }
        switch try editor.change(change, id, reason: reason, for: context.tenant, by: AuditActor(admin, request: request)) {
        case .changed: return .redirect(to: Paths.Admin.subscriber(id) + "?status=1")
        case .notFound: throw HTTPError(.notFound)
        case .notApplicable: throw HTTPError(.conflict, "the subscriber's status does not allow this change")
        }
    }

    private func setPortalPassword(
        _ admin: AuthenticatedTenantAdmin, id: UUID, form: URLEncodedForm, request: HTTPRequest
    ) throws -> HTTPResponse {
        try admin.verifyCSRF(form)
        let context = admin.context
        let password = form[Field.portalPassword] ?? ""
        guard PasswordChange.lengths.contains(password.count) else {
            let detail = try find(id, context)
            return try page(
                admin, detail: detail, state: FormState(values: SubscriberForm.values(of: detail)),
                portalState: FormState(errors: [Field.portalPassword: context.language.adminSubscriberStrings.errorPortalPassword]),
                status: .unprocessableContent)
        }
        guard try editor.setPortalPassword(password, id, for: context.tenant, by: AuditActor(admin, request: request))
        else { throw HTTPError(.notFound) }
        return .redirect(to: Paths.Admin.subscriber(id) + "?password=1")
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, detail: SubscriberDetail?, state: FormState, notice: String? = nil,
        statusState: FormState = FormState(), portalState: FormState = FormState(), status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let context = admin.context
        let words = context.language.adminSubscriberStrings
        let current = detail?.subscriber
        let options = try plans.allPlans(for: context.tenant)
            .filter { $0.isActive || $0.id == current?.planID }
            .map { SelectField.Option(value: $0.id.uuidString.lowercased(), label: $0.name + " · " + Rupiah.format($0.price)) }
        var view = AdminSubscriberView(
            heading: current.map { words.editSubscriber + ": " + $0.name } ?? words.newSubscriber, state: state,
            plans: options, formPath: current.map { Paths.Admin.subscriber($0.id) } ?? Paths.Admin.newSubscriber,
            csrfToken: admin.session.csrfSecret, existing: nil)
        if let detail, let subscriber = current {
            let format = AdminSalesFormatter(context: context)
            let badge = Self.badge(subscriber.status, words: words)
            view.existing = AdminSubscriberView.Existing(
                status: badge, statusLine: words.statusSince(badge.text, format.times.dayAndTime(detail.statusChangedAt)),
                statusReason: detail.statusReason,
                actions: SubscriberEditor.StatusChange.allCases.filter { $0.from.contains(subscriber.status) }.map {
                    .init(action: $0.rawValue, path: Paths.Admin.subscriber(subscriber.id, action: $0.rawValue))
                }, portalPasswordPath: Paths.Admin.subscriber(subscriber.id, action: "portal-password"),
                statusState: statusState, portalState: portalState, invoices: detail.invoices.map(format.invoiceRow),
                notice: notice)
        }
        return .page(AdminSubscriberPage(chrome: context.chrome, view: view), status: status)
    }
}
