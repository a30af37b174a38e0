import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// `/admin/orders` and `/admin/orders/{orderNumber}`: the tenant admin's paged, searchable list of its
/// own orders and one order's detail with its codes and webhook deliveries.
@Suite struct AdminOrdersTests {
    typealias F = AdminSalesFixtures
    let admin: AdminFixtures.Admin
    let profileID: UUID

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
        profileID = try F.profile(tenantID: admin.tenantID)
    }

    @Test func theListShowsTwentyFiveOrdersAPageNewestFirstAndItsPageLinksKeepTheFilter() throws {
        var paid: [String] = []
        for minutes in 0..<27 {
            paid.append(try F.order(tenantID: admin.tenantID, profileID: profileID, minutesAgo: minutes).number)
        }
        let failed = try F.order(tenantID: admin.tenantID, profileID: profileID, status: "failed", minutesAgo: 1).number
        let browser = try AdminFixtures.signedIn(admin)

        let first = try browser.get("/admin/orders?status=paid")
        #expect(first.status == 200)
        #expect(F.rowCount(in: first.text) == 25)
        #expect(!first.text.contains(failed))
        let newest = try #require(F.position(of: paid[0], in: first.text))
        let older = try #require(F.position(of: paid[24], in: first.text))
        #expect(newest < older)
        #expect(!first.text.contains(paid[25]))
        #expect(first.text.contains("Page 1 of 2"))

        let next = try #require(F.link(rel: "next", in: first.text))
        #expect(next == "/admin/orders?status=paid&page=2")
        let second = try browser.get(next)
        #expect(F.rowCount(in: second.text) == 2)
        #expect(second.text.contains(paid[26]))
        #expect(F.link(rel: "prev", in: second.text) == "/admin/orders?status=paid")
        #expect(F.link(rel: "next", in: second.text) == nil)

        let all = try browser.get("/admin/orders?page=2")
        #expect(F.rowCount(in: all.text) == 3)
        #expect(all.text.contains("28 orders"))
    }

    /// Listed and counted as expired with the orders the sweep has marked (the count adds the two).
    @Test func aPendingOrderPastItsDeadlineIsListedAsExpired() throws {
        let late = try F.order(
            tenantID: admin.tenantID, profileID: profileID, status: "pending", expiresInMinutes: -5
        ).number
        let swept = try F.order(
            tenantID: admin.tenantID, profileID: profileID, status: "expired", minutesAgo: 90, expiresInMinutes: -30
        ).number
        let waiting = try F.order(tenantID: admin.tenantID, profileID: profileID, status: "pending").number
        let browser = try AdminFixtures.signedIn(admin)
        let expired = try browser.get("/admin/orders?status=expired")
        #expect(expired.text.contains(late) && expired.text.contains(swept) && !expired.text.contains(waiting))
        #expect(expired.text.contains("Page 1 of 1 · 2 orders"))
        let pending = try browser.get("/admin/orders?status=pending")
        #expect(pending.text.contains(waiting) && !pending.text.contains(late) && !pending.text.contains(swept))
        #expect(pending.text.contains("Page 1 of 1 · 1 order"))
        #expect(try browser.get("/admin/orders").text.contains("Page 1 of 1 · 3 orders"))
    }

    @Test(arguments: ["0812-3456-0001", "+62 812 3456 0001", "6281234560001", "081234560001"])
    func searchFindsOrdersByThePhoneTypedAnyWayTheOrderFormAccepts(typed: String) throws {
        let mine = try F.order(tenantID: admin.tenantID, profileID: profileID, phone: "+6281234560001").number
        let other = try F.order(tenantID: admin.tenantID, profileID: profileID, phone: "+6281234560002").number
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/orders?q=" + PortalBrowser.encode(typed))
        #expect(page.status == 200)
        #expect(page.text.contains(mine))
        #expect(!page.text.contains(other))
        #expect(page.text.contains(#"value="\#(typed)""#))
    }

    @Test func searchFindsAnOrderByItsNumberInAnyCase() throws {
        let wanted = try F.order(tenantID: admin.tenantID, profileID: profileID).number
        let other = try F.order(tenantID: admin.tenantID, profileID: profileID).number
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/orders?q=%20" + wanted.lowercased())
        #expect(page.text.contains(wanted))
        #expect(!page.text.contains(other))
        #expect(F.rowCount(in: page.text) == 1)
    }

    @Test func aPageNumberPastTheEndShowsTheLastPageAndAMalformedOneIsABadRequest() throws {
        let only = try F.order(tenantID: admin.tenantID, profileID: profileID).number
        let browser = try AdminFixtures.signedIn(admin)
        let past = try browser.get("/admin/orders?page=99")
        #expect(past.status == 200)
        #expect(past.text.contains(only))
        #expect(past.text.contains("Page 1 of 1"))
        for query in ["page=abc", "page=0", "page=-1", "page=1.5", "page=99999999999999999999999", "status=bogus"] {
            #expect(try browser.get("/admin/orders?" + query).status == 400, "\(query)")
        }
    }

    @Test func hostileSearchTextComesBackAsEscapedTextAndFindsNothing() throws {
        try F.order(tenantID: admin.tenantID, profileID: profileID)
        let browser = try AdminFixtures.signedIn(admin)
        let typed = #"'; DROP TABLE voucher_orders; -- <script>alert(1)</script>"#
        let page = try browser.get("/admin/orders?q=" + PortalBrowser.encode(typed))
        #expect(page.status == 200)
        #expect(F.rowCount(in: page.text) == 0)
        #expect(!page.text.contains("<script>alert(1)"))
        #expect(page.text.contains("&lt;script&gt;"))
        let stored = try TestDatabase.owner.query(
            "select count(*) as n from voucher_orders where tenant_id = $1", admin.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(stored == 1)
    }

    @Test func aLongSearchIsSearchedAsTypedAndAnAbsurdOneIsRefusedNotCut() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID)
        let browser = try AdminFixtures.signedIn(admin)
        // 80 characters: the search box shows back what was searched, all of it.
        let typed = order.number + String(repeating: "x", count: 80 - order.number.count)
        let page = try browser.get("/admin/orders?q=" + PortalBrowser.encode(typed))
        #expect(page.status == 200)
        #expect(F.rowCount(in: page.text) == 0)
        #expect(page.text.contains(typed), "searched and shown as typed, not cut to its first 64 characters")
        let absurd = try browser.get("/admin/orders?q=" + String(repeating: "y", count: 201))
        #expect(absurd.status == 400)
    }

    @Test func theDetailShowsBuyerPackageGatewayCodesAndTheWebhookDeliveriesForThatOrder() throws {
        let order = try F.order(
            tenantID: admin.tenantID, profileID: profileID, phone: "+6281299990001", buyerName: "Siti <Admin>",
            gatewayReference: "sbx-ref-4711")
        let code = try F.voucher(tenantID: admin.tenantID, profileID: profileID, orderID: order.id)
        try F.webhookEvent(tenantID: admin.tenantID, reference: order.number, outcome: "rejected", reason: "bad signature")
        try F.webhookEvent(tenantID: admin.tenantID, reference: order.number, outcome: "processed")
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/orders/\(order.number)")
        #expect(page.status == 200)
        #expect(page.headers["Cache-Control"] == "no-store")
        for expected in [
            "+6281299990001", "Siti &lt;Admin&gt;", "Rp 5.000", "Paid", "Sandbox", "sbx-ref-4711", code,
            "Rejected", "bad signature", "Processed",
        ] {
            #expect(page.text.contains(expected), "\(expected)")
        }
        // Each code's state comes from the routers' accounting.
        #expect(page.text.contains("Not used yet"))
        try TestDatabase.owner.query(
            """
            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, tenant_id)
            values ('a1', md5(random()::text), $1, '10.0.0.1', now(), $2)
            """, code, admin.tenantID)
        let inUse = try browser.get("/admin/orders/\(order.number)").text
        #expect(inUse.contains("In use since") && inUse.contains("Online now"), "\(inUse)")
    }

    /// The page's deliveries and messages are found by an index holding both the tenant and the order's
    /// number (migration 0044), not by reading the tenant's whole history, which grows with every sale.
    @Test func theDetailFindsItsDeliveriesAndMessagesByTenantAndNumberInAnIndex() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID)
        let plans = try RowLevelSecurityFixtures.app.scoped(toTenantID: admin.tenantID).transaction { db in
            // The fixtures' tables are small enough for a sequential scan, which has no index condition.
            try db.query("set local enable_seqscan = off")
            return try [
                "reference": db.query(
                    "explain select received_at from webhook_events where tenant_id = $1 and reference = $2",
                    admin.tenantID, order.number),
                "subject_ref": db.query(
                    "explain select created_at from notifications where tenant_id = $1 and subject_ref = $2",
                    admin.tenantID, order.number),
            ].mapValues { rows in try rows.map { try $0.decode("QUERY PLAN", as: String.self) } }
        }
        for (column, plan) in plans {
            let bothInTheIndex = plan.contains { $0.contains("Index Cond") && $0.contains("tenant_id") && $0.contains(column) }
            #expect(bothInTheIndex, "\(plan.joined(separator: "\n"))")
        }
    }

    @Test func theDetailShowsWhatBecameOfEachWhatsAppMessageToTheBuyer() throws {
        // A store with a sender of its own: without one, every waiting message says only that.
        try WhatsAppSenderTruthTests.linkOwnSender(tenantID: admin.tenantID)
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID, phone: "+6281299990001")
        let browser = try AdminFixtures.signedIn(admin)
        #expect(try browser.get("/admin/orders/\(order.number)").text.contains("No message has been queued for this order."))

        try F.message(tenantID: admin.tenantID, reference: order.number, status: "sent", attempts: 1, sent: true)
        try F.message(
            tenantID: admin.tenantID, reference: order.number, status: "pending", attempts: 2,
            lastError: "Fonnte refused: disconnected <device>")
        try F.message(
            tenantID: admin.tenantID, reference: order.number, status: "failed", attempts: 12,
            lastError: "Fonnte answered HTTP 502")
        let page = try browser.get("/admin/orders/\(order.number)")
        #expect(page.status == 200)
        for expected in [
            "WhatsApp messages", "Sent", "Waiting", "Given up", "Fonnte refused: disconnected &lt;device&gt;",
            "Next attempt", "Fonnte answered HTTP 502", "12",
        ] {
            #expect(page.text.contains(expected), "\(expected)")
        }
        #expect(!page.text.contains("No message has been queued"))
    }

    func messages(_ number: String) throws -> [(recipient: String, body: String, status: String)] {
        try TestDatabase.owner.query(
            "select recipient, body, status from notifications where tenant_id = $1 and subject_ref = $2 order by id",
            admin.tenantID, number
        ).map { (try $0.decode("recipient"), try $0.decode("body"), try $0.decode("status")) }
    }

    @Test func supportSendsTheCodesAgainToACorrectedNumberWithTheSameText() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID, phone: "+6281299990001")
        try F.message(tenantID: admin.tenantID, reference: order.number, status: "sent", attempts: 1, sent: true)
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/orders/\(order.number)")
        #expect(page.text.contains(#"action="/admin/orders/\#(order.number)/messages""#))
        #expect(page.text.contains(#"value="+6281299990001""#), "the buyer's number is offered")

        let sent = try browser.post("/admin/orders/\(order.number)/messages", ["phone": "0812-9999-0002"])
        #expect(sent.status == 303)
        #expect(sent.headers["Location"] == "/admin/orders/\(order.number)?resent=1")
        let rows = try messages(order.number)
        #expect(rows.count == 2)
        #expect(rows.last?.recipient == "+6281299990002")
        #expect(rows.last?.body == rows.first?.body)
        #expect(rows.last?.status == "pending")
        let audit = try TestDatabase.owner.query(
            "select target, after::text as after from audit_log where tenant_id = $1 and action = 'order.resend_whatsapp'",
            admin.tenantID)
        #expect(audit.count == 1)
        #expect(try audit.first?.decode("target", as: String.self) == order.number)
        #expect(try audit.first?.decode("after", as: String.self).contains("+6281299990002") == true)
        let after = try browser.get("/admin/orders/\(order.number)?resent=1")
        #expect(after.text.contains("Queued: the codes go out again within seconds."))
        #expect(after.text.contains("Waiting"))
    }

    @Test func aWrongNumberIsRefusedWithTheInputKeptAndNothingQueued() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID, phone: "+6281299990001")
        try F.message(tenantID: admin.tenantID, reference: order.number, status: "sent", attempts: 1, sent: true)
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/orders/\(order.number)")
        let refused = try browser.post("/admin/orders/\(order.number)/messages", ["phone": "+44 20 7946 0<b>"])
        #expect(refused.status == 422)
        #expect(refused.text.contains("A WhatsApp number may only contain digits, spaces, dashes and a leading +."))
        #expect(refused.text.contains("+44 20 7946 0&lt;b&gt;"), "the typed number comes back, escaped")
        let foreign = try browser.post("/admin/orders/\(order.number)/messages", ["phone": "+44 20 7946 0000"])
        #expect(foreign.status == 422)
        #expect(foreign.text.contains("Use an Indonesian number starting with 08, 62 or +62."))
        #expect(try messages(order.number).count == 1)
        #expect(try browser.post("/admin/orders/\(order.number)/messages", ["phone": "081299990003"], withCSRF: false).status == 403)
        #expect(try messages(order.number).count == 1)
    }

    @Test func anOrderWithoutCodesOffersNoSendAgainAndRefusesOne() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID, status: "pending")
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/orders/\(order.number)")
        #expect(!page.text.contains("/messages\""))
        #expect(try browser.post("/admin/orders/\(order.number)/messages", ["phone": "081299990003"]).status == 409)
        #expect(try messages(order.number).isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)

        let other = try AdminFixtures.tenantWithAdmin()
        let otherBrowser = try AdminFixtures.signedIn(other)
        try otherBrowser.get("/admin/orders")
        #expect(try otherBrowser.post("/admin/orders/\(order.number)/messages", ["phone": "081299990003"]).status == 404)
    }

    @Test func anotherTenantsOrderIsNotFoundByItsNumberInTheURLNorInTheSearch() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let theirProfile = try F.profile(tenantID: other.tenantID)
        let theirs = try F.order(tenantID: other.tenantID, profileID: theirProfile, phone: "+6281377770001").number
        let browser = try AdminFixtures.signedIn(admin)
        #expect(try browser.get("/admin/orders/\(theirs)").status == 404)
        for query in [theirs, "081377770001"] {
            let page = try browser.get("/admin/orders?q=\(query)&tenant_id=\(other.tenantID.uuidString)")
            #expect(page.status == 200)
            #expect(!page.text.contains("/admin/orders/\(theirs)"))
            #expect(F.rowCount(in: page.text) == 0)
        }
    }

    @Test func theOrderPagesNeedATenantAdminSession() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID).number
        let stranger = PortalBrowser(host: admin.host)
        for path in ["/admin/orders", "/admin/orders/\(order)"] {
            let response = try stranger.get(path)
            #expect(response.status == 303)
            #expect(response.headers["Location"] == "/admin/login")
        }
    }

    @Test func theAdminNavigationLinksTheSalesPagesInTheVisitorsLanguage() throws {
        let browser = try AdminFixtures.signedIn(admin)
        let english = try browser.get("/admin/orders")
        #expect(english.text.contains(#"<a href="/admin/orders" aria-current="page">Orders</a>"#))
        #expect(english.text.contains(#"<a href="/admin/payments">Payment gateway</a>"#))
        let indonesian = try browser.get("/admin/orders?lang=id")
        #expect(indonesian.text.contains(#"<a href="/admin/orders" aria-current="page">Pesanan</a>"#))
        #expect(indonesian.text.contains(#"<a href="/admin/invoices">Tagihan</a>"#))
    }
}
