import Foundation
import HTTP
import Templates

/// `GET /admin/finance?month=YYYY-MM&page=N` (the month's report, and its ledger a page at a time),
/// `GET /admin/finance/export.csv` (the whole ledger as CSV), and the expenses:
/// `GET/POST /admin/finance/expenses/new`, `GET/POST /admin/finance/expenses/{id}`,
/// `POST /admin/finance/expenses/{id}/delete`. Every read and change is scoped by the signed-in admin's
/// tenant, so another tenant's expense id is a 404.
struct AdminFinanceController: Sendable {
    typealias Field = AdminExpenseFormView.Field

    let ledger: FinanceLedger
    let editor: ExpenseEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/finance") { request, admin, _ in
            let context = admin.context
            let month = try Self.month(request, context)
            let words = context.language.financeStrings
            let notice: String? =
                switch try request.queryItems["done"] {
                case "saved": words.expenseSaved
                case "deleted": words.expenseDeleted
                default: nil
                }
            let page = try AdminListRequest.page(try request.queryItems["page"])
            return try report(admin, month: month, page: page, notice: notice)
        }
        router.get("/admin/finance/export.csv") { request, admin, _ in
            let context = admin.context
            let month = try Self.month(request, context)
            let rows = FinanceReport.csvRows(try ledger.allEntries(in: month, for: context.tenant))
            var headers = HTTPHeaders()
            headers.set("Content-Type", "text/csv; charset=utf-8")
            headers.set("Content-Disposition", "attachment; filename=\"finance-\(month).csv\"")
            return HTTPResponse(headers: headers, body: Array(CSVText.document(rows).utf8))
        }
        router.get("/admin/finance/expenses/new") { _, admin, _ in
            let today = Self.today(in: admin.context)
            return form(admin, id: nil, state: FormState(values: [Field.date: today, Field.category: "bandwidth"]))
        }
        router.post("/admin/finance/expenses/new") { request, admin, _ in try save(request, admin, id: nil) }
        router.get("/admin/finance/expenses/{id}") { _, admin, parameters in
            guard let expense = try editor.expense(try Self.id(parameters), for: admin.context.tenant) else {
                throw HTTPError(.notFound)
            }
            return form(admin, id: expense.id, state: FormState(values: ExpenseDraft.values(of: expense)))
        }
        router.post("/admin/finance/expenses/{id}") { request, admin, parameters in
            try save(request, admin, id: try Self.id(parameters))
        }
        router.post("/admin/finance/expenses/{id}/delete") { request, admin, parameters in
            let id = try Self.id(parameters)
            try admin.verifyCSRF(try request.formFields())
            guard try editor.delete(id, for: admin.context.tenant, by: AuditActor(admin, request: request)) else {
                throw HTTPError(.notFound)
            }
            return .redirect(to: Paths.Admin.finance + "?done=deleted")
        }
    }

    /// The month the query names, or the tenant's current one; a malformed month is a 400.
    static func month(_ request: HTTPRequest, _ context: TenantContext) throws -> UsageMonth {
        let zone = TimeZone(identifier: context.branding.timeZone) ?? TimeZone(identifier: "Asia/Jakarta")!
        guard let month = UsageMonth.financeMonth(query: try request.queryItems["month"], timeZone: zone) else {
            throw HTTPError(.badRequest, "month must be written YYYY-MM")
        }
        return month
    }

    /// An expense id from the URL; one that is not even a UUID names no expense: a 404.
    static func id(_ parameters: RouteParameters) throws -> UUID {
        guard let id = parameters["id"].flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
        return id
    }

    /// Today in the tenant's time zone, `YYYY-MM-DD`: a new expense's default date.
    private static func today(in context: TenantContext) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: context.branding.timeZone) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }

    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, id: UUID?) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        if let id, try editor.expense(id, for: context.tenant) == nil { throw HTTPError(.notFound) }
        var typed: [String: String] = [:]
        for name in [Field.date, Field.category, Field.amount, Field.note] { typed[name] = submitted[name] }
        let draft = ExpenseDraft(form: typed, strings: context.language.financeStrings)
        guard draft.errors.isEmpty else {
            return form(
                admin, id: id, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent)
        }
        let actor = AuditActor(admin, request: request)
        if let id {
            guard try editor.update(id, with: draft, for: context.tenant, by: actor) else { throw HTTPError(.notFound) }
        } else {
            try editor.create(draft, for: context.tenant, by: actor)
        }
        let month = UsageMonth(parsing: String(draft.date.prefix(7))).map { "&month=\($0)" } ?? ""
        return .redirect(to: Paths.Admin.finance + "?done=saved" + month)
    }

    /// Ledger rows a page: a month of a large ISP has thousands, and the page stays light on a phone.
    static let ledgerPageSize = 100

    private func report(_ admin: AuthenticatedTenantAdmin, month: UsageMonth, page requested: Int, notice: String?) throws
        -> HTTPResponse
    {
        let context = admin.context
        let report = FinanceReport(sums: try ledger.sums(in: month, for: context.tenant), month: month)
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let pager = AdminSalesPager.at(requested, totalCount: report.entryCount, pageSize: Self.ledgerPageSize) {
            Paths.Admin.finance(month: month.description, page: $0)
        }
        let shown = try ledger.entries(
            in: month, for: context.tenant, offset: (pager.page - 1) * Self.ledgerPageSize, limit: Self.ledgerPageSize)
        let entries = shown.map { entry in
            AdminFinanceView.Entry(
                date: entry.day, time: entry.time,
                kind: entry.kind == .expense ? .expense : entry.isRefund ? .refund : .income, channel: entry.channel,
                item: entry.item, reference: entry.kind == .expense ? entry.note : entry.reference,
                amount: entry.amount, editPath: entry.kind == .expense ? Paths.Admin.expense(entry.id) : nil)
        }
        let view = AdminFinanceView(
            month: month.description, monthName: dates.month(month.month, of: month.year) ?? month.description,
            previousPath: Paths.Admin.finance(month: month.previous.description),
            nextPath: Paths.Admin.finance(month: month.next.description),
            exportPath: Paths.Admin.exportFinance(month: month.description), newExpensePath: Paths.Admin.newExpense,
            income: report.income, expenses: report.expenses, days: report.days, items: report.items,
            channels: report.channels, categories: report.categories, entries: entries, pager: pager,
            csrfToken: admin.session.csrfSecret, notice: notice)
        return .page(AdminFinancePage(chrome: context.chrome, view: view))
    }

    private func form(_ admin: AuthenticatedTenantAdmin, id: UUID?, state: FormState, status: HTTPStatus = .ok)
        -> HTTPResponse
    {
        let view = AdminExpenseFormView(
            isNew: id == nil, state: state, formPath: id.map(Paths.Admin.expense) ?? Paths.Admin.newExpense,
            deletePath: id.map(Paths.Admin.deleteExpense), backPath: Paths.Admin.finance,
            csrfToken: admin.session.csrfSecret)
        return .page(AdminExpenseFormPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
