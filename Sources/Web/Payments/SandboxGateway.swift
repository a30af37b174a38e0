import Foundation
import Templates

/// The built-in gateway for the demo and tests. Its checkout page lives on the tenant's own site
/// (`/sandbox/checkout/{ref}`); when the buyer presses Pay or Fail, it sends a webhook over HTTP
/// signed with `X-Sandbox-Signature: hex(HMAC-SHA256(secret, raw body))`, exactly as a real gateway
/// would, so the webhook path under test is the real one.
public struct SandboxGateway: PaymentGateway {
    public static let signatureHeader = "X-Sandbox-Signature"
    public var provider: PaymentProvider { .sandbox }
    let secret: String
    let http: GatewayHTTPClient
    let digests: Digests
    /// Where `deliver` sends webhooks unless told otherwise (usually this server's own endpoint).
    let webhookURL: @Sendable () -> String

    public init(secret: String, http: GatewayHTTPClient, digests: Digests, webhookURL: @escaping @Sendable () -> String) {
        self.secret = secret
        self.http = http
        self.digests = digests
        self.webhookURL = webhookURL
    }

    public func createCheckout(_ request: CheckoutRequest) throws(GatewayError) -> Checkout {
        Checkout(redirectURL: Paths.sandboxCheckout(request.reference), gatewayReference: "sbx_" + RandomToken.hex(bytes: 16))
    }

    public func verify(_ delivery: WebhookDelivery) throws(WebhookRejection) -> PaymentEvent {
        guard let signature = delivery.header(Self.signatureHeader), !signature.isEmpty else {
            throw WebhookRejection("X-Sandbox-Signature is missing")
        }
        let expected: String
        do {
            expected = try digests.hmacSHA256Hex(key: secret, message: delivery.body)
        } catch {
            throw WebhookRejection("signature could not be computed")
        }
        guard ConstantTime.equals(expected, signature.lowercased()) else {
            throw WebhookRejection("X-Sandbox-Signature does not match")
        }
        guard let json = GatewayJSON(bytes: delivery.body) else { throw WebhookRejection("body is not a JSON object") }
        guard let reference = json.nonEmptyString("reference"), let state = json.nonEmptyString("status") else {
            throw WebhookRejection("reference or status is missing")
        }
        guard let status = PaymentEvent.Status(rawValue: state) else { throw WebhookRejection("unknown status") }
        guard let amount = json.wholeNumber("amount") else { throw WebhookRejection("amount is not a whole number") }
        return PaymentEvent(
            reference: reference, gatewayReference: json.nonEmptyString("gateway_reference"), status: status,
            amount: amount, currency: json.nonEmptyString("currency"))
    }

    /// The sandbox keeps no records of its own: the order row is the only truth.
    public func fetchStatus(reference: String) throws(GatewayError) -> PaymentEvent? {
        nil
    }

    /// Its signature covers the whole body, so a verified delivery is the sandbox's last word.
    public var hasStatusAPI: Bool { false }

    /// The webhook the sandbox would send: its JSON body and the signature header's value.
    public func signedDelivery(
        reference: String, gatewayReference: String, status: PaymentEvent.Status, amount: Int64
    ) throws(GatewayError) -> (body: [UInt8], signature: String) {
        let body = GatewayJSON.encode([
            "reference": reference, "gateway_reference": gatewayReference, "status": status.rawValue,
            "amount": amount, "currency": "IDR",
        ])
        do {
            return (body, try digests.hmacSHA256Hex(key: secret, message: body))
        } catch {
            throw .unavailable("sandbox signature could not be computed")
        }
    }

    /// Sends the webhook for a Pay or Fail press, to `url` or by default to `webhookURL`.
    /// - Throws: `.unavailable` when the endpoint cannot be reached or answers 5xx, `.rejected` for 4xx.
    public func deliver(
        reference: String, gatewayReference: String, status: PaymentEvent.Status, amount: Int64, to url: String? = nil
    ) throws(GatewayError) {
        let (body, signature) = try signedDelivery(
            reference: reference, gatewayReference: gatewayReference, status: status, amount: amount)
        let response = try http.send(
            method: "POST", url: url ?? webhookURL(),
            headers: ["Content-Type": "application/json", Self.signatureHeader: signature], body: body)
        switch response.status {
        case 200..<300: return
        case 400..<500: throw .rejected("the webhook endpoint answered \(response.status)")
        default: throw .unavailable("the webhook endpoint answered \(response.status)")
        }
    }
}
