import Foundation
import Templates

/// Xendit Invoice: one invoice per checkout; callbacks carry no
/// signature, only the account's callback verification token in `x-callback-token`.
public struct XenditGateway: PaymentGateway {
    public static let defaultBaseURL = "https://api.xendit.co"

    public var provider: PaymentProvider { .xendit }
    let secretKey: String
    let callbackToken: String
    let baseURL: String
    let http: GatewayHTTPClient

    public init(secretKey: String, callbackToken: String, baseURL: String = defaultBaseURL, http: GatewayHTTPClient) {
        self.secretKey = secretKey
        self.callbackToken = callbackToken
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.http = http
    }

    public func createCheckout(_ request: CheckoutRequest) throws(GatewayError) -> Checkout {
        var body: [String: Any] = [
            "external_id": request.reference,
            "amount": request.amount,
            "description": request.description,
            "invoice_duration": max(1, Int(request.expiresIn.components.seconds)),
            "success_redirect_url": request.returnURL,
            "failure_redirect_url": request.returnURL,
            "currency": "IDR",
        ]
        if !request.customerEmail.isEmpty { body["payer_email"] = request.customerEmail }
        let response = try http.send(
            method: "POST", url: baseURL + "/v2/invoices", headers: headers, body: GatewayJSON.encode(body))
        let json = GatewayJSON(bytes: response.body)
        try Self.check(response, json)
        guard let id = json?.nonEmptyString("id"), let invoiceURL = json?.nonEmptyString("invoice_url") else {
            throw .unavailable("xendit answered \(response.status) without an id and invoice_url")
        }
        return Checkout(redirectURL: invoiceURL, gatewayReference: id)
    }

    public func verify(_ delivery: WebhookDelivery) throws(WebhookRejection) -> PaymentEvent {
        guard let token = delivery.header("x-callback-token"), !token.isEmpty else {
            throw WebhookRejection("x-callback-token is missing")
        }
        guard ConstantTime.equals(token, callbackToken) else { throw WebhookRejection("x-callback-token does not match") }
        guard let json = GatewayJSON(bytes: delivery.body) else { throw WebhookRejection("body is not a JSON object") }
        return try Self.event(from: json)
    }

    /// Looks the invoice up by our reference (`external_id`); the newest invoice for it wins.
    public func fetchStatus(reference: String) throws(GatewayError) -> PaymentEvent? {
        let query = PathSegment.encode(reference)
        let response = try http.send(method: "GET", url: baseURL + "/v2/invoices?external_id=" + query, headers: headers)
        if response.status == 404 { return nil }
        try Self.check(response, GatewayJSON(bytes: response.body))
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(response.body)), let list = parsed as? [Any] else {
            throw .unavailable("xendit invoice list not understood")
        }
        let invoices = list.compactMap { ($0 as? [String: Any]).map(GatewayJSON.init(object:)) }
        guard let newest = invoices.max(by: { ($0.string("created") ?? "") < ($1.string("created") ?? "") }) else {
            return nil
        }
        return try? Self.event(from: newest)
    }

    /// The invoice the checkout created, by its id; by our reference only when that id is unknown.
    public func currentStatus(reference: String, gatewayReference: String?) throws(GatewayError) -> PaymentEvent? {
        if let id = gatewayReference, !id.isEmpty { return try fetchInvoice(id: id) }
        return try fetchStatus(reference: reference)
    }

    /// Looks one invoice up by Xendit's own id (the checkout's `gatewayReference`).
    public func fetchInvoice(id: String) throws(GatewayError) -> PaymentEvent? {
        let path = PathSegment.encode(id)
        let response = try http.send(method: "GET", url: baseURL + "/v2/invoices/" + path, headers: headers)
        if response.status == 404 { return nil }
        let json = GatewayJSON(bytes: response.body)
        try Self.check(response, json)
        guard let json else { throw .unavailable("xendit invoice not understood") }
        return try? Self.event(from: json)
    }

    /// Reads a callback or an invoice object. Amounts are JSON numbers; when paid, `paid_amount` is
    /// what the buyer actually paid.
    static func event(from json: GatewayJSON) throws(WebhookRejection) -> PaymentEvent {
        guard let reference = json.nonEmptyString("external_id"), let state = json.nonEmptyString("status") else {
            throw WebhookRejection("external_id or status is missing")
        }
        let status: PaymentEvent.Status
        switch state.uppercased() {
        case "PAID", "SETTLED": status = .paid
        case "EXPIRED": status = .expired
        case "PENDING": status = .pending
        default: throw WebhookRejection("unknown invoice status")
        }
        let amount = status == .paid ? (json.wholeNumber("paid_amount") ?? json.wholeNumber("amount")) : json.wholeNumber("amount")
        if status == .paid, amount == nil { throw WebhookRejection("paid invoice without a whole amount") }
        return PaymentEvent(
            reference: reference, gatewayReference: json.nonEmptyString("id"), status: status, amount: amount,
            currency: json.nonEmptyString("currency"))
    }

    private var headers: [String: String] {
        [
            "Accept": "application/json", "Content-Type": "application/json",
            "Authorization": GatewayHTTPClient.basicAuthorization(key: secretKey),
        ]
    }

    private static func check(_ response: GatewayHTTPClient.Response, _ json: GatewayJSON?) throws(GatewayError) {
        switch response.status {
        case 200..<300: return
        case 401, 403: throw .rejected("xendit refused the secret key (\(response.status))")
        case 400..<500:
            let code = json?.nonEmptyString("error_code") ?? "no error code"
            let message = json?.nonEmptyString("message") ?? ""
            throw .rejected("xendit \(response.status): \(code) \(message)")
        default: throw .unavailable("xendit answered \(response.status)")
        }
    }
}
