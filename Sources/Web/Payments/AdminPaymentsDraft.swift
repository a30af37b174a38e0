import Foundation
import HTTP
import Templates

/// A submitted `/admin/payments` form, read and checked against the keys already stored.
///
/// A blank key field keeps the stored key. Switching to the tenant's own gateway needs every key its
/// provider requires, typed now or stored before; so does typing some keys while leaving the switch off
/// (a half-entered account would fail at the first checkout). Keys never go into `state`.
struct AdminPaymentsDraft: Sendable {
    typealias Field = AdminPaymentsView.Field

    let useOwnGateway: Bool
    let provider: PaymentProvider
    let isSandbox: Bool
    /// The keys typed in, by their settings name (`server_key`, `callback_token` …); blank ones left out.
    let typedKeys: [String: String]
    /// What the form shows again: the choices as submitted, a message per field; never a key.
    let state: FormState

    /// - Parameter offered: the providers this server lets an account be saved for.
    init(form: URLEncodedForm, stored: [PaymentGatewayAccount], offered: [PaymentProvider], strings: AdminSalesStrings) {
        var errors: [String: String] = [:]
        useOwnGateway = form[Field.useOwnGateway] != nil
        let providerText = form[Field.provider] ?? ""
        let environmentText = form[Field.environment] ?? ""
        if !offered.contains(where: { $0.rawValue == providerText }) { errors[Field.provider] = strings.errorChooseProvider }
        if !["sandbox", "production"].contains(environmentText) {
            errors[Field.environment] = strings.errorChooseEnvironment
        }
        let provider = PaymentProvider(rawValue: providerText) ?? .midtrans
        self.provider = provider
        isSandbox = environmentText != "production"

        var typed: [String: String] = [:]
        for field in Field.keys {
            let value = (form[field] ?? "").trimmed
            if !value.isEmpty, let key = Self.settingsKey(field: field, provider: provider) { typed[key] = value }
        }
        typedKeys = typed
        if errors.isEmpty {
            let storedKeys = stored.first { $0.provider == provider }?.settings ?? [:]
            let merged = storedKeys.merging(typed) { $1 }
            let missing = PaymentGatewayRepository.requiredKeys(for: provider).filter { (merged[$0] ?? "").isEmpty }
            if useOwnGateway || !typed.isEmpty {
                for key in missing {
                    if let field = Self.field(settingsKey: key, provider: provider) { errors[field] = strings.errorKeyRequired }
                }
            }
        }
        var values = [Field.provider: providerText, Field.environment: environmentText]
        if useOwnGateway { values[Field.useOwnGateway] = "on" }
        state = FormState(values: values, errors: errors)
    }

    /// The form field that carries a provider's settings key: one "secret" field serves Midtrans's
    /// server key, Xendit's secret key and the sandbox's signing secret.
    static func settingsKey(field: String, provider: PaymentProvider) -> String? {
        switch (provider, field) {
        case (.sandbox, Field.secretKey): "secret"
        case (.midtrans, Field.secretKey): "server_key"
        case (.midtrans, Field.clientKey): "client_key"
        case (.xendit, Field.secretKey): "secret_key"
        case (.xendit, Field.webhookToken): "callback_token"
        default: nil
        }
    }

    static func field(settingsKey: String, provider: PaymentProvider) -> String? {
        Field.keys.first { self.settingsKey(field: $0, provider: provider) == settingsKey }
    }
}
