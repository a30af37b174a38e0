import Foundation
import TestSupport
import Testing

/// This month's figures on `/head-office`, and `GET /head-office/usage.json?period=YYYY-MM` for any month.
@Suite struct HeadOfficeUsageTests {
    static func currentPeriod() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: Date())
        return String(format: "%04d-%02d", parts.year!, parts.month!)
    }

    static func recordUsage(
        tenantID: UUID, period: String, pageViews: Int64, orders: Int64, paidOrders: Int64, paidAmount: Int64
    ) throws {
        try TestDatabase.owner.query(
            """
            insert into tenant_usage (tenant_id, period, page_views, orders, paid_orders, paid_amount)
            values ($1, $2, $3, $4, $5, $6)
            """, tenantID, period, pageViews, orders, paidOrders, paidAmount)
    }

    @Test func theTenantListShowsThisMonthsFiguresOfEachTenant() throws {
        let name = "Figures ISP \(UUID().uuidString.prefix(6))"
        let tenant = try TestDatabase.createTenant(name: name)
        try Self.recordUsage(
            tenantID: tenant.id, period: Self.currentPeriod(), pageViews: 4_321, orders: 17, paidOrders: 11,
            paidAmount: 1_234_567)
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let page = try browser.get("/head-office?q=\(tenant.slug)")
        let row = try #require(page.text.components(separatedBy: "<tr").first { $0.contains(name) })
        #expect(row.contains(">17<") && row.contains(">11<") && row.contains(">4321<"))
        #expect(row.contains("Rp 1.234.567"))
        #expect(page.text.contains("for \(Self.currentPeriod())"))
    }

    @Test func usageJSONListsEveryTenantsFiguresForTheMonthAsked() throws {
        let tenant = try TestDatabase.createTenant(name: "Usage ISP")
        try Self.recordUsage(tenantID: tenant.id, period: "2031-03", pageViews: 90, orders: 7, paidOrders: 5, paidAmount: 125_000)
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let response = try browser.get("/head-office/usage.json?period=2031-03")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
        #expect(document["period"] as? String == "2031-03")
        let tenants = try #require(document["tenants"] as? [[String: Any]])
        let line = try #require(tenants.first { $0["slug"] as? String == tenant.slug })
        #expect(line["tenant_id"] as? String == tenant.id.uuidString)
        #expect(line["orders"] as? Int == 7 && line["paid_orders"] as? Int == 5)
        #expect(line["paid_amount"] as? Int == 125_000 && line["page_views"] as? Int == 90)
        let other = try browser.get("/head-office/usage.json?period=2031-04")
        #expect(!other.text.contains(tenant.slug))
    }

    @Test(arguments: ["", "2031-13", "2031-3", "march", "2031-03-01", "'; drop table tenant_usage; --"])
    func aMalformedPeriodIsABadRequest(period: String) throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let encoded = period.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(try browser.get("/head-office/usage.json?period=\(encoded)").status == 400)
    }
}
