import Foundation
import Testing

@testable import Web

@Suite struct GatewayXenditTests {
    static func gateway(key: String, callbackToken: String = "cb-token", baseURL: String, timeout: Duration = .seconds(5)) -> XenditGateway
    {
        XenditGateway(secretKey: key, callbackToken: callbackToken, baseURL: baseURL, http: GatewayHTTPClient(timeout: timeout))
    }

    static func request(reference: String = "EV" + RandomToken.code(length: 12), email: String = "siti@example.com") -> CheckoutRequest {
        CheckoutRequest(
            reference: reference, amount: 25000, description: "Voucher 7 Hari", customerName: "Siti",
            customerEmail: email, customerPhone: "+6281111111", items: [], returnURL: "https://beta.localhost/payments/return",
            expiresIn: .seconds(3600))
    }

    static func callback(token: String?, body: String) -> WebhookDelivery {
        var headers = ["Content-Type": "application/json"]
        if let token { headers["X-CALLBACK-TOKEN"] = token }
        return WebhookDelivery(headers: headers, body: Array(body.utf8))
    }

    static let paidBody =
        #"{"id":"579c8d61f23fa4ca35e52da4","external_id":"EVXYZ","status":"PAID","amount":25000,"#
        + #""paid_amount":25000,"currency":"IDR","payment_method":"BANK_TRANSFER"}"#

    @Test func createInvoiceSendsTheDocumentedRequestAndReturnsTheInvoiceURL() throws {
        let fake = try FakeXenditGateway()
        defer { fake.stop() }
        let request = Self.request()
        let checkout = try Self.gateway(key: fake.secretKey, baseURL: fake.baseURL).createCheckout(request)

        #expect(checkout.redirectURL == "https://checkout-staging.xendit.co/web/" + checkout.gatewayReference)
        let sent = try #require(fake.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v2/invoices")
        #expect(sent.header("Authorization") == GatewayHTTPClient.basicAuthorization(key: fake.secretKey))
        #expect(sent.header("Content-Type") == "application/json")
        let body = try #require(sent.json)
        #expect(body["external_id"] as? String == request.reference)
        #expect((body["amount"] as? NSNumber)?.int64Value == 25000)
        #expect(body["payer_email"] as? String == "siti@example.com")
        #expect(body["description"] as? String == "Voucher 7 Hari")
        #expect((body["invoice_duration"] as? NSNumber)?.intValue == 3600)
        #expect(body["success_redirect_url"] as? String == request.returnURL)
        #expect(body["failure_redirect_url"] as? String == request.returnURL)
        #expect(body["currency"] as? String == "IDR")
    }

    @Test func invoiceWithoutEmailLeavesPayerEmailOut() throws {
        let fake = try FakeXenditGateway()
        defer { fake.stop() }
        _ = try Self.gateway(key: fake.secretKey, baseURL: fake.baseURL).createCheckout(Self.request(email: ""))
        #expect(try #require(fake.requests.first?.json)["payer_email"] == nil)
    }

    @Test func wrongSecretKeyIsRejectedWithoutRevealingIt() throws {
        let fake = try FakeXenditGateway()
        defer { fake.stop() }
        let wrong = "xnd_development_wrong_" + RandomToken.hex(bytes: 16)
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: wrong, baseURL: fake.baseURL).createCheckout(Self.request())
        }
        guard case .rejected = try #require(error) else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(!String(describing: error!).contains(wrong))
    }

    @Test func serverErrorIsUnavailable() throws {
        let fake = try FakeXenditGateway()
        defer { fake.stop() }
        fake.setBehaviour(.failing(status: 500))
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: fake.secretKey, baseURL: fake.baseURL).createCheckout(Self.request())
        }
        guard case .unavailable = try #require(error) else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
    }

    @Test func callbackWithTheRightTokenIsBelieved() throws {
        let event = try Self.gateway(key: "k", callbackToken: "cb-secret-123", baseURL: "http://127.0.0.1:9")
            .verify(Self.callback(token: "cb-secret-123", body: Self.paidBody))
        #expect(event.reference == "EVXYZ")
        #expect(event.status == .paid)
        #expect(event.amount == 25000)
        #expect(event.gatewayReference == "579c8d61f23fa4ca35e52da4")
    }

    @Test(arguments: [nil, "", "cb-secret-12", "cb-secret-1234", "CB-SECRET-123", "x"])
    func callbackWithMissingOrWrongTokenIsRejected(_ token: String?) {
        #expect(throws: WebhookRejection.self) {
            try Self.gateway(key: "k", callbackToken: "cb-secret-123", baseURL: "http://127.0.0.1:9")
                .verify(Self.callback(token: token, body: Self.paidBody))
        }
    }

    @Test func invoiceCanBeLookedUpByReferenceAndById() throws {
        let fake = try FakeXenditGateway()
        defer { fake.stop() }
        let gateway = Self.gateway(key: fake.secretKey, baseURL: fake.baseURL)
        let request = Self.request()
        let checkout = try gateway.createCheckout(request)

        #expect(try gateway.fetchStatus(reference: request.reference)?.status == .pending)
        fake.markPaid(id: checkout.gatewayReference)
        let byReference = try #require(try gateway.fetchStatus(reference: request.reference))
        #expect(byReference.status == .paid)
        #expect(byReference.amount == 25000)
        #expect(try gateway.fetchInvoice(id: checkout.gatewayReference)?.status == .paid)
        #expect(try gateway.fetchStatus(reference: "EV-never-created") == nil)
        #expect(try gateway.fetchInvoice(id: "missing") == nil)
    }
}
