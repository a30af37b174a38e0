import Foundation

/// Turns a `payment_gateways` row into the adapter that speaks its protocol, with the configured
/// base URLs and timeout. An account without the keys its provider needs becomes an
/// `UnusableGateway`, so a half-configured tenant fails loudly at checkout instead of quietly
/// believing unsigned webhooks.
public struct GatewayFactory: Sendable {
    let config: AppConfig
    let digests: Digests
    let http: GatewayHTTPClient
    let sandboxWebhookURL: @Sendable () -> String

    public init(config: AppConfig, digests: Digests, sandboxWebhookURL: @escaping @Sendable () -> String) {
        self.config = config
        self.digests = digests
        self.http = GatewayHTTPClient(timeout: config.gatewayTimeout)
        self.sandboxWebhookURL = sandboxWebhookURL
    }

    public func gateway(for account: PaymentGatewayAccount) -> any PaymentGateway {
        switch account.provider {
        case .sandbox where !config.sandboxGateway:
            return UnusableGateway(provider: .sandbox, problem: Self.sandboxOff)
        case .sandbox:
            return sandbox(for: account) ?? UnusableGateway(provider: .sandbox, problem: "setting \"secret\" is missing")
        case .midtrans:
            guard let serverKey = Self.setting("server_key", of: account) else {
                return UnusableGateway(provider: .midtrans, problem: "setting \"server_key\" is missing")
            }
            return MidtransGateway(
                serverKey: serverKey, isSandbox: account.isSandbox, snapBaseURL: config.midtransSnapURL,
                apiBaseURL: config.midtransAPIURL, http: http, digests: digests)
        case .xendit:
            guard let secretKey = Self.setting("secret_key", of: account),
                let callbackToken = Self.setting("callback_token", of: account)
            else {
                return UnusableGateway(provider: .xendit, problem: "settings \"secret_key\" and \"callback_token\" are required")
            }
            return XenditGateway(
                secretKey: secretKey, callbackToken: callbackToken, baseURL: config.xenditAPIURL, http: http)
        }
    }

    /// The sandbox adapter itself, for its checkout page (which needs `deliver`); nil for any other
    /// provider, a sandbox account without a secret, or where the sandbox is off.
    public func sandbox(for account: PaymentGatewayAccount) -> SandboxGateway? {
        guard config.sandboxGateway, account.provider == .sandbox, let secret = Self.setting("secret", of: account) else { return nil }
        return SandboxGateway(secret: secret, http: http, digests: digests, webhookURL: sandboxWebhookURL)
    }

    static let sandboxOff = "the sandbox gateway is off on this server (SANDBOX_GATEWAY)"

    private static func setting(_ key: String, of account: PaymentGatewayAccount) -> String? {
        guard let value = account.settings[key]?.trimmed, !value.isEmpty else {
            return nil
        }
        return value
    }
}
