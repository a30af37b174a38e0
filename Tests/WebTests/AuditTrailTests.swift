import Foundation
import TestSupport
import Testing

/// `/admin/audit` and `/head-office/audit`: the audit log and security events, a tenant's own to its admin and
/// everyone's to head office, filtered by actor, action and days, newest first, every value escaped.
@Suite struct AuditTrailTests {
    let a: AdminFixtures.Admin
    let b: AdminFixtures.Admin
    /// In every row of this test, so that other tests' rows never match.
    let marker = "m\(UUID().uuidString.prefix(8).lowercased())"

    init() throws {
        a = try AdminFixtures.tenantWithAdmin()
        b = try AdminFixtures.tenantWithAdmin()
        try audit(a.tenantID, actor: "<script>alert(1)</script>\(marker)@a.test", action: "branding.update", daysAgo: 0)
        // Older, yet younger than the three days after which RetentionTests' server (run alongside) deletes audit rows.
        try audit(a.tenantID, actor: "older-\(marker)@a.test", action: "profile.create", daysAgo: 2)
        try audit(b.tenantID, actor: "b-\(marker)@b.test", action: "branding.update", daysAgo: 0)
        try TestDatabase.owner.query(
            """
            insert into security_events (tenant_id, kind, client_address, detail)
            values ($1, 'login_failed', '10.9.8.7', 'subscriber <b>' || $2 || '</b>')
            """, a.tenantID, marker)
    }

    private func audit(_ tenantID: UUID, actor: String, action: String, daysAgo: Int) throws {
        try TestDatabase.owner.query(
            """
            insert into audit_log (tenant_id, actor, action, target, ip, at)
            values ($1, $2, $3, $4, '10.1.2.3', now() - make_interval(days => $5))
            """, tenantID, actor, action, "target-\(marker)", daysAgo)
    }

    @Test func aTenantAdminSeesItsOwnChangesAndEventsNewestFirstEscapedAndNeverAnotherTenants() throws {
        let browser = try AdminFixtures.signedIn(a)
        let page = try browser.get("/admin/audit?actor=\(marker)")
        #expect(page.status == 200)
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;\(marker)@a.test"))
        #expect(!page.text.contains("<script>alert(1)"))
        #expect(page.text.contains("older-\(marker)@a.test"))
        #expect(!page.text.contains("b-\(marker)@b.test"), "another tenant's row")
        let newest = try #require(page.text.range(of: "alert(1)"))
        let oldest = try #require(page.text.range(of: "older-\(marker)"))
        #expect(newest.lowerBound < oldest.lowerBound, "newest first")

        let events = try browser.get("/admin/audit?actor=10.9.8.7&action=login_failed")
        #expect(events.text.contains("subscriber &lt;b&gt;\(marker)&lt;/b&gt;"))
    }

    @Test func filtersByActionAndDays() throws {
        let browser = try AdminFixtures.signedIn(a)
        let byAction = try browser.get("/admin/audit?actor=\(marker)&action=profile.create")
        #expect(byAction.text.contains("older-\(marker)"))
        #expect(!byAction.text.contains("alert(1)"))

        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        let yesterday = formatter.string(from: Date().addingTimeInterval(-86_400))
        let recent = try browser.get("/admin/audit?actor=\(marker)&from=\(yesterday)")
        #expect(recent.text.contains("alert(1)"))
        #expect(!recent.text.contains("older-\(marker)"))
        let old = try browser.get("/admin/audit?actor=\(marker)&to=\(yesterday)")
        #expect(old.text.contains("older-\(marker)"))
        #expect(!old.text.contains("alert(1)"))

        #expect(try browser.get("/admin/audit?from=yesterday").status == 400)
        #expect(try browser.get("/admin/audit?page=0").status == 400)
        #expect(try browser.get("/admin/audit?actor=%27%3B%20drop%20table%20audit_log%3B%20--").status == 200)
    }

    @Test func headOfficeSeesEveryTenantsRowsAndOnlyHeadOfficeMay() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let page = try browser.get("/head-office/audit?actor=\(marker)")
        #expect(page.status == 200)
        #expect(page.text.contains("b-\(marker)@b.test"))
        #expect(page.text.contains("older-\(marker)@a.test"))
        #expect(!page.text.contains("<script>alert(1)"))

        #expect(try HeadOfficeFixtures.browser().get("/head-office/audit").headers["Location"] == "/head-office/login")
        let tenantAdmin = try AdminFixtures.signedIn(a, server: HeadOfficeFixtures.server)
        let borrowed = HeadOfficeFixtures.browser()
        borrowed.cookies = tenantAdmin.cookies
        #expect(try borrowed.get("/head-office/audit").status == 303)
    }
}
