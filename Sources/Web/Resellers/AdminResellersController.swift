import Foundation
import HTTP
import Templates

/// `GET /admin/resellers`, `GET/POST /admin/resellers/new`, `GET /admin/resellers/{id}` (its figures,
/// batches and settlements), `GET/POST /admin/resellers/{id}/edit` and `POST /admin/resellers/{id}/settlements`.
/// Every lookup is scoped by the signed-in admin's tenant, so another tenant's reseller id is a 404.
struct AdminResellersController: Sendable {
    typealias Field = AdminResellerFormView.Field

    let resellers: ResellerRepository
    let batches: VoucherBatchRepository
    let editor: ResellerEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/resellers") { request, admin, _ in
            try list(admin, saved: try request.queryItems["saved"] == "1")
        }
        router.get("/admin/resellers/new") { _, admin, _ in
            form(admin, id: nil, state: FormState(values: ResellerDraft.newResellerValues))
        }
        router.post("/admin/resellers/new") { request, admin, _ in try save(request, admin, id: nil) }
        router.get("/admin/resellers/{id}") { request, admin, parameters in
            let notice = try request.queryItems["settled"] == "1" ? admin.context.language.adminResellerStrings.recorded : nil
            return try page(admin, id: try Self.id(parameters), settlement: nil, notice: notice)
        }
        router.get("/admin/resellers/{id}/edit") { _, admin, parameters in
            let id = try Self.id(parameters)
            guard let stored = try resellers.reseller(id: id, for: admin.context.tenant) else { throw HTTPError(.notFound) }
            return form(admin, id: id, state: FormState(values: ResellerDraft.values(of: stored)))
        }
        router.post("/admin/resellers/{id}/edit") { request, admin, parameters in
            try save(request, admin, id: try Self.id(parameters))
        }
        router.post("/admin/resellers/{id}/settlements") { request, admin, parameters in
            try settle(request, admin, id: try Self.id(parameters))
        }
    }

    /// A reseller id from the URL; one that is not even a UUID names no reseller, so it is a 404 too.
    static func id(_ parameters: RouteParameters) throws -> UUID {
        guard let id = parameters["id"].flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
        return id
    }

    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: UUID?) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        if let id, try resellers.reseller(id: id, for: context.tenant) == nil { throw HTTPError(.notFound) }
        let words = context.language.adminResellerStrings
        var typed: [String: String] = [:]
        for name in [Field.name, Field.whatsApp, Field.terms, Field.commission, Field.cardPrice, Field.active] {
            typed[name] = submitted[name]
        }
        let draft = ResellerDraft(form: typed, strings: words)
        var errors = draft.errors
        if errors.isEmpty {
            let actor = AuditActor(admin, request: request)
            let outcome =
                if let id { try editor.update(id, with: draft, for: context.tenant, by: actor) } else {
                    try editor.create(draft, for: context.tenant, by: actor)
                }
            switch outcome {
            case .saved(let saved): return .redirect(to: Paths.Admin.reseller(saved))
            case .notFound: throw HTTPError(.notFound)
            case .nameTaken: errors[Field.name] = words.errorNameTaken
            }
        }
        return form(admin, id: id, state: FormState(values: draft.values, errors: errors), status: .unprocessableContent)
    }

    /// Records a settlement; a bad field is a 422 of the reseller's page with the input kept and nothing written.
    private func settle(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: UUID) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let today = dates.isoDay(Date())
        typealias Settlement = AdminResellerView.SettlementField
        var typed: [String: String] = [:]
        for name in [Settlement.amount, Settlement.day, Settlement.method, Settlement.note] {
            typed[name] = submitted[name]
        }
        let draft = SettlementDraft(form: typed, today: today, strings: context.language.adminResellerStrings)
        if draft.errors.isEmpty {
            guard
                try editor.settle(
                    draft, reseller: id, today: today, timeZone: dates.timeZone.identifier, for: context.tenant,
                    by: AuditActor(admin, request: request))
            else { throw HTTPError(.notFound) }
            return .redirect(to: Paths.Admin.reseller(id) + "?settled=1")
        }
        return try page(
            admin, id: id, settlement: FormState(values: draft.values, errors: draft.errors), notice: nil,
            status: .unprocessableContent)
    }

    private func list(_ admin: AuthenticatedTenantAdmin, saved: Bool) throws -> HTTPResponse {
        let context = admin.context
        let words = context.language.adminResellerStrings
        let entries = try resellers.accounts(for: context.tenant).map { account in
            AdminResellersView.Entry(
                name: account.reseller.name, terms: Self.terms(account.reseller, words: words), taken: account.taken,
                used: account.used, balance: Self.balance(account, words: words), isActive: account.reseller.isActive,
                path: Paths.Admin.reseller(account.reseller.id))
        }
        let view = AdminResellersView(
            entries: entries, newPath: Paths.Admin.newReseller, csrfToken: admin.session.csrfSecret, saved: saved)
        return .page(AdminResellersPage(chrome: context.chrome, view: view))
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, id: UUID, settlement: FormState?, notice: String?, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let context = admin.context
        guard let account = try resellers.accounts(for: context.tenant, id: id).first else { throw HTTPError(.notFound) }
        let words = context.language.adminResellerStrings
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let reseller = account.reseller
        var figures = [
            SummaryLine(label: words.columnTaken, value: String(account.taken)),
            SummaryLine(label: words.columnUsed, value: String(account.used)),
            SummaryLine(label: words.columnDue, value: Rupiah.format(account.due)),
            SummaryLine(label: words.columnSettled, value: Rupiah.format(account.settled)),
            SummaryLine(label: words.columnOwes, value: Rupiah.format(account.owes)),
        ]
        if account.credit > 0 { figures.append(SummaryLine(label: words.columnCredit, value: Rupiah.format(account.credit))) }
        let batchRows = try batches.all(for: context.tenant, reseller: id).map { batch in
            AdminResellerView.Batch(
                created: dates.dayAndTime(batch.createdAt), packageName: batch.profileName, quantity: batch.quantity,
                used: batch.used, cardPrice: Rupiah.format(batch.resellerCardPrice ?? 0),
                printPath: Paths.Admin.printVoucherBatch(batch.id))
        }
        let settlements = try resellers.settlements(of: id, for: context.tenant).map { settlement in
            AdminResellerView.Settlement(
                day: dates.day(settlement.at), amount: Rupiah.format(settlement.amount),
                method: settlement.method == "bank_transfer" ? words.methodBankTransfer : words.methodCash,
                note: settlement.note, recordedBy: settlement.recordedBy)
        }
        let view = AdminResellerView(
            name: reseller.name, whatsApp: reseller.whatsApp, terms: Self.terms(reseller, words: words),
            isActive: reseller.isActive, figures: figures, batches: batchRows, settlements: settlements,
            settlementState: settlement ?? FormState(values: SettlementDraft.newValues(today: dates.isoDay(Date()))),
            settlementPath: Paths.Admin.resellerSettlements(id), editPath: Paths.Admin.editReseller(id),
            csrfToken: admin.session.csrfSecret, notice: notice)
        return .page(AdminResellerPage(chrome: context.chrome, view: view), status: status)
    }

    private func form(_ admin: AuthenticatedTenantAdmin, id: UUID?, state: FormState, status: HTTPStatus = .ok) -> HTTPResponse {
        let view = AdminResellerFormView(
            isNew: id == nil, state: state, formPath: id.map(Paths.Admin.editReseller) ?? Paths.Admin.newReseller,
            csrfToken: admin.session.csrfSecret)
        return .page(AdminResellerFormPage(chrome: admin.context.chrome, view: view), status: status)
    }

    static func terms(_ reseller: Reseller, words: AdminResellerStrings) -> String {
        switch reseller.terms {
        case .commission(let percent): words.commissionSummary(percent)
        case .price(let price): words.priceSummary(Rupiah.format(price))
        }
    }

    /// What it owes, or its credit when it has paid ahead.
    static func balance(_ account: ResellerAccount, words: AdminResellerStrings) -> String {
        account.credit > 0 ? words.credit(Rupiah.format(account.credit)) : Rupiah.format(account.owes)
    }
}
