import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// The WhatsApp messages of a billing cycle reach the (fake) Fonnte in order, each with a link that
/// opens the invoice while every earlier link stops working; the admin's new link and resend do the
/// same. In `WhatsAppDeliveryTests`' serialized suite: its sending servers take every tenant's messages.
extension WhatsAppDeliveryTests {
    static let payLink = #"http://[a-z0-9-]+\.localhost/pay/[0-9a-f]{64}"#

    /// The one pay link in `text`, as a path on the test server.
    static func payPath(in text: String) throws -> String {
        let range = try #require(text.range(of: payLink, options: .regularExpression), "no pay link in: \(text)")
        return String(text[range].drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
    }

    @Test func theBillingCyclesMessagesArriveInOrderEachWithTheOneLinkThatWorks() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        let server = try Self.server(fonnte)
        defer { server.stop() }
        let tenant = try PortalFixtures.tenant()
        let admin = try AdminFixtures.admin(tenantID: tenant.id, host: tenant.host)
        let subscriber = try BillingFixtures.subscriber(
            tenantID: tenant.id, billingDay: 7, installed: "2027-01-01", phone: "+6281298765432")
        let number = "INV-2027-000001"
        // Invoice numbers are per ISP and other suites' messages share the fake: the link names the tenant.
        let ours = "/\(tenant.host)/pay/"
        var paths: [String] = []

        /// Runs the billing at `moment` and waits for the message that names the invoice and says `words`.
        func step(_ moment: String, expecting words: String) throws {
            try BillingFixtures.run(tenant.id, at: moment)
            try eventually(within: .seconds(10)) { fonnte.messages(containing: ours).count == paths.count + 1 }
            let message = try #require(fonnte.messages(containing: ours).last)
            #expect(message.target == "6281298765432")
            #expect(message.text.contains(words), "\(message.text)")
            #expect(message.text.contains("Rp") && message.text.contains("150.000"))
            let path = try Self.payPath(in: message.text)
            let opened = try TestHTTPClient.request(port: server.port, path: path, host: tenant.host)
            #expect(opened.status == 200)
            #expect(opened.text.contains(subscriber.name))
            for old in paths {
                #expect(try TestHTTPClient.request(port: server.port, path: old, host: tenant.host).status == 404)
            }
            paths.append(path)
        }

        try step("2027-07-07 09:00", expecting: "your internet bill \(number) for July 2027 is")
        try BillingFixtures.run(tenant.id, at: "2027-07-13 09:00")
        try step("2027-07-14 09:00", expecting: "a reminder: bill \(number)")
        try step("2027-07-17 09:00", expecting: "is due today (17 July 2027)")
        try BillingFixtures.run(tenant.id, at: "2027-07-18 09:00")
        try TestDatabase.owner.query("update subscribers set status = 'isolated' where id = $1", subscriber.id)
        try step("2027-07-21 09:00", expecting: "your internet is limited")
        try BillingFixtures.run(tenant.id, at: "2027-07-22 09:00")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(fonnte.messages(containing: ours).count == 4, "each message once")

        // The admin draws a new link: shown once, the last message's link stops working.
        let browser = try AdminFixtures.signedIn(admin, server: server)
        let detail = try browser.get("/admin/invoices/\(number)")
        #expect(detail.text.contains("Reminder before the due date"))
        let reissued = try browser.post("/admin/invoices/\(number)/pay-link")
        #expect(reissued.status == 200)
        let shown = try Self.payPath(in: reissued.text.replacingOccurrences(of: ":\(server.port)", with: ""))
        #expect(try TestHTTPClient.request(port: server.port, path: paths.last!, host: tenant.host).status == 404)
        #expect(try TestHTTPClient.request(port: server.port, path: shown, host: tenant.host).status == 200)
        paths.append(shown)

        // And sends one by WhatsApp: a fifth message, whose link alone works.
        let sent = try browser.post("/admin/invoices/\(number)/pay-link/send")
        #expect(sent.status == 200)
        #expect(sent.text.contains("on its way to +6281298765432"))
        try eventually(within: .seconds(10)) { fonnte.messages(containing: ours).count == 5 }
        let resent = try Self.payPath(in: try #require(fonnte.messages(containing: ours).last).text)
        #expect(try TestHTTPClient.request(port: server.port, path: resent, host: tenant.host).status == 200)
        for old in paths { #expect(try TestHTTPClient.request(port: server.port, path: old, host: tenant.host).status == 404) }
        let audited = try TestDatabase.owner.query(
            "select action from audit_log where tenant_id = $1 and target = $2 order by id", tenant.id, number
        ).map { try $0.decode("action", as: String.self) }
        #expect(audited == ["invoice.reissue_link", "invoice.resend_link"])

        // A paid invoice has no link to renew.
        try TestDatabase.owner.query(
            "update invoices set status = 'paid', paid_at = now() where invoice_number = $1 and tenant_id = $2", number, tenant.id)
        #expect(try browser.post("/admin/invoices/\(number)/pay-link").status == 409)
    }
}
