import Foundation
import Testing

@testable import Web

/// How gateway messages map to our payment events, without any network or database.
@Suite struct GatewayMessageTests {
    @Test(
        arguments: [
            ("settlement", nil, "200", PaymentEvent.Status.paid),
            ("capture", "accept", "200", .paid),
            ("capture", nil, "200", .paid),
            ("capture", "challenge", "201", .pending),
            ("capture", "challenge", "200", .pending),
            ("capture", "deny", "202", .failed),
            ("settlement", nil, "201", .pending),
            ("pending", nil, "201", .pending),
            ("authorize", nil, "200", .pending),
            ("deny", nil, "202", .failed),
            ("failure", nil, "202", .failed),
            ("cancel", nil, "202", .cancelled),
            ("expire", nil, "407", .expired),
            ("refund", nil, "200", .refunded),
            ("partial_refund", nil, "200", .refunded),
        ] as [(String, String?, String, PaymentEvent.Status)])
    func midtransStatusMapsAsTheReferenceSays(
        _ transaction: String, _ fraud: String?, _ code: String, _ expected: PaymentEvent.Status
    ) {
        #expect(MidtransGateway.status(transactionStatus: transaction, fraudStatus: fraud, statusCode: code) == expected)
    }

    @Test func unknownMidtransStatusIsNotGuessed() {
        #expect(MidtransGateway.status(transactionStatus: "settled", fraudStatus: nil, statusCode: "200") == nil)
        #expect(MidtransGateway.status(transactionStatus: "capture", fraudStatus: "maybe", statusCode: "200") == nil)
    }

    @Test(
        arguments: [
            ("10000.00", Int64?.some(10000)), ("10000", 10000), ("0.0", 0), ("15000.000", 15000),
            ("10000.50", nil), ("10000.", nil), (".00", nil), ("-5000", nil), ("+5000", nil), ("1e4", nil),
            ("", nil), ("abc", nil), ("10 000", nil), ("99999999999999999999", nil),
        ] as [(String, Int64?)])
    func rupiahAmountAcceptsOnlyWholeRupiah(_ text: String, _ expected: Int64?) {
        #expect(RupiahAmount.parse(text) == expected)
    }

    @Test func midtransTransactionBodyLeavesOutEmptyCustomerFields() throws {
        let request = CheckoutRequest(
            reference: "EVABC", amount: 5000, description: "Voucher", customerName: "", customerEmail: "",
            customerPhone: "+628123", items: [], returnURL: "https://a.localhost/payments/return", expiresIn: .seconds(30))
        let body = MidtransGateway.transactionBody(for: request)
        #expect((body["customer_details"] as? [String: Any])?.keys.sorted() == ["phone"])
        #expect(body["item_details"] == nil)
        #expect(body["expiry"] == nil)
    }

    @Test func xenditPaidCallbackUsesThePaidAmount() throws {
        let json = try #require(
            GatewayJSON(
                bytes: Array(
                    #"{"id":"inv1","external_id":"EV1","status":"PAID","amount":15000,"paid_amount":15000,"currency":"IDR"}"#.utf8)))
        let event = try XenditGateway.event(from: json)
        #expect(event == PaymentEvent(reference: "EV1", gatewayReference: "inv1", status: .paid, amount: 15000, currency: "IDR"))
    }

    @Test(arguments: [("SETTLED", PaymentEvent.Status.paid), ("EXPIRED", .expired), ("PENDING", .pending)])
    func xenditStatusesMap(_ status: String, _ expected: PaymentEvent.Status) throws {
        let json = try #require(
            GatewayJSON(
                bytes: Array(
                    #"{"id":"inv1","external_id":"EV1","status":"\#(status)","amount":15000,"paid_amount":15000}"#.utf8)))
        #expect(try XenditGateway.event(from: json).status == expected)
    }

    @Test(arguments: [
        #"{"id":"inv1","external_id":"EV1","status":"PAID","amount":"15000"}"#,
        #"{"id":"inv1","external_id":"EV1","status":"PAID","amount":15000.5}"#,
        #"{"id":"inv1","external_id":"EV1","status":"PAID","amount":true}"#,
        #"{"id":"inv1","status":"PAID","amount":15000}"#,
        #"{"id":"inv1","external_id":"EV1","status":"VOIDED","amount":15000}"#,
    ])
    func xenditCallbackWithoutUsableFieldsIsRejected(_ body: String) throws {
        let json = try #require(GatewayJSON(bytes: Array(body.utf8)))
        #expect(throws: WebhookRejection.self) { try XenditGateway.event(from: json) }
    }
}
