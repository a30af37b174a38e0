import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

@Suite struct GatewayMidtransTests {
    static let digests: Digests = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 2
        return Digests(database: PostgresPool(configuration: configuration))
    }()

    static let documentedKey = "SB-Mid-server-abc123cde456"
    static let documentedSignature =
        "6e0698716a2c069ad2ad1630836cd3f00ee958c01e16ecce6231d5ab3316667bc81477ae656eedded9ec04bb41f3c93c640b5b6a7c8dcea921fcdfaf717f8990"

    static func gateway(key: String, snap: String? = nil, api: String? = nil, timeout: Duration = .seconds(5)) -> MidtransGateway {
        MidtransGateway(
            serverKey: key, isSandbox: true, snapBaseURL: snap, apiBaseURL: api,
            http: GatewayHTTPClient(timeout: timeout), digests: digests)
    }

    static func checkoutRequest(reference: String = "EV" + RandomToken.code(length: 12), itemPrice: Int64 = 5000) -> CheckoutRequest {
        CheckoutRequest(
            reference: reference, amount: 15000, description: "3 x Voucher 1 Hari", customerName: "Budi",
            customerEmail: "budi@example.com", customerPhone: "+6281234567890",
            items: [.init(id: "profile-1", name: "Voucher 1 Hari", unitPrice: itemPrice, quantity: 3)],
            returnURL: "https://alpha.localhost/payments/return?order=x", expiresIn: .seconds(3600))
    }

    static func notification(_ fields: [String: String]) -> WebhookDelivery {
        let body = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return WebhookDelivery(headers: ["Content-Type": "application/json"], body: [UInt8](body))
    }

    static func documentedNotification(
        orderID: String = "Postman-1578568851", gross: String = "10000.00", signature: String = documentedSignature
    ) -> WebhookDelivery {
        notification([
            "order_id": orderID, "status_code": "200", "gross_amount": gross, "signature_key": signature,
            "transaction_status": "settlement", "transaction_id": "513f1f01-c9da-474c-9fc9-d5c64364b709",
            "currency": "IDR", "payment_type": "bank_transfer",
        ])
    }

    @Test func basicHeaderMatchesTheDocumentedExample() {
        #expect(GatewayHTTPClient.basicAuthorization(key: Self.documentedKey) == "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6")
    }

    @Test func createCheckoutSendsTheDocumentedRequestAndReturnsRedirectAndToken() throws {
        let fake = try FakeMidtransGateway()
        defer { fake.stop() }
        let request = Self.checkoutRequest()
        let checkout = try Self.gateway(key: fake.serverKey, snap: fake.baseURL).createCheckout(request)

        #expect(!checkout.gatewayReference.isEmpty)
        #expect(checkout.redirectURL == fake.baseURL + "/snap/v2/vtweb/" + checkout.gatewayReference)
        let sent = try #require(fake.requests.first)
        #expect(fake.requests.count == 1)
        #expect(sent.method == "POST")
        #expect(sent.path == "/snap/v1/transactions")
        #expect(sent.header("Authorization") == GatewayHTTPClient.basicAuthorization(key: fake.serverKey))
        #expect(sent.header("Accept") == "application/json")
        #expect(sent.header("Content-Type") == "application/json")
        let body = try #require(sent.json)
        let details = try #require(body["transaction_details"] as? [String: Any])
        #expect(details["order_id"] as? String == request.reference)
        #expect((details["gross_amount"] as? NSNumber)?.int64Value == 15000)
        let customer = try #require(body["customer_details"] as? [String: Any])
        #expect(customer["first_name"] as? String == "Budi")
        #expect(customer["email"] as? String == "budi@example.com")
        #expect(customer["phone"] as? String == "+6281234567890")
        let items = try #require(body["item_details"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect((items[0]["price"] as? NSNumber)?.int64Value == 5000)
        #expect((items[0]["quantity"] as? NSNumber)?.intValue == 3)
        #expect((body["callbacks"] as? [String: Any])?["finish"] as? String == request.returnURL)
        let expiry = try #require(body["expiry"] as? [String: Any])
        #expect((expiry["duration"] as? NSNumber)?.intValue == 60)
        #expect(expiry["unit"] as? String == "minute")
    }

    @Test func wrongServerKeyIsRejectedWithoutRevealingTheKey() throws {
        let fake = try FakeMidtransGateway()
        defer { fake.stop() }
        let wrongKey = "SB-Mid-server-wrong" + RandomToken.hex(bytes: 16)
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: wrongKey, snap: fake.baseURL).createCheckout(Self.checkoutRequest())
        }
        guard case .rejected = try #require(error) else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(!String(describing: error!).contains(wrongKey))
        #expect(!String(describing: error!).contains(fake.serverKey))
    }

    @Test func itemsThatDoNotAddUpAreRejectedWithMidtransMessage() throws {
        let fake = try FakeMidtransGateway()
        defer { fake.stop() }
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: fake.serverKey, snap: fake.baseURL).createCheckout(Self.checkoutRequest(itemPrice: 4000))
        }
        guard case .rejected(let why) = try #require(error) else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(why.contains("not equal to the sum of item_details"))
    }

    @Test func serverErrorIsUnavailable() throws {
        let fake = try FakeMidtransGateway()
        defer { fake.stop() }
        fake.setBehaviour(.failing(status: 503))
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: fake.serverKey, snap: fake.baseURL).createCheckout(Self.checkoutRequest())
        }
        guard case .unavailable = try #require(error) else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
    }

    @Test func gatewayThatRefusesConnectionsIsUnavailableAtOnce() throws {
        let fake = try FakeMidtransGateway()
        let closedURL = fake.baseURL
        fake.stop()
        let started = ContinuousClock.now
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: fake.serverKey, snap: closedURL, timeout: .seconds(1)).createCheckout(Self.checkoutRequest())
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        guard case .unavailable = try #require(error) else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
    }

    @Test func slowGatewayIsUnavailableWithinTheTimeout() throws {
        let fake = try FakeMidtransGateway()
        defer { fake.stop() }
        fake.setBehaviour(.slow(.seconds(3)))
        let started = ContinuousClock.now
        let error = #expect(throws: GatewayError.self) {
            try Self.gateway(key: fake.serverKey, snap: fake.baseURL, timeout: .seconds(1)).createCheckout(Self.checkoutRequest())
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(900))
        #expect(elapsed < .milliseconds(2500))
        guard case .unavailable = try #require(error) else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
    }

    @Test func workedSignatureExampleFromTheDocumentationVerifies() throws {
        #expect(try Self.digests.sha512Hex("Postman-1578568851" + "200" + "10000.00" + Self.documentedKey) == Self.documentedSignature)
        let event = try Self.gateway(key: Self.documentedKey).verify(Self.documentedNotification())
        #expect(event.reference == "Postman-1578568851")
        #expect(event.status == .paid)
        #expect(event.amount == 10000)
        #expect(event.currency == "IDR")
        #expect(event.gatewayReference == "513f1f01-c9da-474c-9fc9-d5c64364b709")
    }

    @Test(arguments: [
        ("other amount formatting", "Postman-1578568851", "10000", GatewayMidtransTests.documentedSignature),
        ("changed amount", "Postman-1578568851", "1000.00", GatewayMidtransTests.documentedSignature),
        ("tampered order id", "Postman-1578568852", "10000.00", GatewayMidtransTests.documentedSignature),
        ("truncated signature", "Postman-1578568851", "10000.00", String(GatewayMidtransTests.documentedSignature.dropLast())),
        ("empty signature", "Postman-1578568851", "10000.00", ""),
    ])
    func alteredNotificationIsRejected(_ variant: String, _ orderID: String, _ gross: String, _ signature: String) {
        let delivery = Self.documentedNotification(orderID: orderID, gross: gross, signature: signature)
        #expect(throws: WebhookRejection.self, "\(variant)") {
            try Self.gateway(key: Self.documentedKey).verify(delivery)
        }
    }

    @Test func notificationSignedForAnotherServerKeyIsRejected() {
        #expect(throws: WebhookRejection.self) {
            try Self.gateway(key: "SB-Mid-server-tenantB").verify(Self.documentedNotification())
        }
    }

    @Test func notificationWithoutSignatureOrNotJSONIsRejected() {
        let unsigned = Self.notification([
            "order_id": "EVX", "status_code": "200", "gross_amount": "10000.00", "transaction_status": "settlement",
        ])
        #expect(throws: WebhookRejection.self) { try Self.gateway(key: Self.documentedKey).verify(unsigned) }
        let garbage = WebhookDelivery(headers: [:], body: Array("order_id=EVX".utf8))
        #expect(throws: WebhookRejection.self) { try Self.gateway(key: Self.documentedKey).verify(garbage) }
    }

    @Test func signedNotificationWithFractionalRupiahIsRejected() throws {
        let key = "SB-Mid-server-" + RandomToken.hex(bytes: 16)
        let signature = try Self.digests.sha512Hex("EV1" + "200" + "10000.50" + key)
        let delivery = Self.notification([
            "order_id": "EV1", "status_code": "200", "gross_amount": "10000.50", "signature_key": signature,
            "transaction_status": "settlement",
        ])
        #expect(throws: WebhookRejection.self) { try Self.gateway(key: key).verify(delivery) }
    }

    @Test func fetchStatusReadsKnownOrdersAndReturnsNilForUnknownOnes() throws {
        let fake = try FakeMidtransGateway()
        defer { fake.stop() }
        fake.setStatus(
            orderID: "EV-known",
            fields: [
                "order_id": "EV-known", "status_code": "200", "gross_amount": "15000.00",
                "transaction_status": "settlement", "transaction_id": "t-1", "currency": "IDR",
            ])
        let gateway = Self.gateway(key: fake.serverKey, api: fake.baseURL)
        let event = try #require(try gateway.fetchStatus(reference: "EV-known"))
        #expect(event.status == .paid)
        #expect(event.amount == 15000)
        #expect(try gateway.fetchStatus(reference: "EV-unknown") == nil)
        #expect(fake.requests.map(\.path) == ["/v2/EV-known/status", "/v2/EV-unknown/status"])
        #expect(
            fake.requests.allSatisfy {
                $0.method == "GET" && $0.header("Authorization") == GatewayHTTPClient.basicAuthorization(key: fake.serverKey)
            })
    }
}
