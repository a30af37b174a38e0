import Foundation
import TestSupport
import Testing

@testable import Web

/// Isolation for non-payment and its undoing, against a real database and the tests' real FreeRADIUS:
/// the isolation job (with a clock moved past the grace period) puts an unpaid subscriber in its
/// ISP's isolation group and disconnects its live session at the stand-in router; paying in full, by
/// link or at the counter, brings the plan back; a part payment or a void does not. Each test sweeps
/// its own tenant only, because others' tests back-date invoices of their own.
@Suite(.serialized) struct IsolationTests {
    typealias CoAReceiver = AdminSessionsTests.CoAReceiver

    /// Sets the invoice due `days` days from today in the tenant's zone (negative: past).
    static func due(_ invoice: BilledInvoice, inDays days: Int) throws {
        try TestDatabase.owner.query(
            """
            update invoices i set due_date = (now() at time zone b.time_zone)::date + $2::integer
            from tenant_branding b where b.tenant_id = i.tenant_id and i.id = $1
            """, invoice.id, days)
    }

    static func sweep(_ shop: InvoiceShop, daysFromNow days: Int = 0) throws -> [IsolationSweep.Isolated] {
        let now = Date().addingTimeInterval(TimeInterval(days * 86_400))
        return try IsolationSweep(database: TestDatabase.owner, now: { now }).sweep(tenantID: shop.tenantID)
    }

    static func statusReason(_ subscriber: PortalFixtures.Subscriber) throws -> String {
        try TestDatabase.owner.query("select status_reason from subscribers where id = $1", subscriber.id)
            .first!.decode("status_reason", as: String.self)
    }

    static func audited(_ action: String, tenantID: UUID) throws -> [(actor: String, target: String)] {
        try TestDatabase.owner.query(
            "select actor, target from audit_log where tenant_id = $1 and action = $2 order by id", tenantID, action
        ).map { (try $0.decode("actor", as: String.self), try $0.decode("target", as: String.self)) }
    }

    @Test func anUnpaidSubscriberIsIsolatedOnlyAfterTheGracePeriodAndPayingByLinkRestoresIt() throws {
        let server = try FreeRADIUSTests.server.get()
        let shop = try InvoiceShop.open()
        // The job writes the isolation group's replies itself when the ISP has none.
        try TestDatabase.owner.query("delete from radgroupreply where groupname = $1", shop.isolationGroup)
        let subscriber = try shop.subscriber()
        let invoice = try shop.invoice(for: subscriber, opened: true)
        try Self.due(invoice, inDays: -1)  // grace: 3 days (the default)
        let router = try TestRouter.register(tenantID: shop.tenantID, kind: "pppoe")
        let login = { try RadiusClient.login(subscriber.pppoeUsername, InvoiceShop.pppoePassword, at: router, on: server) }

        #expect(try Self.sweep(shop).isEmpty)
        #expect(try Self.sweep(shop, daysFromNow: 2).isEmpty, "due date + 3 days is not past yet")
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])

        let isolated = try Self.sweep(shop, daysFromNow: 3)
        #expect(isolated.map(\.customerNumber) == [subscriber.customerNumber])
        #expect(try subscriber.status() == "isolated")
        #expect(try subscriber.radiusGroups() == [shop.isolationGroup])
        #expect(try Self.statusReason(subscriber).contains(invoice.number))
        #expect(try Self.audited("subscriber.isolate", tenantID: shop.tenantID).map(\.actor) == ["system"])
        #expect(try Self.sweep(shop, daysFromNow: 3).isEmpty, "an isolated subscriber is isolated once")

        let cut = try login()
        #expect(cut.contains("Received Access-Accept"), "radclient:\n\(cut)\n\(server.logTail)")
        #expect(cut.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.isolationRateLimit)\""), "radclient:\n\(cut)")
        #expect(cut.contains("Mikrotik-Address-List = \"isolir\""), "radclient:\n\(cut)")

        let paid = try shop.deliver(invoice)
        try #require(paid.status == 200, "webhook answered \(paid.status): \(paid.text)")
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])
        let back = try login()
        #expect(back.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.planRateLimit)\""), "radclient:\n\(back)")
        #expect(!back.contains("Mikrotik-Address-List"), "radclient:\n\(back)")
    }

    @Test func anISPAheadOfUTCIsolatesOnItsOwnDateBeforeUTCsDateTurns() throws {
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber()
        let invoice = try shop.invoice(for: subscriber, opened: true)
        // Kiritimati is 14 hours ahead of UTC: from 10:00 UTC its date is already the next day.
        try TestDatabase.owner.query(
            "update tenant_branding set time_zone = 'Pacific/Kiritimati' where tenant_id = $1", shop.tenantID)
        try TestDatabase.owner.query(
            "update tenant_billing_settings set isolation_grace_days = 0 where tenant_id = $1", shop.tenantID)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))
        let day = utc.startOfDay(for: Date().addingTimeInterval(10 * 86_400))
        let dueDate = ISO8601DateFormatter.string(from: day, timeZone: utc.timeZone, formatOptions: [.withFullDate])
        try TestDatabase.owner.query("update invoices set due_date = $2::date where id = $1", invoice.id, dueDate)
        let sweep = { (at: Date) in try IsolationSweep(database: TestDatabase.owner, now: { at }).sweep(tenantID: shop.tenantID) }

        #expect(try sweep(day.addingTimeInterval(9 * 3_600)).isEmpty, "23:00 on the due date in Kiritimati")
        #expect(try subscriber.status() == "active")
        let isolated = try sweep(day.addingTimeInterval(11 * 3_600))
        #expect(isolated.map(\.customerNumber) == [subscriber.customerNumber], "01:00 the day after, though UTC's date is the due date")
        #expect(try subscriber.status() == "isolated")
    }

    @Test func isolationAndRestorationAtTheCounterDisconnectTheLiveSessionAtItsRouter() throws {
        let server = try FreeRADIUSTests.server.get()
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber()
        let invoice = try shop.invoice(for: subscriber)
        try Self.due(invoice, inDays: -10)
        let router = try TestRouter.register(tenantID: shop.tenantID, kind: "pppoe")
        let coaPort = Int.random(in: 20_000...29_999)
        try TestDatabase.owner.query("update nas set coa_port = $2 where nasname = $1", router.address, coaPort)
        let receiver = try CoAReceiver.start(for: router, port: coaPort)
        defer { receiver.stop() }
        let first = "iso-" + RandomCode.make(8)
        let started = try RadiusClient.account("Start", user: subscriber.pppoeUsername, session: first, at: router, on: server)
        try #require(started.contains("Accounting-Response"), "radclient:\n\(started)\n\(server.logTail)")

        #expect(try Self.sweep(shop).count == 1)
        #expect(receiver.received.contains(first), "the router saw no Disconnect-Request:\n\(receiver.received)")
        let cause = try TestDatabase.owner.query(
            "select acctterminatecause from radacct where acctsessionid = $1 and acctstoptime is not null", first
        ).first?.decode("acctterminatecause", as: String?.self)
        #expect(cause == "Admin-Reset")

        // Back online in the isolation group; paying at the counter ends that session too.
        let second = "iso-" + RandomCode.make(8)
        _ = try RadiusClient.account("Start", user: subscriber.pppoeUsername, session: second, at: router, on: server)
        let admin = try AdminFixtures.signedIn(try AdminFixtures.admin(tenantID: shop.tenantID, host: shop.host))
        try admin.get("/admin/invoices/\(invoice.number)")
        let settled = try admin.post("/admin/invoices/\(invoice.number)/payments", ["amount": "150.000", "method": "cash"])
        #expect(settled.status == 303, "\(settled.text)")
        #expect(try subscriber.status() == "active")
        #expect(receiver.received.contains(second), "no Disconnect-Request after payment:\n\(receiver.received)")
    }

    @Test func aPartPaymentAtTheCounterLeavesTheSubscriberIsolatedAndTheRestSettlesAndRestores() throws {
        let server = try FreeRADIUSTests.server.get()
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -15)
        let account = try AdminFixtures.admin(tenantID: shop.tenantID, host: shop.host)
        let admin = try AdminFixtures.signedIn(account)
        let page = try admin.get("/admin/invoices/\(invoice.number)")
        #expect(page.status == 200)
        #expect(page.text.contains("Payment at the counter"))
        #expect(page.text.contains(#"action="/admin/invoices/\#(invoice.number)/payments""#))
        let path = "/admin/invoices/\(invoice.number)/payments"
        // The subscriber had opened a Midtrans checkout and never paid it, then paid at the counter.
        try TestDatabase.owner.query("update invoices set gateway_provider = 'midtrans' where id = $1", invoice.id)

        let part = try admin.post(path, ["amount": "Rp 50.000", "method": "cash", "reference": "Kuitansi 12"])
        #expect(part.status == 303)
        #expect(part.headers["Location"] == "/admin/invoices/\(invoice.number)?settlement=recorded")
        #expect(try invoice.status() == "unpaid")
        #expect(try subscriber.status() == "isolated")
        #expect(try subscriber.radiusGroups() == [shop.isolationGroup])
        let owed = try admin.get(part.headers["Location"] ?? "")
        #expect(owed.text.contains("The invoice is still partly unpaid."))
        #expect(owed.text.contains("Rp 100.000"))
        #expect(owed.text.contains("Kuitansi 12"))

        let tooMuch = try admin.post(path, ["amount": "200.000", "method": "bank_transfer", "reference": "TRF-9"])
        #expect(tooMuch.status == 422)
        #expect(tooMuch.text.contains("at most Rp 100.000"))
        #expect(tooMuch.text.contains(#"value="200.000""#))
        #expect(tooMuch.text.contains(#"value="TRF-9""#))
        let nonsense = try admin.post(path, ["amount": "lima puluh", "method": "cheque"])
        #expect(nonsense.status == 422)
        #expect(nonsense.text.contains(#"value="lima puluh""#))
        #expect(nonsense.text.contains("Choose cash or bank transfer."))
        #expect(try invoice.paymentCount() == 1)

        let rest = try admin.post(path, ["amount": "100000", "method": "bank_transfer", "reference": "TRF-10"])
        #expect(rest.headers["Location"] == "/admin/invoices/\(invoice.number)?settlement=settled")
        #expect(try invoice.status() == "paid")
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])
        let rows = try TestDatabase.owner.query(
            "select method, recorded_by, note, amount from payments where subject_id = $1 order by created_at", invoice.id
        ).map {
            "\(try $0.decode("method", as: String.self)) \(try $0.decode("recorded_by", as: String.self)) \(try $0.decode("note", as: String.self)) \(try $0.decode("amount", as: Int64.self))"
        }
        let email = account.email.lowercased()
        #expect(rows == ["cash \(email) Kuitansi 12 50000", "bank_transfer \(email) TRF-10 100000"])
        #expect(try Self.audited("invoice.payment", tenantID: shop.tenantID).count == 2)
        // Settled exactly as a gateway's payment: the pay link now shows the receipt.
        let receipt = try PortalBrowser(host: shop.host).get("/pay/\(invoice.token)").text
        #expect(receipt.contains("Payment receipt"))
        #expect(receipt.contains("Cash, Bank transfer") && !receipt.contains("Midtrans"), "the receipt names how it was paid")
        #expect(try admin.post(path, ["amount": "1.000", "method": "cash"]).status == 409)

        let router = try TestRouter.register(tenantID: shop.tenantID, kind: "pppoe")
        let reply = try RadiusClient.login(subscriber.pppoeUsername, InvoiceShop.pppoePassword, at: router, on: server)
        #expect(reply.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.planRateLimit)\""), "radclient:\n\(reply)")
    }

    @Test func afterAPartPaymentAtTheCounterThePayLinkAsksForTheRestAndPayingItRestores() throws {
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -15)
        let admin = try AdminFixtures.signedIn(try AdminFixtures.admin(tenantID: shop.tenantID, host: shop.host))
        try admin.get("/admin/invoices/\(invoice.number)")
        #expect(try admin.post("/admin/invoices/\(invoice.number)/payments", ["amount": "60.000", "method": "cash"]).status == 303)

        let link = PortalBrowser(host: shop.host)
        let page = try link.get("/pay/\(invoice.token)")
        #expect(page.text.contains("Rp 90.000"))
        let pay = try link.post("/pay/\(invoice.token)")
        #expect(pay.headers["Location"] == "/sandbox/checkout/\(invoice.reference)")
        #expect(try link.get("/sandbox/checkout/\(invoice.reference)").text.contains("Rp 90.000"))
        #expect(try shop.deliver(invoice, amount: 150_000).status == 422, "the whole amount again is not what is owed")
        #expect(try invoice.status() == "unpaid")
        let paid = try shop.deliver(invoice, amount: 90_000)
        #expect(paid.status == 200, "\(paid.text)")
        #expect(try invoice.status() == "paid")
        #expect(try subscriber.status() == "active")
        #expect(try subscriber.radiusGroups() == [shop.planGroup])
        let total = try TestDatabase.owner.query(
            "select sum(amount)::bigint as total from payments where subject_id = $1 and status = 'paid'", invoice.id
        ).first!.decode("total", as: Int64.self)
        #expect(total == 150_000)
    }

    @Test func aVoidedInvoiceCannotBePaidAndDoesNotRestoreTheSubscriber() throws {
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -15)
        let admin = try AdminFixtures.signedIn(try AdminFixtures.admin(tenantID: shop.tenantID, host: shop.host))
        try admin.get("/admin/invoices/\(invoice.number)")
        let path = "/admin/invoices/\(invoice.number)/void"

        let noReason = try admin.post(path, ["reason": "  "])
        #expect(noReason.status == 422)
        #expect(noReason.text.contains("Say why"))
        #expect(try invoice.status() == "unpaid")

        let voided = try admin.post(path, ["reason": "Billed twice <by mistake>"])
        #expect(voided.headers["Location"] == "/admin/invoices/\(invoice.number)?settlement=voided")
        let row = try TestDatabase.owner.query("select void_reason, voided_at from invoices where id = $1", invoice.id).first!
        #expect(row.decode("void_reason", as: String?.self) == "Billed twice <by mistake>")
        #expect(row.decode("voided_at", as: Date?.self) != nil)
        #expect(try invoice.status() == "void")
        #expect(try subscriber.status() == "isolated", "a void is no payment")
        #expect(try subscriber.radiusGroups() == [shop.isolationGroup])
        let page = try admin.get(voided.headers["Location"] ?? "")
        #expect(page.text.contains("Billed twice &lt;by mistake&gt;"))
        #expect(!page.text.contains("\(invoice.number)/payments"), "no payment form on a void invoice")

        #expect(try admin.post("/admin/invoices/\(invoice.number)/payments", ["amount": "150.000", "method": "cash"]).status == 409)
        #expect(try admin.post(path, ["reason": "again"]).status == 409)
        #expect(try PortalBrowser(host: shop.host).get("/pay/\(invoice.token)").status == 404)
        #expect(try invoice.paymentCount() == 0)
        #expect(try Self.audited("invoice.void", tenantID: shop.tenantID).count == 1)
    }

    @Test func anotherISPsAdminCannotPayOrVoidTheInvoice() throws {
        let shop = try InvoiceShop.open()
        let invoice = try shop.invoice(for: try shop.subscriber(), dueInDays: -5)
        let stranger = try AdminFixtures.signedIn(try AdminFixtures.tenantWithAdmin())
        try stranger.get("/admin/invoices")
        #expect(try stranger.get("/admin/invoices/\(invoice.number)").status == 404)
        let paid = try stranger.post("/admin/invoices/\(invoice.number)/payments", ["amount": "150.000", "method": "cash"])
        #expect(paid.status == 404)
        #expect(try stranger.post("/admin/invoices/\(invoice.number)/void", ["reason": "mine now"]).status == 404)
        #expect(try invoice.status() == "unpaid")
        #expect(try invoice.paymentCount() == 0)
    }

    /// The isolation page, on a server that believes `X-Forwarded-For` from loopback, as it would from
    /// a trusted proxy: the address is the subscriber's session address in `radacct`.
    @Test func theIsolationPageShowsTheInvoicesOfTheSubscriberAtThatAddressAndNobodyElses() throws {
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -15)
        let address = "10.\(Int.random(in: 100...199)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
        try TestDatabase.owner.query(
            """
            insert into radacct (tenant_id, acctsessionid, acctuniqueid, username, nasipaddress, framedipaddress,
                acctstarttime)
            values ($1, $2, $2, $3, '192.168.88.1', $4::inet, now())
            """, shop.tenantID, "pg-" + RandomCode.make(10), subscriber.pppoeUsername, address)
        func browser(_ host: String, from client: String) -> PortalBrowser {
            let browser = PortalBrowser(server: HeadOfficeFixtures.server, host: host)
            browser.cookies["lang"] = "en"
            browser.extraHeaders = [("X-Forwarded-For", client)]
            return browser
        }

        let theirs = browser(shop.host, from: address)
        let page = try theirs.get("/isolated")
        #expect(page.status == 200)
        #expect(page.text.contains("Your internet is paused"))
        #expect(page.text.contains(subscriber.name))
        #expect(page.text.contains(invoice.number))
        #expect(page.text.contains(#"action="/isolated/invoices/\#(invoice.number)/pay""#))

        for (host, client) in [(shop.host, "10.250.0.9"), (try InvoiceShop.open().host, address)] {
            let other = try browser(host, from: client).get("/isolated")
            #expect(other.status == 200)
            #expect(other.text.contains("We could not recognise your connection."))
            #expect(other.text.contains(#"href="/portal/login""#))
            #expect(!other.text.contains(invoice.number))
            #expect(!other.text.contains(subscriber.name))
        }
        let elsewhere = browser(shop.host, from: "10.250.0.9")
        elsewhere.cookies = theirs.cookies
        #expect(try elsewhere.post("/isolated/invoices/\(invoice.number)/pay", ["_csrf": theirs.csrf ?? ""]).status == 404)

        let pay = try theirs.post("/isolated/invoices/\(invoice.number)/pay")
        #expect(pay.status == 303, "\(pay.text)")
        #expect(pay.headers["Location"] == "/sandbox/checkout/\(invoice.reference)")
        #expect(try invoice.row().decode("gateway_id", as: UUID?.self) == shop.gatewayID)
    }
}
