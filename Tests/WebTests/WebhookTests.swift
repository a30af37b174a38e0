import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

/// The central webhook over HTTP, against a real server process and PostgreSQL, with deliveries
/// signed the way Midtrans, Xendit and the sandbox sign them.
@Suite struct WebhookTests {
    typealias F = StoreFixtures

    /// The gateways' status APIs, which decide every Midtrans and Xendit payment; one key for every
    /// Midtrans tenant here, since the fake answers one server key.
    static let midtrans = try! FakeMidtransGateway()
    static let xendit = try! FakeXenditGateway()
    static let server = try! GerbangProcess(environment: [
        "MIDTRANS_API_URL": midtrans.baseURL, "XENDIT_API_URL": xendit.baseURL,
    ])

    static func deliver(_ provider: String, body: String, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        try F.deliver(provider, body: body, headers: headers, server: server)
    }

    /// What Midtrans's Get Status answers for the order from now on.
    static func midtransSays(
        _ order: F.Order, _ transactionStatus: String, statusCode: String = "200", fraudStatus: String? = "accept",
        grossAmount: String? = nil
    ) {
        var fields = [
            "order_id": order.number, "status_code": statusCode, "transaction_status": transactionStatus,
            "gross_amount": grossAmount ?? "\(order.amount).00", "currency": "IDR", "transaction_id": "tx-" + order.number,
        ]
        fields["fraud_status"] = fraudStatus
        midtrans.setStatus(orderID: order.number, fields: fields)
    }

    static func midtransTenant(serverKey: String = midtrans.serverKey) throws
        -> (tenant: (id: UUID, slug: String, gatewayID: UUID), profile: UUID, key: String)
    {
        let tenant = try F.tenant(provider: "midtrans", settings: ["server_key": serverKey])
        return (tenant, try F.profile(tenantID: tenant.id), serverKey)
    }

    static func midtransOrder(quantity: Int = 2, status: String = "pending", expiresIn: TimeInterval = 3600) throws
        -> (order: F.Order, key: String)
    {
        let (tenant, profile, key) = try midtransTenant()
        let order = try F.order(
            tenantID: tenant.id, profileID: profile, gatewayID: tenant.gatewayID, provider: "midtrans",
            quantity: quantity, status: status, expiresIn: expiresIn)
        return (order, key)
    }

    /// A pending order of a tenant paid through the sandbox, and the secret its deliveries are signed with.
    static func sandboxOrder(quantity: Int) throws -> (order: F.Order, secret: String) {
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: quantity)
        return (order, secret)
    }

    static func settlement(_ order: F.Order, key: String, status: String = "settlement") throws -> String {
        try F.midtransBody(orderID: order.number, status: status, grossAmount: "\(order.amount).00", serverKey: key)
    }

    @Test func validMidtransSettlementPaysTheOrderOnceWithVouchersRadiusPaymentAndMessage() throws {
        let (order, key) = try Self.midtransOrder(quantity: 2)
        Self.midtransSays(order, "settlement")
        let response = try Self.deliver(
            "midtrans", body: try Self.settlement(order, key: key), headers: [("Authorization", "Basic c2VjcmV0")])
        #expect(response.status == 200, "\(response.text)")
        #expect(response.text.contains("processed"))
        #expect(try F.orderStatus(order) == "paid")
        #expect(try F.count(.vouchers, for: order) == 2)
        #expect(try F.count(.radcheck, for: order) == 2)
        #expect(try F.count(.payments, for: order) == 1)
        #expect(try F.count(.notifications, for: order) == 1)

        let event = try #require(
            try F.owner.query(
                "select outcome, tenant_id, headers::text as headers from webhook_events where reference = $1",
                order.number
            ).first)
        #expect(try event.decode("outcome", as: String.self) == "processed")
        #expect(try event.decode("tenant_id", as: UUID.self) == order.tenantID)
        let headers = try event.decode("headers", as: String.self)
        #expect(headers.contains("content-type"))
        #expect(!headers.lowercased().contains("authorization"), "credentials must not be stored: \(headers)")

        let payment = try #require(
            try F.owner.query("select amount, gateway_provider from payments where subject_id = $1", order.id).first)
        #expect(try payment.decode("amount", as: Int64.self) == order.amount)
        #expect(try payment.decode("gateway_provider", as: String.self) == "midtrans")
    }

    @Test func wrongMidtransSignatureIsRejectedAndTheOrderUnchanged() throws {
        let (order, key) = try Self.midtransOrder()
        let forged = try F.midtransBody(
            orderID: order.number, status: "settlement", grossAmount: "\(order.amount).00", serverKey: key,
            signatureOverride: String(repeating: "ab", count: 64))
        let response = try Self.deliver("midtrans", body: forged)
        #expect(response.status == 401)
        try Self.expectUntouched(order)
    }

    @Test func changedGrossAmountBreaksTheMidtransSignature() throws {
        let (order, key) = try Self.midtransOrder()
        let signed = try Self.settlement(order, key: key)
        let tampered = signed.replacingOccurrences(of: "\"\(order.amount).00\"", with: "\"1.00\"")
        #expect(tampered != signed)
        let response = try Self.deliver("midtrans", body: tampered)
        #expect(response.status == 401)
        try Self.expectUntouched(order)
    }

    @Test func anotherTenantsMidtransKeyCannotPayThisTenantsOrder() throws {
        let (order, _) = try Self.midtransOrder()
        let (_, _, otherKey) = try Self.midtransTenant(serverKey: "SB-Mid-server-" + RandomCode.make(16))
        let response = try Self.deliver("midtrans", body: try Self.settlement(order, key: otherKey))
        #expect(response.status == 401)
        try Self.expectUntouched(order)
    }

    @Test func correctlySignedAmountThatDiffersFromTheOrderIsRejected() throws {
        let (order, key) = try Self.midtransOrder()
        let body = try F.midtransBody(
            orderID: order.number, status: "settlement", grossAmount: "\(order.amount - 1).00", serverKey: key)
        Self.midtransSays(order, "settlement", grossAmount: "\(order.amount - 1).00")
        let response = try Self.deliver("midtrans", body: body)
        #expect(response.status == 422, "\(response.text)")
        try Self.expectUntouched(order)
    }

    @Test func duplicateDeliveryIsAnswered200AndChangesNothing() throws {
        let (order, key) = try Self.midtransOrder(quantity: 3)
        let body = try Self.settlement(order, key: key)
        Self.midtransSays(order, "settlement")
        #expect(try Self.deliver("midtrans", body: body).status == 200)
        let codes = try Self.codes(order)
        let second = try Self.deliver("midtrans", body: body)
        #expect(second.status == 200)
        #expect(second.text.contains("duplicate"))
        #expect(try Self.codes(order) == codes)
        #expect(try F.count(.payments, for: order) == 1)
        #expect(try F.count(.notifications, for: order) == 1)
        #expect(try F.eventOutcomes(order.number) == ["processed", "duplicate"])
    }

    @Test func tenIdenticalDeliveriesAtOnceGiveOnePaymentAndOneSetOfVouchers() throws {
        let (order, key) = try Self.midtransOrder(quantity: 3)
        let body = try Self.settlement(order, key: key)
        Self.midtransSays(order, "settlement")
        try Self.expectPaidOnce(order, quantity: 3) { try Self.deliver("midtrans", body: body) }
    }

    /// A gateway without a status API (the sandbox): each delivery is stored by the transaction that
    /// applies it, so the nine that lose the race must still be stored, as duplicates.
    @Test func tenIdenticalSandboxDeliveriesAtOnceGiveOnePaymentAndOneSetOfVouchers() throws {
        let (order, secret) = try Self.sandboxOrder(quantity: 3)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let headers = [("X-Sandbox-Signature", try F.hmacSHA256Hex(key: secret, message: body))]
        try Self.expectPaidOnce(order, quantity: 3) { try Self.deliver("sandbox", body: body, headers: headers) }
        let payment = try F.owner.query(
            """
            select e.outcome from payments p join webhook_events e on e.id = p.webhook_event_id
            where p.subject_id = $1
            """, order.id)
        #expect(try payment.map { try $0.decode("outcome", as: String.self) } == ["processed"])
    }

    @Test func pendingNotificationAfterSettlementLeavesTheOrderPaid() throws {
        let (order, key) = try Self.midtransOrder()
        Self.midtransSays(order, "settlement")
        #expect(try Self.deliver("midtrans", body: try Self.settlement(order, key: key)).status == 200)
        let late = try F.midtransBody(
            orderID: order.number, status: "pending", grossAmount: "\(order.amount).00", serverKey: key, statusCode: "201")
        let response = try Self.deliver("midtrans", body: late)
        // The gateway still says settlement, and only its answer counts.
        #expect(response.status == 200)
        #expect(response.text.contains("duplicate"))
        #expect(try F.orderStatus(order) == "paid")
        #expect(try F.count(.vouchers, for: order) == 2)
    }

    @Test func expireNotificationExpiresAPendingOrderButNeverAPaidOne() throws {
        let (order, key) = try Self.midtransOrder()
        let expire = try F.midtransBody(
            orderID: order.number, status: "expire", grossAmount: "\(order.amount).00", serverKey: key, statusCode: "407")
        Self.midtransSays(order, "expire", statusCode: "407", fraudStatus: nil)
        #expect(try Self.deliver("midtrans", body: expire).status == 200)
        #expect(try F.orderStatus(order) == "expired")
        #expect(try F.count(.vouchers, for: order) == 0)

        let (paid, paidKey) = try Self.midtransOrder()
        Self.midtransSays(paid, "settlement")
        #expect(try Self.deliver("midtrans", body: try Self.settlement(paid, key: paidKey)).status == 200)
        let lateExpire = try F.midtransBody(
            orderID: paid.number, status: "expire", grossAmount: "\(paid.amount).00", serverKey: paidKey, statusCode: "407")
        Self.midtransSays(paid, "expire", statusCode: "407", fraudStatus: nil)
        #expect(try Self.deliver("midtrans", body: lateExpire).status == 200)
        #expect(try F.orderStatus(paid) == "paid")
    }

    @Test func denyMarksAPendingOrderFailed() throws {
        let (order, key) = try Self.midtransOrder()
        let deny = try F.midtransBody(
            orderID: order.number, status: "deny", grossAmount: "\(order.amount).00", serverKey: key, statusCode: "202",
            fraudStatus: "deny")
        Self.midtransSays(order, "deny", statusCode: "202", fraudStatus: "deny")
        #expect(try Self.deliver("midtrans", body: deny).status == 200)
        #expect(try F.orderStatus(order) == "failed")
    }

    @Test func latePaymentForAnExpiredOrderIsHonoured() throws {
        let (order, key) = try Self.midtransOrder(status: "expired", expiresIn: -600)
        Self.midtransSays(order, "settlement")
        let response = try Self.deliver("midtrans", body: try Self.settlement(order, key: key))
        #expect(response.status == 200, "\(response.text)")
        #expect(try F.orderStatus(order) == "paid")
        #expect(try F.count(.vouchers, for: order) == 2)
        #expect(try F.count(.payments, for: order) == 1)
    }

    @Test func unknownOrderReferenceIs404AndTheEventIsKept() throws {
        let number = "EV" + RandomCode.make(12)
        let body = try F.midtransBody(orderID: number, status: "settlement", grossAmount: "5000.00", serverKey: "k")
        let response = try Self.deliver("midtrans", body: body)
        #expect(response.status == 404)
        #expect(try F.eventOutcomes(number) == ["rejected"])
    }

    @Test func unknownProviderIs404() throws {
        let response = try Self.deliver("paypal", body: "{}")
        #expect(response.status == 404)
    }

    @Test func deliveryToAnotherProvidersEndpointIsRejected() throws {
        let (order, key) = try Self.midtransOrder()
        let response = try Self.deliver(
            "xendit", body: try F.xenditBody(externalID: order.number, status: "PAID", amount: order.amount),
            headers: [("X-Callback-Token", key)])
        #expect(response.status == 422, "\(response.text)")
        try Self.expectUntouched(order)
    }

    @Test func xenditCallbackNeedsTheRightToken() throws {
        let token = RandomCode.make(24)
        let tenant = try F.tenant(
            provider: "xendit", settings: ["secret_key": Self.xendit.secretKey, "callback_token": token])
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "xendit", quantity: 1)
        let body = try F.xenditBody(externalID: order.number, status: "PAID", amount: order.amount)

        #expect(try Self.deliver("xendit", body: body).status == 401)
        #expect(try Self.deliver("xendit", body: body, headers: [("X-Callback-Token", token + "x")]).status == 401)
        try Self.expectUntouched(order, events: 2)

        Self.xendit.setInvoice(id: "ref-" + order.number, externalID: order.number, status: "PAID", amount: order.amount)
        let accepted = try Self.deliver("xendit", body: body, headers: [("X-Callback-Token", token)])
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(try F.orderStatus(order) == "paid")
        let stored = try F.owner.query("select headers::text as h from webhook_events where reference = $1", order.number)
        for row in stored { #expect(!(try row.decode("h", as: String.self)).contains(token)) }
    }

    @Test func sandboxDeliverySignedWithTheAccountSecretPaysTheOrder() throws {
        let (order, secret) = try Self.sandboxOrder(quantity: 1)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)

        let unsigned = try Self.deliver("sandbox", body: body, headers: [("X-Sandbox-Signature", "00")])
        #expect(unsigned.status == 401)
        #expect(try F.orderStatus(order) == "pending")

        let signature = try F.hmacSHA256Hex(key: secret, message: body)
        let response = try Self.deliver("sandbox", body: body, headers: [("X-Sandbox-Signature", signature)])
        #expect(response.status == 200, "\(response.text)")
        #expect(try F.orderStatus(order) == "paid")
        #expect(try F.count(.vouchers, for: order) == 1)
    }

    // MARK: Helpers

    static func codes(_ order: F.Order) throws -> [String] {
        try F.owner.query("select code from vouchers where order_id = $1 order by code", order.id)
            .map { try $0.decode("code", as: String.self) }
    }

    /// Sends the same delivery ten times at once: every one answered 200, the order paid once, with one
    /// payment, its vouchers and RADIUS users, one message, and one processed and nine duplicate events.
    static func expectPaidOnce(
        _ order: F.Order, quantity: Int, sourceLocation: SourceLocation = #_sourceLocation,
        delivering deliver: @Sendable @escaping () throws -> TestHTTPResponse
    ) throws {
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 10) { _ in
            let status = (try? deliver().status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 10), sourceLocation: sourceLocation)
        #expect(try F.orderStatus(order) == "paid", sourceLocation: sourceLocation)
        #expect(try F.count(.payments, for: order) == 1, sourceLocation: sourceLocation)
        #expect(try F.count(.vouchers, for: order) == quantity, sourceLocation: sourceLocation)
        #expect(try F.count(.radcheck, for: order) == quantity, sourceLocation: sourceLocation)
        #expect(try F.count(.notifications, for: order) == 1, sourceLocation: sourceLocation)
        let outcomes = try F.eventOutcomes(order.number)
        #expect(outcomes.filter { $0 == "processed" }.count == 1, sourceLocation: sourceLocation)
        #expect(outcomes.filter { $0 == "duplicate" }.count == 9, sourceLocation: sourceLocation)
    }

    /// Still pending, nothing issued, and every delivery stored as rejected with a reason.
    static func expectUntouched(_ order: F.Order, events: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try F.orderStatus(order) == "pending", sourceLocation: sourceLocation)
        #expect(try F.count(.vouchers, for: order) == 0, sourceLocation: sourceLocation)
        #expect(try F.count(.payments, for: order) == 0, sourceLocation: sourceLocation)
        #expect(try F.count(.notifications, for: order) == 0, sourceLocation: sourceLocation)
        let rows = try F.owner.query(
            "select outcome, reason, tenant_id from webhook_events where reference = $1 order by id", order.number)
        #expect(rows.count == events, sourceLocation: sourceLocation)
        for row in rows {
            #expect(try row.decode("outcome", as: String.self) == "rejected", sourceLocation: sourceLocation)
            #expect(row.decode("reason", as: String?.self)?.isEmpty == false, sourceLocation: sourceLocation)
            #expect(row.decode("tenant_id", as: UUID?.self) == order.tenantID, sourceLocation: sourceLocation)
        }
    }
}
