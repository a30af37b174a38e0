import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

@testable import Web

@Suite struct GatewaySandboxTests {
    static let digests: Digests = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 2
        return Digests(database: PostgresPool(configuration: configuration))
    }()

    static func gateway(secret: String, webhookURL: String = "http://127.0.0.1:9/unused") -> SandboxGateway {
        SandboxGateway(secret: secret, http: GatewayHTTPClient(timeout: .seconds(2)), digests: digests, webhookURL: { webhookURL })
    }

    @Test func checkoutPointsAtTheBuiltInPageWithoutNetwork() throws {
        let gateway = Self.gateway(secret: RandomToken.hex())
        let request = CheckoutRequest(
            reference: "EVAB34CD", amount: 5000, description: "x", customerName: "", customerEmail: "", customerPhone: "",
            items: [], returnURL: "/payments/return", expiresIn: .seconds(600))
        let first = try gateway.createCheckout(request)
        let second = try gateway.createCheckout(request)
        #expect(first.redirectURL == "/sandbox/checkout/EVAB34CD")
        #expect(first.gatewayReference.hasPrefix("sbx_"))
        #expect(first.gatewayReference.count == 4 + 32)
        #expect(first.gatewayReference != second.gatewayReference)
    }

    @Test func signedDeliveryVerifiesWithTheSameSecret() throws {
        let gateway = Self.gateway(secret: RandomToken.hex())
        let (body, signature) = try gateway.signedDelivery(reference: "EV1", gatewayReference: "sbx_1", status: .paid, amount: 15000)
        let event = try gateway.verify(WebhookDelivery(headers: ["X-Sandbox-Signature": signature], body: body))
        #expect(event == PaymentEvent(reference: "EV1", gatewayReference: "sbx_1", status: .paid, amount: 15000, currency: "IDR"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(json["status"] as? String == "paid")
        #expect((json["amount"] as? NSNumber)?.int64Value == 15000)
    }

    @Test func signatureIsHexHMACOfTheRawBody() throws {
        let secret = RandomToken.hex()
        let (body, signature) = try Self.gateway(secret: secret).signedDelivery(
            reference: "EV2", gatewayReference: "sbx_2", status: .failed, amount: 5000)
        let rows = try Self.digests.database.query(
            "select encode(hmac($1::bytea, convert_to($2, 'UTF8'), 'sha256'), 'hex') as mac", body, secret)
        #expect(try rows.first!.decode("mac", as: String.self) == signature)
        #expect(signature.count == 64)
    }

    @Test func tamperedBodyOrOtherSecretOrMissingHeaderIsRejected() throws {
        let secret = RandomToken.hex()
        let gateway = Self.gateway(secret: secret)
        let (body, signature) = try gateway.signedDelivery(reference: "EV3", gatewayReference: "sbx_3", status: .paid, amount: 15000)
        let tampered = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "15000", with: "1500").utf8)
        #expect(throws: WebhookRejection.self) {
            try gateway.verify(WebhookDelivery(headers: ["X-Sandbox-Signature": signature], body: tampered))
        }
        #expect(throws: WebhookRejection.self) {
            try Self.gateway(secret: RandomToken.hex()).verify(WebhookDelivery(headers: ["X-Sandbox-Signature": signature], body: body))
        }
        #expect(throws: WebhookRejection.self) { try gateway.verify(WebhookDelivery(headers: [:], body: body)) }
    }

    @Test func deliverPostsTheSignedWebhookToTheEndpoint() throws {
        let secret = RandomToken.hex()
        let receiver = try FakeGatewayServer { _ in HTTPResponse.text("ok") }
        defer { receiver.stop() }
        let url = receiver.baseURL + "/payments/webhook/sandbox"
        let gateway = Self.gateway(secret: secret, webhookURL: url)
        try gateway.deliver(reference: "EV4", gatewayReference: "sbx_4", status: .paid, amount: 20000)

        let sent = try #require(receiver.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/payments/webhook/sandbox")
        #expect(sent.header("Content-Type") == "application/json")
        let signature = try #require(sent.header("X-Sandbox-Signature"))
        let event = try gateway.verify(WebhookDelivery(headers: ["X-Sandbox-Signature": signature], body: sent.body))
        #expect(event.reference == "EV4")
        #expect(event.amount == 20000)
    }

    @Test func deliverReportsARefusingEndpoint() throws {
        let receiver = try FakeGatewayServer { _ in HTTPResponse.text("bad", status: .badRequest) }
        defer { receiver.stop() }
        let gateway = Self.gateway(secret: RandomToken.hex())
        let error = #expect(throws: GatewayError.self) {
            try gateway.deliver(reference: "EV5", gatewayReference: "sbx_5", status: .paid, amount: 1, to: receiver.baseURL + "/hook")
        }
        guard case .rejected = try #require(error) else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
    }
}
