import Foundation
import Synchronization
import TestSupport
import Testing

/// The central webhook for invoices (`IV…` references): signed sandbox deliveries over HTTP.
@Suite struct WebhookInvoiceTests {
    let shop: InvoiceShop

    init() throws {
        shop = try InvoiceShop.open()
    }

    @Test func duplicateDeliveriesMarkTheInvoicePaidOnceWithOnePayment() throws {
        let invoice = try shop.invoice(for: try shop.subscriber(), opened: true)
        let first = try shop.deliver(invoice)
        #expect(first.status == 200, "\(first.text)")
        let paidAt = try invoice.row().decode("paid_at", as: Date?.self)
        #expect(paidAt != nil)
        let second = try shop.deliver(invoice)
        #expect(second.status == 200)
        #expect(second.text.contains("duplicate"))
        #expect(try invoice.row().decode("paid_at", as: Date?.self) == paidAt)
        #expect(try invoice.paymentCount() == 1)
        #expect(try invoice.eventOutcomes() == ["processed", "duplicate"])
        let tenant = try TestDatabase.owner.query("select tenant_id from webhook_events where reference = $1 limit 1", invoice.reference)
            .first!.decode("tenant_id", as: UUID?.self)
        #expect(tenant == shop.tenantID)
    }

    @Test func tenConcurrentDeliveriesMarkTheInvoicePaidOnce() throws {
        let invoice = try shop.invoice(for: try shop.subscriber(), opened: true)
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 10) { _ in
            let status = (try? shop.deliver(invoice).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 10))
        #expect(try invoice.status() == "paid")
        #expect(try invoice.paymentCount() == 1)
        let outcomes = try invoice.eventOutcomes()
        #expect(outcomes.filter { $0 == "processed" }.count == 1)
        #expect(outcomes.filter { $0 == "duplicate" }.count == 9)
    }

    @Test func isolatedSubscriberWithNoOtherOverdueInvoiceIsActiveAgainInItsPlansGroup() throws {
        let subscriber = try shop.subscriber(isolated: true)
        let overdue = try shop.invoice(for: subscriber, period: "2026-10", dueInDays: -20, opened: true)
        try shop.invoice(for: subscriber, period: "2026-11", dueInDays: 10)
        #expect(try subscriber.radiusGroups() == [shop.isolationGroup])
        #expect(try shop.deliver(overdue).status == 200)
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])
    }

    @Test func isolatedSubscriberWithAnotherOverdueInvoiceStaysIsolated() throws {
        let subscriber = try shop.subscriber(isolated: true)
        let older = try shop.invoice(for: subscriber, period: "2026-09", dueInDays: -40, opened: true)
        let newer = try shop.invoice(for: subscriber, period: "2026-10", dueInDays: -10, opened: true)
        #expect(try shop.deliver(newer).status == 200)
        #expect(try newer.status() == "paid")
        #expect(try subscriber.status() == "isolated")
        #expect(try subscriber.radiusGroups() == [shop.isolationGroup])
        #expect(try shop.deliver(older).status == 200)
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])
    }

    @Test func wrongSignatureAmountOrAccountChangesNothing() throws {
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -5, opened: true)
        #expect(try shop.deliver(invoice, secret: "not-the-secret").status == 401)
        #expect(try shop.deliver(invoice, amount: invoice.amount - 1).status == 422)
        let notOpened = try shop.invoice(for: subscriber, period: "2026-12")
        #expect(try shop.deliver(notOpened).status == 422)
        #expect(try invoice.status() == "unpaid")
        #expect(try notOpened.status() == "unpaid")
        #expect(try subscriber.status() == "isolated")
        #expect(try invoice.paymentCount() == 0)
        #expect(try invoice.eventOutcomes() == ["rejected", "rejected"])
    }

    @Test func paymentForAVoidInvoiceIsIgnoredAndRecordsNothing() throws {
        let invoice = try shop.invoice(for: try shop.subscriber(), opened: true)
        try TestDatabase.owner.query("update invoices set status = 'void' where id = $1", invoice.id)
        let response = try shop.deliver(invoice)
        #expect(response.status == 200)
        #expect(response.text.contains("ignored"))
        #expect(try invoice.status() == "void")
        #expect(try invoice.paymentCount() == 0)
    }

    @Test func failedCheckoutLeavesTheInvoiceUnpaidAndForgetsThePageAndALatePaymentStillCounts() throws {
        let invoice = try shop.invoice(for: try shop.subscriber(), opened: true)
        #expect(try shop.deliver(invoice, status: "failed").status == 200)
        let row = try invoice.row()
        #expect(try row.decode("status", as: String.self) == "unpaid")
        #expect(row.decode("checkout_url", as: String?.self) == nil)
        #expect(row.decode("gateway_id", as: UUID?.self) == shop.gatewayID, "a late delivery is still verified")
        #expect(try shop.deliver(invoice).status == 200)
        #expect(try invoice.status() == "paid")
        #expect(try shop.deliver(invoice, status: "failed").text.contains("ignored"))
        #expect(try invoice.status() == "paid")
    }

    @Test func unknownInvoiceReferenceIs404AndTheEventIsKept() throws {
        let reference = "IV" + RandomCode.make(12)
        let body = try StoreFixtures.sandboxBody(reference: reference, status: "paid", amount: 1)
        let response = try StoreFixtures.deliver(
            "sandbox", body: body, headers: [("X-Sandbox-Signature", try StoreFixtures.hmacSHA256Hex(key: "k", message: body))])
        #expect(response.status == 404)
        #expect(try StoreFixtures.eventOutcomes(reference) == ["rejected"])
    }
}
