import Foundation
import TestSupport
import Testing

/// `/admin/subscribers/export.csv` and `/admin/invoices/export.csv`: the tenant's own rows only, quoted
/// as RFC 4180 says, formulas defused, and a subscriber file the import reads back.
@Suite struct SubscriberExportTests {
    typealias Shop = ImportShop

    /// The file's records (its byte-order mark dropped), split the way the import reads them.
    static func records(_ response: TestHTTPResponse) -> [String] {
        var text = response.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func theSubscriberFileHasOnlyTheTenantsRowsQuotedAndDefusedAndImportsBack() throws {
        let shop = try Shop.open()
        let other = try Shop.open()
        let user = "ex" + PortalFixtures.code(length: 6).lowercased()
        let csv = #"""
            username,password,name,plan,phone,address,notes
            \#(user)-1,pw-1234,"=HYPERLINK(""http://evil.test"",""x"")",Home 20,081234567890,"Jl. Kenanga 1, Blok ""C""",-catatan
            \#(user)-2,pw-5678,@sum,home50,,"Baris satu
            baris dua",

            """#
        #expect(try shop.confirm(try shop.check(Array(csv.utf8))).status == 303)
        #expect(
            try other.confirm(try other.check(Array("username,password,name,plan\n\(user)-other,pw-9999,Other,Home 20\n".utf8))).status
                == 303)

        let export = try shop.browser.get("/admin/subscribers/export.csv")
        #expect(export.status == 200)
        #expect(export.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(export.headers["Content-Disposition"]?.hasPrefix("attachment;") == true)
        let text = export.text
        #expect(text.hasPrefix("\u{FEFF}customer_number,name,phone,email,address,pppoe_username,pppoe_password,plan,"))
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\""))
        #expect(text.contains(",'@sum,"))
        #expect(text.contains(",'+6281234567890,"))
        #expect(text.contains("\"Jl. Kenanga 1, Blok \"\"C\"\"\""))
        #expect(text.contains("\"Baris satu\nbaris dua\""))
        #expect(text.contains(",'-catatan\r\n"))
        #expect(text.contains(",pw-1234,Home 20,1,,active,"))
        #expect(!text.contains("\(user)-other"))
        #expect(try AdminFixtures.auditRows(tenantID: shop.tenantID) == 2, "the import and the export")

        // A third ISP with the same plans reads the file back as it was written.
        let third = try Shop.open()
        let dryRun = try third.check(export.body, filename: "subscribers.csv")
        #expect(dryRun.text.contains("2 subscribers would be created, 0 rows skipped"), "\(dryRun.text)")
        #expect(try third.confirm(dryRun).status == 303)
        let names = try TestDatabase.owner.query(
            "select name, phone, notes from subscribers where tenant_id = $1 order by pppoe_username", third.tenantID)
        #expect(try names.map { try $0.decode("name", as: String.self) } == ["=HYPERLINK(\"http://evil.test\",\"x\")", "@sum"])
        #expect(try names.first?.decode("phone", as: String.self) == "+6281234567890")
        #expect(try names.first?.decode("notes", as: String.self) == "-catatan")
    }

    @Test func theInvoiceFileHasOnlyTheTenantsInvoicesAndFollowsTheListsFilter() throws {
        let shop = try Shop.open()
        let other = try Shop.open()
        let subscriber = try PortalFixtures.subscriber(tenantID: shop.tenantID, name: "+Cuci Gudang, Bu \"Tini\"")
        let unpaid = try PortalFixtures.invoice(for: subscriber, period: "2026-10")
        let paid = try PortalFixtures.invoice(for: subscriber, period: "2026-11", paid: true)
        let theirs = try PortalFixtures.invoice(for: try PortalFixtures.subscriber(tenantID: other.tenantID), period: "2026-10")

        let all = try shop.browser.get("/admin/invoices/export.csv")
        #expect(all.status == 200)
        let records = Self.records(all)
        #expect(
            records.first
                == "invoice_number,customer_number,customer_name,period,amount,status,due_date,created_at,paid_at,voided_at,void_reason")
        #expect(records.count == 3)
        #expect(
            all.text.contains("\(unpaid.number),\(subscriber.customerNumber),\"'+Cuci Gudang, Bu \"\"Tini\"\"\",2026-10,150000,unpaid,"))
        #expect(all.text.contains(paid.number))
        #expect(!all.text.contains(theirs.number))

        let onlyPaid = try shop.browser.get("/admin/invoices/export.csv?status=paid")
        #expect(Self.records(onlyPaid).count == 2)
        #expect(onlyPaid.text.contains(paid.number) && !onlyPaid.text.contains(unpaid.number))
        #expect(try shop.browser.get("/admin/invoices/export.csv?status=nonsense").status == 400)
        let stranger = PortalBrowser(host: shop.admin.host)
        #expect(try stranger.get("/admin/invoices/export.csv").status == 303)
        #expect(try stranger.get("/admin/subscribers/export.csv").status == 303)
    }
}
