import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// `/admin/billing` and `/admin/billing/messages`: the tenant's time zone and billing settings, and its
/// wording of the billing messages, saved audited, refused with 422 as typed, and used by the billing run.
@Suite struct AdminBillingTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    func signedIn(_ path: String) throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get(path)
        return browser
    }

    func stored() throws -> String {
        try TestDatabase.owner.query(
            """
            select b.time_zone || ' ' || s.prorate_first_invoice || ' ' || s.due_days || ' ' || s.isolation_grace_days
                || ' ' || s.reminder_days_before as doc
            from tenant_billing_settings s join tenant_branding b on b.tenant_id = s.tenant_id where s.tenant_id = $1
            """, admin.tenantID
        ).first!.decode("doc", as: String.self)
    }

    static let valid = [
        "time_zone": "Asia/Makassar", "prorate_first_invoice": "on", "due_days": "14", "isolation_grace_days": "5",
        "reminder_days_before": "2",
    ]

    @Test func theSettingsPageShowsTheDefaultsAndSavesAChangeAudited() throws {
        let browser = try signedIn("/admin/billing")
        let page = try browser.get("/admin/billing")
        #expect(page.status == 200)
        #expect(page.text.contains(#"value="Asia/Jakarta" selected"#))
        #expect(page.text.contains(#"name="due_days" value="10""#))
        #expect(try stored() == "Asia/Jakarta false 10 3 3")

        let saved = try browser.post("/admin/billing", Self.valid)
        #expect(saved.status == 303)
        #expect(try stored() == "Asia/Makassar true 14 5 2")
        let audit = try TestDatabase.owner.query(
            "select before::text as before, after::text as after from audit_log where tenant_id = $1 and action = 'billing.update'",
            admin.tenantID)
        #expect(audit.count == 1)
        #expect(try audit.first!.decode("after", as: String.self).contains(#""time_zone": "Asia/Makassar""#))
        #expect(try audit.first!.decode("before", as: String.self).contains(#""due_days": 10"#))
        let again = try browser.get("/admin/billing?saved=1")
        #expect(again.text.contains(#"value="Asia/Makassar" selected"#))
        #expect(again.text.contains(#"name="prorate_first_invoice" value="on" checked"#))
        // The same values again change nothing and write no audit row.
        #expect(try browser.post("/admin/billing", Self.valid).status == 303)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
    }

    @Test func badSettingsAreRefusedWith422AsTypedAndNothingIsWritten() throws {
        let browser = try signedIn("/admin/billing")
        let typed = [
            "time_zone": "Europe/London", "due_days": "ten", "isolation_grace_days": "91", "reminder_days_before": "-1",
        ]
        let refused = try browser.post("/admin/billing", typed)
        #expect(refused.status == 422)
        #expect(refused.text.contains(#"value="ten""#))
        #expect(refused.text.contains(#"value="91""#))
        #expect(refused.text.contains(#"value="-1""#))
        #expect(refused.text.contains("Choose one of Indonesia"))
        #expect(refused.text.contains("from 0 to 60"))
        #expect(refused.text.contains("from 0 to 90"))
        #expect(refused.text.contains("from 0 to 30"))
        #expect(try stored() == "Asia/Jakarta false 10 3 3")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
        #expect(try browser.post("/admin/billing", Self.valid.merging(["_csrf": "forged"]) { $1 }).status == 403)
        #expect(try stored() == "Asia/Jakarta false 10 3 3")
    }

    @Test func aTenantsOwnWordingIsCheckedSavedAndSentByTheBillingRun() throws {
        let browser = try signedIn("/admin/billing/messages")
        let page = try browser.get("/admin/billing/messages")
        #expect(page.status == 200)
        #expect(page.text.contains("your internet bill {{invoice_number}}"))

        let noLink = try browser.post("/admin/billing/messages", ["issued_en": "Pay {{amount}} please, {{nama}}"])
        #expect(noLink.status == 422)
        #expect(noLink.text.contains("Pay {{amount}} please, {{nama}}"))
        #expect(noLink.text.contains("There is no placeholder {{nama}}."))
        #expect(try browser.post("/admin/billing/messages", ["issued_en": "Pay {{amount}} please"]).status == 422)
        #expect(
            try TestDatabase.owner.query("select 1 from billing_message_texts where tenant_id = $1", admin.tenantID).isEmpty)

        let own = "Dear {{name}} <b>&amp;</b>: {{amount}} by {{due_date}} at {{link}} ({{isp}} {{invoice_number}} {{period}})"
        let hostile = "'; drop table invoices; -- {{link}}"
        #expect(try browser.post("/admin/billing/messages", ["issued_en": hostile, "due_id": hostile]).status == 303)
        #expect(try browser.get("/admin/billing/messages").text.contains(hostile))
        #expect(
            try TestDatabase.owner.query(
                "select count(*) as n from billing_message_texts where tenant_id = $1 and body = $2", admin.tenantID, hostile
            ).first!.decode("n", as: Int.self) == 2)
        #expect(try browser.post("/admin/billing/messages", ["issued_en": own]).status == 303)
        #expect(try browser.get("/admin/billing/messages").text.contains("Dear {{name}} &lt;b&gt;&amp;amp;&lt;/b&gt;"))
        #expect(
            try TestDatabase.owner.query(
                "select kind || '_' || language as field from billing_message_texts where tenant_id = $1", admin.tenantID
            ).map { try $0.decode("field", as: String.self) } == ["issued_en"], "an emptied box goes back to the built-in text")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)

        let subscriber = try BillingFixtures.subscriber(
            tenantID: admin.tenantID, billingDay: 3, installed: "2027-01-01", phone: "+6281298765432")
        try BillingFixtures.run(admin.tenantID, at: "2027-09-03 10:00")
        let text = try TestDatabase.owner.query(
            "select body from notifications where tenant_id = $1 and subject_ref = 'INV-2027-000001'", admin.tenantID
        ).first!.decode("body", as: String.self)
        let slug = admin.host.split(separator: ".")[0]
        #expect(text.hasPrefix("Dear \(subscriber.name) <b>&amp;</b>: Rp"))
        #expect(text.contains("150.000 by 13 September 2027 at http://\(slug).localhost/pay/"))
        #expect(text.hasSuffix("INV-2027-000001 September 2027)"))
    }

    @Test func anotherTenantsInvoiceHasNoPayLinkToRenewHere() throws {
        let other = try PortalFixtures.tenant()
        let invoice = try PortalFixtures.invoice(for: try PortalFixtures.subscriber(tenantID: other.id), period: "2027-01")
        let browser = try signedIn("/admin/billing")
        #expect(try browser.post("/admin/invoices/\(invoice.number)/pay-link").status == 404)
        #expect(try browser.post("/admin/invoices/\(invoice.number)/pay-link/send").status == 404)
        #expect(try SharedServer.get("/pay/\(invoice.token)", host: other.host).status == 200, "its link still works")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }
}
