import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@testable import Web

/// The billing run at injected moments: one invoice per subscriber and month on the billing day in the
/// tenant's time zone, a billing day of 31 on February's last day, a run after downtime, two runs at
/// once, proration as configured, and invoice numbers without gaps per tenant.
@Suite struct BillingRunTests {
    typealias B = BillingFixtures

    @Test func invoicesFollowTheBillingDayAcrossAMonthBoundaryInTheTenantsTimeZone() throws {
        let tenant = try PortalFixtures.tenant()
        let first = try B.subscriber(tenantID: tenant.id, billingDay: 1, installed: "2026-12-15")
        let fifteenth = try B.subscriber(tenantID: tenant.id, billingDay: 15, installed: "2026-12-01")
        let suspended = try B.subscriber(tenantID: tenant.id, billingDay: 1, installed: "2026-12-01", status: "suspended")
        let isolated = try B.subscriber(tenantID: tenant.id, billingDay: 1, installed: "2026-12-01", status: "isolated")

        #expect(try B.run(tenant.id, at: "2027-01-31 23:00").invoices == 3)
        // 00:30 in Jakarta is still 31 January in UTC: the tenant's calendar decides.
        #expect(try B.run(tenant.id, at: "2027-02-01 00:30").invoices == 2)
        #expect(try B.run(tenant.id, at: "2027-02-01 00:31").invoices == 0)
        #expect(try B.run(tenant.id, at: "2027-02-14 23:59").invoices == 0)
        #expect(try B.run(tenant.id, at: "2027-02-15 00:00").invoices == 1)

        #expect(try B.invoices(first).map(\.period) == ["2027-01", "2027-02"])
        #expect(try B.invoices(first).last?.dueDate == "2027-02-11")
        #expect(try B.invoices(first).allSatisfy { $0.amount == 150_000 })
        #expect(try B.invoices(fifteenth).map(\.period) == ["2027-01", "2027-02"])
        #expect(try B.invoices(fifteenth).last?.dueDate == "2027-02-25")
        #expect(try B.invoices(isolated).map(\.period) == ["2027-01", "2027-02"], "an isolated subscriber still owes the month")
        #expect(try B.invoices(suspended).isEmpty)
        #expect(try B.numbers(tenant.id) == B.gapless(6))
        let planSet = try TestDatabase.owner.query(
            "select count(*) as n from invoices i join subscribers s on s.id = i.subscriber_id and s.plan_id = i.plan_id where i.tenant_id = $1",
            tenant.id
        ).first!.decode("n", as: Int.self)
        #expect(planSet == 6)
    }

    @Test func aBillingDayOf31FallsOnFebruarysLastDay() throws {
        let tenant = try PortalFixtures.tenant()
        let subscriber = try B.subscriber(tenantID: tenant.id, billingDay: 31, installed: "2026-12-01")
        try B.run(tenant.id, at: "2027-02-27 12:00")
        #expect(try B.invoices(subscriber).map(\.period) == ["2027-01"])
        try B.run(tenant.id, at: "2027-02-28 08:00")
        try B.run(tenant.id, at: "2027-03-30 08:00")
        #expect(try B.invoices(subscriber).map(\.period) == ["2027-01", "2027-02"])
        #expect(try B.invoices(subscriber).last?.dueDate == "2027-03-10")
        try B.run(tenant.id, at: "2027-03-31 08:00")
        try B.run(tenant.id, at: "2027-04-30 08:00")
        #expect(try B.invoices(subscriber).map(\.period) == ["2027-01", "2027-02", "2027-03", "2027-04"])
        #expect(try B.invoices(subscriber).map(\.dueDate) == ["2027-02-10", "2027-03-10", "2027-04-10", "2027-05-10"])
    }

    @Test func aRunAfterTwoDaysOfDowntimeMakesTheMissedInvoicesOnce() throws {
        let tenant = try PortalFixtures.tenant()
        let people = try (0..<3).map { _ in try B.subscriber(tenantID: tenant.id, billingDay: 10, installed: "2027-01-05") }
        try B.run(tenant.id, at: "2027-03-09 23:00")
        // Down on 10 and 11 March.
        #expect(try B.run(tenant.id, at: "2027-03-12 06:00").invoices == 3)
        #expect(try B.run(tenant.id, at: "2027-03-12 06:05").invoices == 0)
        for person in people {
            let billed = try B.invoices(person)
            #expect(billed.map(\.period) == ["2027-02", "2027-03"])
            #expect(billed.last?.dueDate == "2027-03-20", "dated on the billing day, not the day of the run")
        }
        #expect(try B.numbers(tenant.id) == B.gapless(6))
    }

    @Test func twoRunsAtOnceMakeEachInvoiceOnceWithNumbersWithoutGaps() throws {
        let tenant = try PortalFixtures.tenant()
        let people = try (0..<25).map { _ in
            try B.subscriber(tenantID: tenant.id, billingDay: 5, installed: "2027-01-01", phone: "+6281298765432")
        }
        let rounds = Mutex<[Int]>([])
        // Two processes' runs: each its own pool, so two connections contend for the tenant's lock.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("MIGRATION_DATABASE_URL"))
            configuration.poolSize = 1
            let made =
                (try? BillingRun(database: PostgresPool(configuration: configuration), baseDomain: "localhost")
                    .run(now: B.jakarta("2027-06-05 07:00"), tenantID: tenant.id).invoices) ?? -1
            rounds.withLock { $0.append(made) }
        }
        #expect(rounds.withLock { $0 }.sorted() == [0, 25])
        for person in people { #expect(try B.invoices(person).map(\.period) == ["2027-06"]) }
        #expect(try B.numbers(tenant.id) == B.gapless(25))
        let messages = try TestDatabase.owner.query(
            "select count(*) as n from notifications where tenant_id = $1 and subject_ref like 'INV-2027-%'", tenant.id
        ).first!.decode("n", as: Int.self)
        #expect(messages == 25)
    }

    @Test func aTenantLargerThanABatchIsInvoicedBatchByBatchOnceEachWithoutGaps() throws {
        let tenant = try PortalFixtures.tenant()
        let first = try B.subscriber(tenantID: tenant.id, billingDay: 5, installed: "2027-01-01")
        // 599 more, billed on the 5th and (installed on 10 June, so owing nothing before) the 20th in
        // turn, and every seventh suspended: every batch of the run skips some.
        let prefix = "B" + UUID().uuidString.prefix(8)
        try TestDatabase.owner.query(
            """
            insert into subscribers (tenant_id, customer_number, pppoe_username, name, password_hash, plan_id, status,
                billing_day, installation_date)
            select s.tenant_id, $2 || '-' || lpad(k::text, 4, '0'), lower($2) || '-' || k || '@isp.test', 'Subscriber ' || k,
                s.password_hash, s.plan_id, case when k % 7 = 0 then 'suspended' else 'active' end,
                case when k % 2 = 0 then 5 else 20 end,
                case when k % 2 = 0 then s.installation_date else date '2027-06-10' end
            from subscribers s, generate_series(1, 599) k
            where s.id = $1
            """, first.id, prefix)
        let onThe5th = 1 + (1...599).filter { $0 % 2 == 0 && $0 % 7 != 0 }.count
        let onThe20th = (1...599).filter { $0 % 2 == 1 && $0 % 7 != 0 }.count
        #expect(onThe5th + onThe20th > 2 * BillingRun.batchSize)

        let made = try B.run(tenant.id, at: "2027-06-05 07:00").invoices
        #expect(made == onThe5th)
        #expect(try B.run(tenant.id, at: "2027-06-05 07:05").invoices == 0)
        #expect(try B.run(tenant.id, at: "2027-06-20 07:00").invoices == onThe20th)
        #expect(try B.numbers(tenant.id) == B.gapless(onThe5th + onThe20th))
        let billed = try TestDatabase.owner.query(
            """
            select count(distinct subscriber_id) as people, count(*) as invoices from invoices
            where tenant_id = $1
            """, tenant.id
        ).first
        #expect(try billed?.decode("people", as: Int.self) == onThe5th + onThe20th)
        #expect(try billed?.decode("invoices", as: Int.self) == onThe5th + onThe20th)
        #expect(try B.invoices(first).map(\.period) == ["2027-06"])
    }

    @Test func theFirstInvoiceIsProratedFromInstallationToTheNextBillingDayWhenTheTenantSaysSo() throws {
        let tenant = try PortalFixtures.tenant()
        try B.settings(tenant.id, prorate: true)
        // April has 30 days: 21 April to 1 May is 10 of them.
        let april = try B.subscriber(tenantID: tenant.id, billingDay: 1, installed: "2027-04-21")
        // March has 31: 20 March to 1 April is 12 of them, 58,064.5 rounded half up.
        let march = try B.subscriber(tenantID: tenant.id, billingDay: 1, installed: "2027-03-20")
        try B.run(tenant.id, at: "2027-03-20 09:00")
        try B.run(tenant.id, at: "2027-04-21 09:00")
        try B.run(tenant.id, at: "2027-05-01 09:00")
        let aprilInvoices = try B.invoices(april)
        #expect(aprilInvoices.map(\.period) == ["2027-04", "2027-05"])
        #expect(aprilInvoices.map(\.amount) == [50_000, 150_000])
        #expect(aprilInvoices.map(\.dueDate) == ["2027-05-01", "2027-05-11"], "due ten days after the invoice's own day")
        #expect(try B.invoices(march).map(\.amount) == [58_065, 150_000, 150_000])
        #expect(try B.invoices(march).first?.dueDate == "2027-03-30")
        #expect(try B.numbers(tenant.id) == B.gapless(5))

        let other = try PortalFixtures.tenant()
        let whole = try B.subscriber(tenantID: other.id, billingDay: 1, installed: "2027-04-21")
        try B.run(other.id, at: "2027-04-21 09:00")
        #expect(try B.invoices(whole).map(\.amount) == [150_000], "without proration the first month is whole")
        #expect(try B.numbers(other.id) == ["INV-2027-000001"], "each ISP numbers its own invoices")
    }

    @Test func aFutureInstallationIsNotInvoicedYet() throws {
        let tenant = try PortalFixtures.tenant()
        let subscriber = try B.subscriber(tenantID: tenant.id, billingDay: 1, installed: "2027-08-10")
        try B.run(tenant.id, at: "2027-08-09 12:00")
        #expect(try B.invoices(subscriber).isEmpty)
        try B.run(tenant.id, at: "2027-08-10 12:00")
        #expect(try B.invoices(subscriber).map(\.period) == ["2027-08"])
    }

    /// A subscriber without a number is invoiced like any other, but nothing is queued for them, their
    /// link is never replaced by one nobody receives, and each message is marked done so no later run
    /// tries it again; a neighbour with a number gets every message of the cycle.
    @Test func aSubscriberWithoutANumberIsInvoicedAndSentNothingAndKeepsTheirLink() throws {
        let tenant = try PortalFixtures.tenant()
        let texted = try B.subscriber(tenantID: tenant.id, billingDay: 7, installed: "2027-01-01", phone: "+6281298765432")
        let silent = try B.subscriber(tenantID: tenant.id, billingDay: 7, installed: "2027-01-01")
        func cycle(of subscriber: PortalFixtures.Subscriber) throws -> (link: String, messages: Int, marks: [String]) {
            let row = try #require(
                try TestDatabase.owner.query(
                    """
                    select i.payment_token_hash,
                        (select count(*) from notifications n
                         where n.tenant_id = i.tenant_id and n.subject_ref = i.invoice_number) as messages,
                        array(select m.kind from invoice_messages m where m.invoice_id = i.id order by m.kind) as marks
                    from invoices i where i.subscriber_id = $1
                    """, subscriber.id
                ).first)
            return (try row.decode("payment_token_hash"), try row.decode("messages"), try row.decode("marks"))
        }

        try B.run(tenant.id, at: "2027-07-07 09:00")
        let issued = try cycle(of: silent)
        #expect(issued.messages == 0)
        #expect(try cycle(of: texted).messages == 1)
        try B.run(tenant.id, at: "2027-07-14 09:00")
        try B.run(tenant.id, at: "2027-07-17 09:00")
        try B.run(tenant.id, at: "2027-07-18 09:00")

        let silentAfter = try cycle(of: silent)
        #expect(silentAfter.messages == 0)
        #expect(silentAfter.link == issued.link, "no reminder drew a new link that nobody received")
        #expect(silentAfter.marks == ["before_due", "due", "issued"])
        let textedAfter = try cycle(of: texted)
        #expect(textedAfter.messages == 3, "the invoice, the reminder before the due date and the one on it")
        #expect(textedAfter.marks == ["before_due", "due", "issued"])
    }
}
