import Foundation
import HTTP
import Templates

/// `GET/POST /admin/payments`: which gateway takes the tenant's payments, and the form to switch to
/// the tenant's own account and enter its keys. Keys are shown back masked only, never echoed into
/// the form, and never logged; every change writes one audit row with masked keys.
struct AdminPaymentsController: Sendable {
    typealias Field = AdminPaymentsView.Field

    let accounts: GatewayAccountCache
    let editor: AdminPaymentsEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/payments") { request, admin, _ in
            let current = try editor.current(for: admin.context.tenant)
            let shown = current.accounts.first
            var values = [
                Field.provider: (shown?.provider ?? .midtrans).rawValue,
                Field.environment: shown?.isSandbox == false ? "production" : "sandbox",
            ]
            if current.usesOwnGateway { values[Field.useOwnGateway] = "on" }
            return try page(
                admin, stored: current.accounts, state: FormState(values: values),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post("/admin/payments") { request, admin, _ in
            let context = admin.context
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let stored = try editor.current(for: context.tenant).accounts
            let draft = AdminPaymentsDraft(
                form: form, stored: stored, offered: accounts.offeredProviders, strings: context.language.adminSalesStrings)
            guard !draft.state.hasErrors else {
                return try page(admin, stored: stored, state: draft.state, status: .unprocessableContent)
            }
            try editor.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
            accounts.invalidate(context.tenant.id)
            return .redirect(to: Paths.Admin.payments + "?saved=1")
        }
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, stored: [PaymentGatewayAccount], state: FormState,
        status: HTTPStatus = .ok, saved: Bool = false
    ) throws -> HTTPResponse {
        let context = admin.context
        let sales = context.language.adminSalesStrings
        let effective = try accounts.effectiveAccount(for: context.tenant)
        let inEffect =
            switch effective {
            case nil: sales.inEffectNone
            case let account? where account.tenantID == nil: sales.inEffectCentral(Self.name(of: account.provider))
            case let account?: sales.inEffectOwn(Self.name(of: account.provider))
            }
        let shownProvider = PaymentProvider(rawValue: state.value(Field.provider))
        let storedKeys = stored.first { $0.provider == shownProvider }.map { account in
            Dictionary(
                account.settings.compactMap { key, value in
                    AdminPaymentsDraft.field(settingsKey: key, provider: account.provider).map {
                        ($0, PaymentGatewayAccount.masked(value))
                    }
                }, uniquingKeysWith: { first, _ in first })
        }
        let view = AdminPaymentsView(
            inEffect: inEffect, inEffectEnvironment: effective.map { environment($0, sales) },
            accounts: stored.map { accountView($0, sales) },
            providers: accounts.offeredProviders.map { .init(value: $0.rawValue, label: Self.name(of: $0)) },
            state: state, storedKeys: storedKeys ?? [:], saved: saved, csrfToken: admin.session.csrfSecret)
        return .page(AdminPaymentsPage(chrome: context.chrome, view: view), status: status)
    }

    private func accountView(_ account: PaymentGatewayAccount, _ sales: AdminSalesStrings) -> AdminPaymentsView.Account {
        let labels = [
            Field.secretKey: sales.fieldSecretKey, Field.clientKey: sales.fieldClientKey,
            Field.webhookToken: sales.fieldWebhookToken,
        ]
        let keys = account.settings.sorted { $0.key < $1.key }.map { key, value in
            let label = AdminPaymentsDraft.field(settingsKey: key, provider: account.provider).flatMap { labels[$0] } ?? key
            return SummaryLine(label: label, value: PaymentGatewayAccount.masked(value))
        }
        return AdminPaymentsView.Account(
            provider: Self.name(of: account.provider), environment: environment(account, sales),
            isActive: account.isActive, keys: keys)
    }

    private func environment(_ account: PaymentGatewayAccount, _ sales: AdminSalesStrings) -> String {
        account.isSandbox ? sales.environmentSandbox : sales.environmentProduction
    }

    /// Provider names are brand names: the same in every language.
    static func name(of provider: PaymentProvider) -> String {
        switch provider {
        case .sandbox: "Sandbox"
        case .midtrans: "Midtrans"
        case .xendit: "Xendit"
        }
    }
}
