import Foundation
import TestSupport
import Testing

/// The signed-in subscriber's own password, and the overview's plan and this month's usage from `radacct`.
@Suite struct PortalAccountTests {
    let tenant: (id: UUID, host: String, name: String)
    let subscriber: PortalFixtures.Subscriber

    init() throws {
        tenant = try PortalFixtures.tenant()
        subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
    }

    private func signedIn() throws -> PortalBrowser {
        let browser = PortalBrowser(host: tenant.host)
        #expect(try browser.logIn(subscriber.customerNumber, subscriber.password).status == 303)
        return browser
    }

    @Test func changingThePasswordEndsTheOtherSessionsAndTheNewOneSignsIn() throws {
        let here = try signedIn()
        let elsewhere = try signedIn()
        let page = try here.get("/portal/password")
        #expect(page.status == 200)
        #expect(page.headers["Cache-Control"]?.contains("no-store") == true)
        #expect(page.text.contains(#"<a href="/portal/password" aria-current="page">Password</a>"#))

        let newPassword = "fresh-" + UUID().uuidString
        let changed = try here.post(
            "/portal/password",
            ["current_password": subscriber.password, "new_password": newPassword, "new_password_again": newPassword])
        #expect(changed.status == 303)
        #expect(changed.headers["Location"] == "/portal/password?changed=1")
        #expect(try here.get("/portal/password?changed=1").text.contains("your other devices were signed out"))
        #expect(try here.get("/portal").status == 200, "this session goes on")
        #expect(try elsewhere.get("/portal").status == 303, "the other one has ended")

        #expect(try PortalBrowser(host: tenant.host).logIn(subscriber.customerNumber, newPassword).status == 303)
        #expect(try PortalBrowser(host: tenant.host).logIn(subscriber.customerNumber, subscriber.password).status == 422)
        let audit = try TestDatabase.owner.query(
            "select count(*)::integer as n from audit_log where tenant_id = $1 and action = 'subscriber.password_change'",
            tenant.id
        ).first!.decode("n", as: Int.self)
        #expect(audit == 1)
    }

    @Test func aWrongCurrentPasswordOrMismatchedNewOnesAre422AndChangeNothing() throws {
        let browser = try signedIn()
        try browser.get("/portal/password")
        let wrong = try browser.post(
            "/portal/password",
            ["current_password": "not-the-password", "new_password": "long-enough-1", "new_password_again": "long-enough-1"])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("f-current_password-error"))
        #expect(!wrong.text.contains("long-enough-1"), "no password is written back")
        let differ = try browser.post(
            "/portal/password",
            ["current_password": subscriber.password, "new_password": "long-enough-1", "new_password_again": "long-enough-2"])
        #expect(differ.status == 422)
        #expect(differ.text.contains("f-new_password_again-error"))
        let forged = try browser.post(
            "/portal/password",
            ["current_password": subscriber.password, "new_password": "long-enough-1", "new_password_again": "long-enough-1"],
            withCSRF: false)
        #expect(forged.status == 403)
        #expect(try PortalBrowser(host: tenant.host).logIn(subscriber.customerNumber, subscriber.password).status == 303)
        #expect(try PortalBrowser(host: tenant.host).get("/portal/password").status == 303, "signed out: to the login")
    }

    @Test func theOverviewShowsThePlanSpeedAndThisMonthsUsageFromRadacct() throws {
        try TestDatabase.owner.query(
            "update plans set download_kbps = 20000, upload_kbps = 5000 where tenant_id = $1", tenant.id)
        let browser = try signedIn()
        let before = try browser.get("/portal").text
        #expect(before.contains("No usage recorded this month."))
        #expect(before.contains("20 Mbps down / 5 Mbps up"))
        #expect(before.contains("Rp 150.000"))

        // Two sessions this month (one still open), one that ended last month, one of another user.
        func session(_ user: String, startedAgo: String, stoppedAgo: String?, seconds: Int, down: Int64, up: Int64) throws {
            try TestDatabase.owner.query(
                """
                insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime,
                    acctsessiontime, acctinputoctets, acctoutputoctets, tenant_id)
                values ($1, $1, $2, '192.0.2.1', now() - $3::interval, now() - $4::interval, $5, $6, $7, $8)
                """, UUID().uuidString, user, startedAgo, stoppedAgo, seconds, up, down, tenant.id)
        }
        let gib: Int64 = 1_073_741_824
        try session(
            subscriber.pppoeUsername, startedAgo: "3 minutes", stoppedAgo: "1 minute", seconds: 120, down: 3 * gib / 2, up: 512 * 1_048_576)
        try session(subscriber.pppoeUsername, startedAgo: "1 minute", stoppedAgo: nil, seconds: 60, down: gib / 2, up: 0)
        try TestDatabase.owner.query(
            """
            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime,
                acctinputoctets, acctoutputoctets, tenant_id)
            values ($1, $1, $2, '192.0.2.1', date_trunc('month', now() at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta' - interval '3 days',
                date_trunc('month', now() at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta' - interval '2 days', $3, $3, $4)
            """, UUID().uuidString, subscriber.pppoeUsername, 9 * gib, tenant.id)
        try session("someone-else@test", startedAgo: "2 minutes", stoppedAgo: nil, seconds: 60, down: 7 * gib, up: 7 * gib)

        let page = try browser.get("/portal").text
        #expect(!page.contains("No usage recorded this month."))
        #expect(page.contains("<dt>Sessions</dt><dd>2 · Online now</dd>"))
        #expect(page.contains("<dt>Downloaded</dt><dd>2.0 GB</dd>"))
        #expect(page.contains("<dt>Uploaded</dt><dd>512.0 MB</dd>"))
        #expect(page.contains("<dt>Time online</dt><dd>3 min</dd>"))

        let indonesian = try browser.get("/portal?lang=id").text
        #expect(indonesian.contains("<dt>Diunduh</dt><dd>2,0 GB</dd>"))
        #expect(indonesian.contains("20 Mbps unduh / 5 Mbps unggah"))
    }

    @Test func theLoginPageLinksTheResetAndTheResetPagesRender() throws {
        let browser = PortalBrowser(host: tenant.host)
        #expect(try browser.get("/portal/login").text.contains(#"<a href="/portal/forgot">Forgot your password?</a>"#))
        let forgot = try browser.get("/portal/forgot?lang=id")
        #expect(forgot.status == 200)
        #expect(forgot.text.contains("Lupa kata sandi"))
        let reset = try browser.get("/portal/reset?login=%3Cscript%3E&lang=en")
        #expect(reset.status == 200)
        #expect(reset.text.contains(#"value="&lt;script&gt;""#))
        #expect(!reset.text.contains("If this account exists"), "no notice without a request")
        let malformed = try browser.post(
            "/portal/reset", ["login": "a", "code": "12ab", "new_password": "short", "new_password_again": "short"])
        #expect(malformed.status == 422)
        #expect(malformed.text.contains("Enter the six digits of the code."))
    }
}
