import Foundation
import HTTP
import Templates

/// `GET/POST /admin/vouchers` (the batches and the form that generates one), `POST /admin/vouchers/{id}/disable`,
/// `/enable` and `/delete`, and each batch's print page and CSV export (`AdminVouchersController+Print`).
/// Every lookup is scoped by the signed-in admin's tenant, so another tenant's batch id is a 404.
struct AdminVouchersController: Sendable {
    typealias Field = AdminVouchersView.Field

    let batches: VoucherBatchRepository
    let profiles: VoucherProfileRepository
    let resellers: ResellerRepository
    let editor: VoucherBatchEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/vouchers") { request, admin, _ in
            let context = admin.context
            let query = try request.queryItems
            let words = context.language.adminVoucherStrings
            let generated = query["generated"].flatMap { Int($0) }.flatMap { VoucherBatchDraft.quantities.contains($0) ? $0 : nil }
            let notice =
                generated.map(words.generated)
                ?? (query["saved"] == "1" ? context.chrome.strings.adminSaved : nil)
            return try page(
                admin, state: FormState(values: VoucherBatchDraft.defaultValues), notice: notice,
                alert: query["refused"] == "1" ? words.deleteRefusedInUse : nil)
        }
        router.post("/admin/vouchers") { request, admin, _ in try generate(request, admin) }
        router.post("/admin/vouchers/{id}/disable") { request, admin, parameters in
            try setDisabled(true, request, admin, parameters)
        }
        router.post("/admin/vouchers/{id}/enable") { request, admin, parameters in
            try setDisabled(false, request, admin, parameters)
        }
        router.post("/admin/vouchers/{id}/delete") { request, admin, parameters in
            try admin.verifyCSRF(try request.formFields())
            switch try editor.delete(try Self.id(parameters), for: admin.context.tenant, by: AuditActor(admin, request: request)) {
            case .deleted: return .redirect(to: Paths.Admin.vouchers + "?saved=1")
            case .inUse: return .redirect(to: Paths.Admin.vouchers + "?refused=1")
            case .notFound: throw HTTPError(.notFound)
            }
        }
        addPrintRoutes(to: &router)
    }

    /// A batch id from the URL; one that is not even a UUID names no batch, so it is a 404 too.
    static func id(_ parameters: RouteParameters) throws -> UUID {
        guard let id = parameters["id"].flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
        return id
    }

    private func setDisabled(
        _ disabled: Bool, _ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, _ parameters: RouteParameters
    ) throws -> HTTPResponse {
        try admin.verifyCSRF(try request.formFields())
        guard
            try editor.setDisabled(
                disabled, batch: try Self.id(parameters), for: admin.context.tenant, by: AuditActor(admin, request: request))
        else { throw HTTPError(.notFound) }
        return .redirect(to: Paths.Admin.vouchers + "?saved=1")
    }

    /// Generates a batch from the submitted form; a bad field is a 422 with the input kept and nothing written.
    private func generate(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let submitted = try request.formFields()
        try admin.verifyCSRF(submitted)
        var typed: [String: String] = [:]
        for name in [Field.package, Field.quantity, Field.codeLength, Field.alphabet, Field.prefix, Field.password, Field.reseller] {
            typed[name] = submitted[name]
        }
        let words = context.language.adminVoucherStrings
        let draft = VoucherBatchDraft(
            form: typed, packages: try packages(of: context.tenant),
            resellers: try resellers.all(for: context.tenant, activeOnly: true), strings: words)
        var errors = draft.errors
        if errors.isEmpty {
            do {
                if try editor.generate(draft, for: context.tenant, by: AuditActor(admin, request: request)) != nil {
                    return .redirect(to: Paths.Admin.vouchers + "?generated=\(draft.quantity)")
                }
                errors[Field.package] = words.errorPackage
            } catch is VoucherIssuerError {
                // Earlier batches of the same prefix and length have taken most of the codes there are.
                errors[Field.codeLength] = words.errorTooFewCodes
            }
        }
        return try page(
            admin, state: FormState(values: draft.values, errors: errors), notice: nil, alert: nil,
            status: .unprocessableContent)
    }

    /// The packages a batch may be made of: every one not deleted, on sale in the store or not.
    private func packages(of tenant: Tenant) throws -> [VoucherProfile] {
        try profiles.allProfiles(for: tenant).filter { !$0.isDeleted }.map(\.profile)
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, state: FormState, notice: String?, alert: String?, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let context = admin.context
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let entries = try batches.all(for: context.tenant).map { batch in
            AdminVouchersView.Entry(
                created: dates.dayAndTime(batch.createdAt), packageName: batch.profileName, reseller: batch.reseller,
                resellerPath: batch.resellerID.map(Paths.Admin.reseller),
                quantity: batch.quantity, used: batch.used, isDisabled: batch.isDisabled,
                printPath: Paths.Admin.printVoucherBatch(batch.id), csvPath: Paths.Admin.exportVoucherBatch(batch.id),
                togglePath: Paths.Admin.voucherBatch(batch.id, action: batch.isDisabled ? "enable" : "disable"),
                deletePath: Paths.Admin.voucherBatch(batch.id, action: "delete"))
        }
        let options = try packages(of: context.tenant).map {
            SelectField.Option(value: $0.id.uuidString.lowercased(), label: $0.name + " · " + Rupiah.format($0.price))
        }
        let resellerOptions = try resellers.all(for: context.tenant, activeOnly: true).map {
            SelectField.Option(value: $0.id.uuidString.lowercased(), label: $0.name)
        }
        let view = AdminVouchersView(
            entries: entries, packages: options, resellers: resellerOptions, state: state, formPath: Paths.Admin.vouchers,
            csrfToken: admin.session.csrfSecret, notice: notice, alert: alert)
        return .page(AdminVouchersPage(chrome: context.chrome, view: view), status: status)
    }
}
