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
}
