import Foundation
import TestSupport
import Testing

/// A notification only says when to ask: what the gateway's status API answers decides a payment.
/// Midtrans signs only the order id, status code and amount, so a genuine notification whose other
/// fields were rewritten keeps a valid signature; none of those rewrites may pay. A settlement whose
/// notification never arrives is found by the reconciliation job.
@Suite struct PaymentConfirmationTests {
    typealias F = StoreFixtures

    static let midtrans = try! FakeMidtransGateway()
    static let xendit = try! FakeXenditGateway()
    static let server = try! GerbangProcess(environment: [
        "MIDTRANS_API_URL": midtrans.baseURL, "XENDIT_API_URL": xendit.baseURL,
        "RECONCILE_INTERVAL_SECONDS": "1", "RECONCILE_AFTER_SECONDS": "30",
    ])

    static func midtransOrder() throws -> F.Order {
        let tenant = try F.tenant(provider: "midtrans", settings: ["server_key": midtrans.serverKey])
        return try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "midtrans", quantity: 1)
    }

    static func xenditOrder(token: String) throws -> F.Order {
        let tenant = try F.tenant(
            provider: "xendit", settings: ["secret_key": xendit.secretKey, "callback_token": token])
        return try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "xendit", quantity: 1)
    }

    /// Get Status's answer for the order from now on.
    static func midtransSays(_ order: F.Order, _ transactionStatus: String, statusCode: String, fraudStatus: String?) {
        var fields = [
            "order_id": order.number, "status_code": statusCode, "transaction_status": transactionStatus,
            "gross_amount": "\(order.amount).00", "currency": "IDR", "transaction_id": "mt-" + order.number,
        ]
        fields["fraud_status"] = fraudStatus
        midtrans.setStatus(orderID: order.number, fields: fields)
    }

    /// A genuine notification with some unsigned fields rewritten (nil removes one); its signature stays valid.
    static func rewritten(_ genuine: String, _ changes: [String: String?]) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(genuine.utf8)) as? [String: Any])
        for (field, value) in changes { object[field] = value }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func deliver(_ provider: String, _ body: String, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        try F.deliver(provider, body: body, headers: headers, server: server)
    }

    static func expectUnpaid(_ order: F.Order, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try F.orderStatus(order) != "paid", sourceLocation: sourceLocation)
        #expect(try F.count(.vouchers, for: order) == 0, sourceLocation: sourceLocation)
        #expect(try F.count(.payments, for: order) == 0, sourceLocation: sourceLocation)
        #expect(try F.count(.notifications, for: order) == 0, sourceLocation: sourceLocation)
    }

    @Test func aChallengedCaptureRewrittenToLookPaidDoesNotPay() throws {
        let order = try Self.midtransOrder()
        Self.midtransSays(order, "capture", statusCode: "200", fraudStatus: "challenge")
        let genuine = try F.midtransBody(
            orderID: order.number, status: "capture", grossAmount: "\(order.amount).00", serverKey: Self.midtrans.serverKey,
            fraudStatus: "challenge")
        let challenged = try Self.deliver("midtrans", genuine)
        #expect(challenged.status == 200, "\(challenged.text)")
        try Self.expectUnpaid(order)

        for changes: [String: String?] in [
            ["fraud_status": "accept"], ["fraud_status": nil], ["transaction_status": "settlement"],
            ["transaction_status": "settlement", "fraud_status": "accept"],
        ] {
            let response = try Self.deliver("midtrans", try Self.rewritten(genuine, changes))
            #expect(response.status == 200, "\(changes): \(response.text)")
            #expect(!response.text.contains("processed"), "\(changes)")
            try Self.expectUnpaid(order)
        }
        #expect(try F.orderStatus(order) == "pending")
        // Each question went to the gateway, with the account's server key.
        let asked = Self.midtrans.requests.filter { $0.path == "/v2/\(order.number)/status" }
        #expect(asked.count == 5)
        #expect(asked.allSatisfy { $0.header("Authorization")?.hasPrefix("Basic ") == true })
    }

    @Test func aCancelRewrittenAsASettlementDoesNotPay() throws {
        let order = try Self.midtransOrder()
        Self.midtransSays(order, "cancel", statusCode: "200", fraudStatus: nil)
        let genuine = try F.midtransBody(
            orderID: order.number, status: "cancel", grossAmount: "\(order.amount).00", serverKey: Self.midtrans.serverKey)
        let forged = try Self.rewritten(genuine, ["transaction_status": "settlement", "fraud_status": "accept"])
        let response = try Self.deliver("midtrans", forged)
        #expect(response.status == 200, "\(response.text)")
        try Self.expectUnpaid(order)
        #expect(try F.orderStatus(order) == "cancelled", "the gateway said cancel, and only it counts")
    }

    @Test func aXenditCallbackSayingPaidDoesNotPayWhileTheInvoiceIsUnpaid() throws {
        let token = RandomCode.make(24)
        let order = try Self.xenditOrder(token: token)
        let invoiceID = "ref-" + order.number
        Self.xendit.setInvoice(id: invoiceID, externalID: order.number, status: "PENDING", amount: order.amount)
        let paid = try F.xenditBody(externalID: order.number, status: "PAID", amount: order.amount)
        let response = try Self.deliver("xendit", paid, headers: [("X-Callback-Token", token)])
        #expect(response.status == 200, "\(response.text)")
        try Self.expectUnpaid(order)

        Self.xendit.setInvoice(id: invoiceID, externalID: order.number, status: "EXPIRED", amount: order.amount)
        #expect(try Self.deliver("xendit", paid, headers: [("X-Callback-Token", token)]).status == 200)
        try Self.expectUnpaid(order)
        #expect(try F.orderStatus(order) == "expired")
        #expect(Self.xendit.requests.contains { $0.method == "GET" && $0.path == "/v2/invoices/" + invoiceID })
    }

    @Test func aXenditInvoicePaidForLessThanTheOrderIsRejected() throws {
        let token = RandomCode.make(24)
        let order = try Self.xenditOrder(token: token)
        Self.xendit.setInvoice(
            id: "ref-" + order.number, externalID: order.number, status: "PAID", amount: order.amount,
            paidAmount: order.amount - 1)
        let paid = try F.xenditBody(externalID: order.number, status: "PAID", amount: order.amount)
        let response = try Self.deliver("xendit", paid, headers: [("X-Callback-Token", token)])
        #expect(response.status == 422, "\(response.text)")
        try Self.expectUnpaid(order)
    }

    @Test func aSettlementWhoseNotificationNeverArrivesIsFoundByReconciliation() throws {
        // The job runs in the server, which starts on its first use: a test that only waits for the job
        // must start it, or it waits for a job that does not exist yet.
        _ = Self.server.port
        let order = try Self.midtransOrder()
        // The gateway's answer first: asked before it, the job would wait a while before asking again.
        Self.midtransSays(order, "settlement", statusCode: "200", fraudStatus: "accept")
        try F.owner.query(
            "update voucher_orders set checkout_opened_at = now() - interval '1 minute', payment_checked_at = null where id = $1", order.id)
        let deadline = Date().addingTimeInterval(45)
        while Date() < deadline, try F.orderStatus(order) != "paid" { Thread.sleep(forTimeInterval: 0.2) }
        #expect(try F.orderStatus(order) == "paid", "not reconciled; the server said:\n\(Self.server.log.suffix(2000))")
        #expect(try F.count(.vouchers, for: order) == 1)
        #expect(try F.count(.payments, for: order) == 1)
        #expect(try F.count(.notifications, for: order) == 1)
        let evidence = try #require(
            try F.owner.query(
                """
                select e.body, e.outcome from payments p join webhook_events e on e.id = p.webhook_event_id
                where p.subject_id = $1
                """, order.id
            ).first)
        #expect(try evidence.decode("outcome", as: String.self) == "processed")
        #expect(try evidence.decode("body", as: String.self).contains("status_api"))
        // Asked once per pause, not once per round.
        Thread.sleep(forTimeInterval: 2)
        #expect(Self.midtrans.requests.filter { $0.path == "/v2/\(order.number)/status" }.count == 1)
    }

    @Test func aXenditOrderWhoseCallbackNeverArrivesIsFoundByReconciliation() throws {
        // The job runs in the server, which starts on its first use: a test that only waits for the job
        // must start it, or it waits for a job that does not exist yet.
        _ = Self.server.port
        let order = try Self.xenditOrder(token: RandomCode.make(24))
        Self.xendit.setInvoice(id: "ref-" + order.number, externalID: order.number, status: "SETTLED", amount: order.amount)
        try F.owner.query(
            "update voucher_orders set checkout_opened_at = now() - interval '1 minute', payment_checked_at = null where id = $1", order.id)
        let deadline = Date().addingTimeInterval(45)
        while Date() < deadline, try F.orderStatus(order) != "paid" { Thread.sleep(forTimeInterval: 0.2) }
        #expect(try F.orderStatus(order) == "paid")
        #expect(try F.count(.payments, for: order) == 1)
    }

    @Test func anInvoicePaidWithoutItsCallbackIsFoundByReconciliationAndRestoresTheSubscriber() throws {
        // The job runs in the server, which starts on its first use: a test that only waits for the job
        // must start it, or it waits for a job that does not exist yet.
        _ = Self.server.port
        let shop = try InvoiceShop.open()
        try F.owner.query(
            """
            update payment_gateways set provider = 'xendit',
                settings = jsonb_build_object('secret_key', $2::text, 'callback_token', 'cb-unused')
            where id = $1
            """, shop.gatewayID, Self.xendit.secretKey)
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -20)
        Self.xendit.setInvoice(id: "xinv-" + invoice.reference, externalID: invoice.reference, status: "PAID", amount: invoice.amount)
        try F.owner.query(
            """
            update invoices set gateway_id = $2, gateway_provider = 'xendit', gateway_reference = $3,
                checkout_opened_at = now() - interval '1 minute', payment_checked_at = null
            where id = $1
            """, invoice.id, shop.gatewayID, "xinv-" + invoice.reference)
        let deadline = Date().addingTimeInterval(45)
        while Date() < deadline, try invoice.status() != "paid" { Thread.sleep(forTimeInterval: 0.2) }
        #expect(try invoice.status() == "paid", "not reconciled; the server said:\n\(Self.server.log.suffix(2000))")
        #expect(try invoice.paymentCount() == 1)
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])
    }

    @Test func aCheckoutStillPendingAtTheGatewayIsLeftAlone() throws {
        // The job runs in the server, which starts on its first use: a test that only waits for the job
        // must start it, or it waits for a job that does not exist yet.
        _ = Self.server.port
        let order = try Self.midtransOrder()
        Self.midtransSays(order, "pending", statusCode: "201", fraudStatus: nil)
        try F.owner.query(
            "update voucher_orders set checkout_opened_at = now() - interval '1 minute', payment_checked_at = null where id = $1", order.id)
        let deadline = Date().addingTimeInterval(45)
        while Date() < deadline, Self.midtrans.requests.filter({ $0.path == "/v2/\(order.number)/status" }).isEmpty {
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(
            !Self.midtrans.requests.filter { $0.path == "/v2/\(order.number)/status" }.isEmpty,
            "not asked; the server said:\n\(Self.server.log.suffix(2000))")
        try Self.expectUnpaid(order)
        #expect(try F.orderStatus(order) == "pending")
        #expect(try F.eventOutcomes(order.number).isEmpty, "a pending answer is not worth a row")
    }
}
