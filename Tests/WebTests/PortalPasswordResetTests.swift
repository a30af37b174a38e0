import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// "Forgot your password": a six-digit code sent by WhatsApp through the outbox (delivered here by a
/// round of the delivery job to the fake Fonnte), which sets a new password once, within 15 minutes,
/// after a few wrong guesses at most; an unknown account gets the same answer. In the serialized
/// delivery suite: its round takes every due message it has a sender for.
extension WhatsAppDeliveryTests {
    struct ResetSite {
        let fonnte: FakeFonnte
        let tenant: (id: UUID, host: String, name: String)
        let subscriber: PortalFixtures.Subscriber
        let phone = "+62812" + String(UInt32.random(in: 10_000_000...99_999_999))

        init() throws {
            let device = WhatsAppDeliveryTests.device()
            fonnte = try FakeFonnte(otherDevices: [device])
            tenant = try PortalFixtures.tenant()
            subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
            try TestDatabase.owner.query("update subscribers set phone = $2 where id = $1", subscriber.id, phone)
            try WhatsAppDeliveryTests.ownSender(tenantID: tenant.id, token: device)
        }

        /// Asks for a code and delivers it. - Returns: the code as the subscriber's WhatsApp shows it.
        func askForCode(_ browser: PortalBrowser, login: String) throws -> String {
            #expect(try browser.get("/portal/forgot").status == 200)
            let asked = try browser.post("/portal/forgot", ["login": login])
            #expect(asked.status == 303)
            try WhatsAppDeliveryTests.delivery(fonnte).deliverDueMessages()
            let message = try #require(fonnte.messages(containing: tenant.name).last)
            #expect(message.target == String(phone.dropFirst()))
            let code = try #require(message.text.firstMatch(of: /\sis ([0-9]{6})\./)).1
            return String(code)
        }

        func reset(_ browser: PortalBrowser, login: String, code: String, password: String) throws -> TestHTTPResponse {
            try browser.get("/portal/reset")
            return try browser.post(
                "/portal/reset", ["login": login, "code": code, "new_password": password, "new_password_again": password])
        }

        /// As if the throttle's waits had passed: these tests count codes, not the sign-in delays.
        func forgetThrottle() throws {
            try TestDatabase.owner.query("delete from login_throttle where tenant_id = $1", tenant.id)
        }

        func queuedMessages() throws -> Int {
            try TestDatabase.owner.query(
                "select count(*)::integer as n from notifications where tenant_id = $1", tenant.id
            ).first!.decode("n", as: Int.self)
        }
    }

    @Test func aResetCodeArrivesByWhatsAppAndSetsTheNewPasswordOnce() throws {
        let site = try ResetSite()
        defer { site.fonnte.stop() }
        let browser = PortalBrowser(host: site.tenant.host)
        let other = PortalBrowser(host: site.tenant.host)
        #expect(try other.logIn(site.subscriber.customerNumber, site.subscriber.password).status == 303)

        let code = try site.askForCode(browser, login: site.subscriber.pppoeUsername.uppercased())
        #expect(site.fonnte.messages(containing: code).first?.text.contains("15 minutes") == true)
        let stored = try TestDatabase.owner.query(
            "select code_hmac from subscriber_password_resets where subscriber_id = $1", site.subscriber.id
        ).first!.decode("code_hmac", as: String.self)
        #expect(stored.count == 64 && !stored.contains(code), "only a digest of the code is kept")
        let outbox = try TestDatabase.owner.query(
            "select body, status from notifications where tenant_id = $1", site.tenant.id
        ).first!
        #expect(try outbox.decode("status", as: String.self) == "sent")
        let sentText = try outbox.decode("body", as: String.self)
        #expect(!sentText.contains(code) && sentText.contains("••••••"), "the sent text keeps no code")

        let newPassword = "new-" + UUID().uuidString
        let done = try site.reset(browser, login: site.subscriber.customerNumber, code: code, password: newPassword)
        #expect(done.status == 303)
        #expect(done.headers["Location"] == "/portal/password?changed=1")
        #expect(try browser.get("/portal/password?changed=1").text.contains("Your password was changed"))
        #expect(try other.get("/portal").status == 303, "the session elsewhere has ended")

        #expect(try PortalBrowser(host: site.tenant.host).logIn(site.subscriber.customerNumber, newPassword).status == 303)
        #expect(try PortalBrowser(host: site.tenant.host).logIn(site.subscriber.customerNumber, site.subscriber.password).status == 422)

        let again = try site.reset(
            PortalBrowser(host: site.tenant.host), login: site.subscriber.customerNumber, code: code,
            password: "another-" + UUID().uuidString)
        #expect(again.status == 422, "a code works once")
        #expect(again.text.contains("This code is wrong or no longer works"))
        #expect(!again.text.contains(code))
    }

    @Test func anExpiredCodeAndOneGuessedWrongTooOftenNoLongerWork() throws {
        let site = try ResetSite()
        defer { site.fonnte.stop() }
        let browser = PortalBrowser(host: site.tenant.host)
        let login = site.subscriber.customerNumber
        let expired = try site.askForCode(browser, login: login)
        try TestDatabase.owner.query(
            "update subscriber_password_resets set expires_at = now() - interval '1 second' where subscriber_id = $1",
            site.subscriber.id)
        #expect(try site.reset(browser, login: login, code: expired, password: "late-" + UUID().uuidString).status == 422)

        try site.forgetThrottle()
        let code = try site.askForCode(browser, login: login)
        let wrong = code == "000000" ? "111111" : "000000"
        for _ in 0..<5 {
            try site.forgetThrottle()
            let response = try site.reset(browser, login: login, code: wrong, password: "guess-" + UUID().uuidString)
            #expect(response.status == 422)
        }
        try site.forgetThrottle()
        #expect(
            try site.reset(browser, login: login, code: code, password: "right-" + UUID().uuidString).status == 422,
            "after five wrong guesses the code is dead")
        #expect(try PortalBrowser(host: site.tenant.host).logIn(login, site.subscriber.password).status == 303)
    }

    @Test func anUnknownAccountGetsTheSameAnswerAndNothingIsSent() throws {
        let site = try ResetSite()
        defer { site.fonnte.stop() }
        let browser = PortalBrowser(host: site.tenant.host)
        try browser.get("/portal/forgot")
        let unknown = try browser.post("/portal/forgot", ["login": "C-NOSUCH1"])
        let known = try browser.post("/portal/forgot", ["login": site.subscriber.customerNumber.lowercased()])
        #expect(unknown.status == 303 && known.status == 303)
        #expect(unknown.headers["Location"] == "/portal/reset?login=C-NOSUCH1&sent=1")
        #expect(known.headers["Location"] == "/portal/reset?login=\(site.subscriber.customerNumber.lowercased())&sent=1")
        #expect(try site.queuedMessages() == 1, "only the real account's code is queued")

        let page = try browser.get(try #require(unknown.headers["Location"]))
        #expect(page.text.contains("If this account exists and has a WhatsApp number"))
        #expect(page.text.contains(#"value="C-NOSUCH1""#))
        let attempt = try site.reset(browser, login: "C-NOSUCH1", code: "123456", password: "whatever-1234")
        #expect(attempt.status == 422)
        #expect(attempt.text.contains("This code is wrong or no longer works"))

        let empty = try browser.post("/portal/forgot", ["login": " "])
        #expect(empty.status == 422)
        #expect(try browser.post("/portal/forgot", ["login": "x"], withCSRF: false).status == 403)
    }
}
