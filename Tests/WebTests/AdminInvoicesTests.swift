import Foundation
import TestSupport
import Testing

/// `/admin/invoices` and `/admin/invoices/{number}`: the tenant admin's paged, searchable list of its
/// own invoices and one invoice's detail with its payments.
@Suite struct AdminInvoicesTests {
    typealias F = AdminSalesFixtures
    let admin: AdminFixtures.Admin
    let subscriber: PortalFixtures.Subscriber

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
        subscriber = try PortalFixtures.subscriber(tenantID: admin.tenantID, name: "Rina Subscriber")
    }

    /// Sets the subscriber's phone, as the portal would have it (normalised).
    func setPhone(_ phone: String, of subscriber: PortalFixtures.Subscriber) throws {
        try TestDatabase.owner.query("update subscribers set phone = $2 where id = $1", subscriber.id, phone)
    }

    /// An invoice of `subscriber` for a month `monthsAgo` before 2026-12, created that long ago.
    @discardableResult
    func invoice(
        _ subscriber: PortalFixtures.Subscriber, monthsAgo: Int, dueInDays: Int = 10, paid: Bool = false
    ) throws -> PortalFixtures.Invoice {
        let month = 12 - monthsAgo % 12
        let year = 2026 - monthsAgo / 12
        let created = try PortalFixtures.invoice(
            for: subscriber, period: String(format: "%04d-%02d", year, month), dueInDays: dueInDays, paid: paid)
        try TestDatabase.owner.query(
            "update invoices set created_at = now() - make_interval(days => $2::integer) where id = $1",
            created.id, monthsAgo * 30)
        return created
    }

    @Test func theListShowsTwentyFiveInvoicesAPageNewestFirstAndItsPageLinksKeepTheSearch() throws {
        var invoices: [PortalFixtures.Invoice] = []
        for monthsAgo in 0..<26 { invoices.append(try invoice(subscriber, monthsAgo: monthsAgo)) }
        let browser = try AdminFixtures.signedIn(admin)
        let first = try browser.get("/admin/invoices?q=\(subscriber.customerNumber)&status=unpaid")
        #expect(first.status == 200)
        #expect(F.rowCount(in: first.text) == 25)
        let newest = try #require(F.position(of: invoices[0].number, in: first.text))
        let older = try #require(F.position(of: invoices[24].number, in: first.text))
        #expect(newest < older)
        #expect(!first.text.contains(invoices[25].number))
        let next = try #require(F.link(rel: "next", in: first.text))
        #expect(next == "/admin/invoices?q=\(subscriber.customerNumber)&status=unpaid&page=2")
        let second = try browser.get(next)
        #expect(F.rowCount(in: second.text) == 1)
        #expect(second.text.contains(invoices[25].number))
    }

    @Test func theStatusFilterTellsUnpaidOverduePaidAndVoidApart() throws {
        let open = try invoice(subscriber, monthsAgo: 0, dueInDays: 10)
        let overdue = try invoice(subscriber, monthsAgo: 1, dueInDays: -3)
        let paid = try invoice(subscriber, monthsAgo: 2, paid: true)
        let void = try invoice(subscriber, monthsAgo: 3)
        try TestDatabase.owner.query("update invoices set status = 'void' where id = $1", void.id)
        let browser = try AdminFixtures.signedIn(admin)
        let expected: [(String, [PortalFixtures.Invoice])] = [
            ("unpaid", [open, overdue]), ("overdue", [overdue]), ("paid", [paid]), ("void", [void]),
            ("", [open, overdue, paid, void]),
        ]
        for (status, shown) in expected {
            let page = try browser.get("/admin/invoices?status=\(status)")
            #expect(page.status == 200)
            for invoice in [open, overdue, paid, void] {
                let listed = page.text.contains(invoice.number)
                #expect(listed == shown.contains { $0.number == invoice.number }, "\(status): \(invoice.number)")
            }
        }
        #expect(try browser.get("/admin/invoices?status=open").status == 400)
    }

    @Test func searchFindsInvoicesByInvoiceNumberCustomerNumberOrPhone() throws {
        let other = try PortalFixtures.subscriber(tenantID: admin.tenantID)
        try setPhone("+6281255550001", of: subscriber)
        try setPhone("+6281255550002", of: other)
        let mine = try invoice(subscriber, monthsAgo: 0)
        let theirs = try invoice(other, monthsAgo: 0)
        let browser = try AdminFixtures.signedIn(admin)
        for query in [mine.number.lowercased(), subscriber.customerNumber, "0812-5555-0001"] {
            let page = try browser.get("/admin/invoices?q=" + PortalBrowser.encode(query))
            #expect(page.text.contains(mine.number), "\(query)")
            #expect(!page.text.contains(theirs.number), "\(query)")
        }
    }

    @Test func theDetailShowsTheCustomerAndEveryPaymentOfThatInvoice() throws {
        let paid = try invoice(subscriber, monthsAgo: 0, paid: true)
        try F.payment(tenantID: admin.tenantID, invoiceID: paid.id, amount: 150_000, reference: "mid-tx-8812")
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/invoices/\(paid.number)")
        #expect(page.status == 200)
        #expect(page.headers["Cache-Control"] == "no-store")
        for expected in ["Rina Subscriber", subscriber.customerNumber, "Rp 150.000", "Midtrans", "mid-tx-8812", "December 2026"] {
            #expect(page.text.contains(expected), "\(expected)")
        }
        let unpaid = try browser.get("/admin/invoices/\(try invoice(subscriber, monthsAgo: 1).number)")
        #expect(unpaid.text.contains("No payment has been recorded"))
    }

    @Test func anotherTenantsInvoiceIsNotFoundByItsNumberInTheURLNorInTheSearch() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let stranger = try PortalFixtures.subscriber(tenantID: other.tenantID)
        try setPhone("+6281366660001", of: stranger)
        let theirs = try invoice(stranger, monthsAgo: 0)
        let browser = try AdminFixtures.signedIn(admin)
        #expect(try browser.get("/admin/invoices/\(theirs.number)").status == 404)
        for query in [theirs.number, stranger.customerNumber, "081366660001"] {
            let page = try browser.get("/admin/invoices?q=" + PortalBrowser.encode(query))
            #expect(page.status == 200)
            #expect(!page.text.contains("/admin/invoices/\(theirs.number)"), "\(query)")
            #expect(F.rowCount(in: page.text) == 0, "\(query)")
        }
    }

    @Test func theInvoicePagesNeedATenantAdminSessionNotASubscribers() throws {
        let number = try invoice(subscriber, monthsAgo: 0).number
        let portal = PortalBrowser(host: admin.host)
        #expect(try portal.logIn(subscriber.customerNumber, subscriber.password).status == 303)
        for path in ["/admin/invoices", "/admin/invoices/\(number)"] {
            let response = try portal.get(path)
            #expect(response.status == 303)
            #expect(response.headers["Location"] == "/admin/login")
        }
    }
}
