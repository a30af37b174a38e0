import Foundation
import Postgres
import TestSupport
import Testing

/// `GET /admin`: the tenant admin's first page. Every figure equals the rows it counts, days begin at
/// midnight in the tenant's time zone, and another tenant's rows never reach it.
@Suite struct AdminDashboardTests {
    typealias F = AdminSalesFixtures

    /// Payments either side of the tenant's midnight and of its month's start, in a time zone whose date
    /// differs from UTC's for most of the day, beside another tenant with rows of every kind.
    @Test func figuresMatchTheirRowsWithDaysInTheTenantsTimeZoneAndNothingFromAnotherTenant() throws {
        let owner = TestDatabase.owner
        let admin = try AdminFixtures.tenantWithAdmin()
        let tenant = admin.tenantID
        // Before the tenant's first request, so no instance has its branding cached yet.
        try owner.query("update tenant_branding set time_zone = 'Asia/Jayapura' where tenant_id = $1", tenant)
        let bounds = try owner.query(
            """
            select date_trunc('day', now() at time zone 'Asia/Jayapura') at time zone 'Asia/Jayapura' as day_start,
                date_trunc('month', now() at time zone 'Asia/Jayapura') at time zone 'Asia/Jayapura' as month_start
            """
        ).first!
        let dayStart = try bounds.decode("day_start", as: Date.self)
        let monthStart = try bounds.decode("month_start", as: Date.self)
        let firstOfMonth = dayStart == monthStart

        let profile = try F.profile(tenantID: tenant)
        let order = try F.order(tenantID: tenant, profileID: profile)
        let subscriber = try PortalFixtures.subscriber(tenantID: tenant)
        let paidInvoice = try PortalFixtures.invoice(for: subscriber, period: "2026-10", paid: true)
        try PortalFixtures.invoice(for: subscriber, period: "2026-11", amount: 150_000)
        try PortalFixtures.invoice(for: subscriber, period: "2026-12", amount: 100_000)
        _ = try PortalFixtures.subscriber(tenantID: tenant, status: "isolated")
        _ = try PortalFixtures.subscriber(tenantID: tenant, status: "isolated")
        _ = try PortalFixtures.subscriber(tenantID: tenant, status: "suspended")
        let reseller = try owner.query(
            "insert into resellers (tenant_id, name, commission_percent) values ($1, 'Warung Bu Sri', 10) returning id", tenant
        ).first!.decode("id", as: UUID.self)

        // Each gateway payment pays an order or invoice of its own, as the gateway allows one per subject.
        func pay(_ subject: String, _ id: UUID, _ amount: Int64, at: Date, method: String = "gateway", tenantID: UUID? = nil) throws {
            try owner.query(
                """
                insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, method, recorded_by,
                    created_at)
                values ($1, $2, $3, 'sandbox', $4, 'paid', $5::text, case when $5 = 'gateway' then null else 'a@isp.test' end, $6)
                """, tenantID ?? tenant, subject, id, amount, method, at)
        }
        // 23:59 yesterday
        try pay("order", try F.order(tenantID: tenant, profileID: profile).id, 10_000, at: dayStart.addingTimeInterval(-60))
        try pay("invoice", paidInvoice.id, 25_000, at: dayStart)  // 00:00 today
        try pay("order", order.id, 7_000, at: dayStart.addingTimeInterval(3_600), method: "cash")
        // 23:59 on last month's last day
        try pay("order", try F.order(tenantID: tenant, profileID: profile).id, 3_000, at: monthStart.addingTimeInterval(-60))
        try pay("invoice", paidInvoice.id, 4_000, at: monthStart, method: "bank_transfer")  // 00:00 on the 1st
        try pay("reseller", reseller, 50_000, at: dayStart.addingTimeInterval(60), method: "cash")  // money in, not a sale
        try owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, created_at)
            values ($1, 'order', $2, 'sandbox', 900, 'refunded', $3)
            """, tenant, order.id, dayStart.addingTimeInterval(120))
        try ResellerFixtures.session(tenantID: tenant, username: "online-1", open: true)
        try ResellerFixtures.session(tenantID: tenant, username: "online-2", open: true)
        try ResellerFixtures.session(tenantID: tenant, username: "gone", open: false)

        // Another tenant with a sale today, an unpaid invoice, an isolated subscriber and a session online.
        let other = try AdminFixtures.tenantWithAdmin()
        let theirSubscriber = try PortalFixtures.subscriber(tenantID: other.tenantID, status: "isolated")
        let theirInvoice = try PortalFixtures.invoice(for: theirSubscriber, period: "2026-11", amount: 990_000)
        try pay("invoice", theirInvoice.id, 990_000, at: Date(), tenantID: other.tenantID)
        try ResellerFixtures.session(tenantID: other.tenantID, username: "theirs", open: true)

        let page = try AdminFixtures.signedIn(admin).get("/admin")
        #expect(page.status == 200)
        let text = page.text
        #expect(tile("Sales today", in: text) == "Rp " + Self.rupiah(25_000 + 7_000 + (firstOfMonth ? 4_000 : 0)))
        #expect(tile("Sales this month", in: text) == "Rp " + Self.rupiah(25_000 + 7_000 + 4_000 + (firstOfMonth ? 0 : 10_000)))
        #expect(text.contains(firstOfMonth ? "3 payments" : "2 payments"))
        #expect(tile("Unpaid invoices", in: text) == "Rp 250.000")
        #expect(text.contains("2 invoices"))
        #expect(tile("Isolated subscribers", in: text) == "2")
        #expect(tile("Online sessions", in: text) == "2")
        #expect(!text.contains("990.000"))

        // The last payments: the settlement and the sales, newest first, each linking to what it paid for.
        #expect(text.contains("href=\"/admin/orders/\(order.number)\""))
        #expect(text.contains("href=\"/admin/invoices/\(paidInvoice.number)\""))
        #expect(text.contains("href=\"/admin/resellers/\(reseller.uuidString.lowercased())\""))
        #expect(text.contains("Settlement from Warung Bu Sri"))
        #expect(F.rowCount(in: text) == 6)
    }

    @Test func signingInLandsOnTheDashboardAndItNeedsASignedInAdmin() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        #expect(try PortalBrowser(host: admin.host).get("/admin").headers["Location"] == "/admin/login")
        let page = try AdminFixtures.signedIn(admin).get("/admin?lang=id")
        #expect(page.status == 200)
        #expect(page.text.contains("Penjualan hari ini") && page.text.contains("Belum ada pembayaran."))
    }

    /// `12.345` as `Rupiah.format` writes the digits.
    static func rupiah(_ amount: Int) -> String {
        var digits = String(amount)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: ".")
    }

    /// The value of the tile labelled `label`.
    func tile(_ label: String, in page: String) -> String? {
        guard let start = page.range(of: "<span class=\"dashboard-label\">\(label)</span>") else { return nil }
        let rest = page[start.upperBound...]
        guard let value = rest.range(of: "class=\"dashboard-value\""),
            let open = rest[value.upperBound...].range(of: ">"),
            let close = rest[open.upperBound...].range(of: "<")
        else { return nil }
        return String(rest[open.upperBound..<close.lowerBound])
    }
}
