import Foundation
import Templates

/// Midtrans Snap: a Snap transaction per checkout, notifications
/// signed with SHA-512 over the order id, status code, gross amount and server key.
public struct MidtransGateway: PaymentGateway {
    public static let sandboxSnapURL = "https://app.sandbox.midtrans.com"
    public static let productionSnapURL = "https://app.midtrans.com"
    public static let sandboxAPIURL = "https://api.sandbox.midtrans.com"
    public static let productionAPIURL = "https://api.midtrans.com"

    public var provider: PaymentProvider { .midtrans }
    let serverKey: String
    let snapBaseURL: String
    let apiBaseURL: String
    let http: GatewayHTTPClient
    let digests: Digests

    /// Base URLs default to the sandbox or production hosts; pass others to talk to a fake.
    public init(
        serverKey: String, isSandbox: Bool, snapBaseURL: String? = nil, apiBaseURL: String? = nil,
        http: GatewayHTTPClient, digests: Digests
    ) {
        self.serverKey = serverKey
        self.snapBaseURL = Self.trimmed(snapBaseURL ?? (isSandbox ? Self.sandboxSnapURL : Self.productionSnapURL))
        self.apiBaseURL = Self.trimmed(apiBaseURL ?? (isSandbox ? Self.sandboxAPIURL : Self.productionAPIURL))
        self.http = http
        self.digests = digests
    }

    public func createCheckout(_ request: CheckoutRequest) throws(GatewayError) -> Checkout {
        let response = try http.send(
            method: "POST", url: snapBaseURL + "/snap/v1/transactions", headers: headers,
            body: GatewayJSON.encode(Self.transactionBody(for: request)))
        let json = GatewayJSON(bytes: response.body)
        switch response.status {
        case 200..<300:
            guard let token = json?.nonEmptyString("token"), let redirect = json?.nonEmptyString("redirect_url") else {
                throw .unavailable("midtrans answered \(response.status) without a token and redirect_url")
            }
            return Checkout(redirectURL: redirect, gatewayReference: token)
        case 401:
            throw .rejected("midtrans refused the server key (401)")
        case 400..<500:
            throw .rejected("midtrans \(response.status): " + Self.errorMessages(json))
        default:
            throw .unavailable("midtrans answered \(response.status)")
        }
    }

    public func verify(_ delivery: WebhookDelivery) throws(WebhookRejection) -> PaymentEvent {
        guard let json = GatewayJSON(bytes: delivery.body) else { throw WebhookRejection("body is not a JSON object") }
        guard let orderID = json.nonEmptyString("order_id"), let statusCode = json.nonEmptyString("status_code"),
            let grossAmount = json.nonEmptyString("gross_amount"), let signature = json.nonEmptyString("signature_key")
        else {
            throw WebhookRejection("order_id, status_code, gross_amount or signature_key is missing")
        }
        let expected: String
        do {
            // gross_amount exactly as received: "10000.00" and "10000" sign differently.
            expected = try digests.sha512Hex(orderID + statusCode + grossAmount + serverKey)
        } catch {
            throw WebhookRejection("signature could not be computed")
        }
        guard ConstantTime.equals(expected, signature.lowercased()) else {
            throw WebhookRejection("signature_key does not match")
        }
        return try Self.event(from: json)
    }

    public func fetchStatus(reference: String) throws(GatewayError) -> PaymentEvent? {
        let path = PathSegment.encode(reference)
        let response = try http.send(method: "GET", url: apiBaseURL + "/v2/" + path + "/status", headers: headers)
        let json = GatewayJSON(bytes: response.body)
        switch response.status {
        case 404:
            return nil
        case 200..<300:
            // Get Status answers HTTP 200 with "status_code": "404" for a transaction it does not know.
            guard let json, json.string("status_code") != "404" else { return nil }
            do {
                return try Self.event(from: json)
            } catch {
                throw .unavailable("midtrans status not understood: \(error.reason)")
            }
        case 401:
            throw .rejected("midtrans refused the server key (401)")
        case 400..<500:
            throw .rejected("midtrans \(response.status): " + Self.errorMessages(json))
        default:
            throw .unavailable("midtrans answered \(response.status)")
        }
    }

    private var headers: [String: String] {
        [
            "Accept": "application/json", "Content-Type": "application/json",
            "Authorization": GatewayHTTPClient.basicAuthorization(key: serverKey),
        ]
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    private static func errorMessages(_ json: GatewayJSON?) -> String {
        let messages = json?.array("error_messages")?.compactMap { $0 as? String } ?? []
        return messages.isEmpty ? "no error message" : messages.joined(separator: "; ")
    }
}
