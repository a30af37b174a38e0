import Foundation
import TestSupport
import Testing

/// The signed-in pages, pay by link, and who may open which invoice.
@Suite struct PortalPagesTests {
    let tenant: (id: UUID, host: String, name: String)
    let subscriber: PortalFixtures.Subscriber
    let unpaid: PortalFixtures.Invoice
    let overdue: PortalFixtures.Invoice
    let paid: PortalFixtures.Invoice

    init() throws {
        tenant = try PortalFixtures.tenant(address: "Jl. Receipt 7, Bandung")
        subscriber = try PortalFixtures.subscriber(tenantID: tenant.id, name: "Siti <Nur> & Co")
        paid = try PortalFixtures.invoice(for: subscriber, period: "2026-09", amount: 150_000, dueInDays: -50, paid: true)
        overdue = try PortalFixtures.invoice(for: subscriber, period: "2026-10", amount: 155_000, dueInDays: -5)
        unpaid = try PortalFixtures.invoice(for: subscriber, period: "2026-11", amount: 160_000, dueInDays: 12)
    }

    private func signedIn(_ who: PortalFixtures.Subscriber? = nil, host: String? = nil) throws -> PortalBrowser {
        let who = who ?? subscriber
        let browser = PortalBrowser(host: host ?? tenant.host)
        #expect(try browser.logIn(who.customerNumber, who.password).status == 303)
        return browser
    }

    @Test func overviewShowsTheSubscriberAndTheOverdueInvoiceFirstWithAPayButton() throws {
        let page = try signedIn().get("/portal")
        #expect(page.status == 200)
        #expect(page.text.contains("Siti &lt;Nur&gt; &amp; Co"))
        #expect(page.text.contains("Home 20 Mbps"))
        #expect(page.text.contains("Rp 155.000"), "the oldest unpaid invoice is next")
        #expect(page.text.contains("Overdue"))
        #expect(page.text.contains(#"action="/portal/invoices/\#(overdue.number)/pay""#))
        #expect(page.headers["Cache-Control"]?.contains("no-store") == true)
    }

    @Test func isolatedSubscriberSeesItPlainly() throws {
        let isolated = try PortalFixtures.subscriber(tenantID: tenant.id, status: "isolated")
        let page = try signedIn(isolated).get("/portal")
        #expect(page.text.contains("Isolated for non-payment"))
        #expect(page.text.contains("You have no unpaid invoices"))
    }

    @Test func invoicesListUnpaidFirstThenByPeriodNewestFirst() throws {
        let text = try signedIn().get("/portal/invoices").text
        let positions = [overdue, unpaid, paid].map { text.range(of: $0.number)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions[0]! < positions[1]! && positions[1]! < positions[2]!)
        // On a phone each row is a stack of labelled lines: every cell carries its column's name.
        #expect(text.contains(#"<table class="list stack">"#))
        #expect(text.contains(#"<td data-label="Amount">"#))
        #expect(text.contains(#"<td data-label="Status">"#))
    }

    @Test func theStylesheetStacksListTablesOnAPhone() throws {
        let css = try SharedServer.get("/assets/css/site.css", host: "localhost").text
        #expect(css.contains("@media (max-width: 640px) {\n  table.stack thead"))
        #expect(css.contains("table.stack td::before { content: attr(data-label);"))
    }

    @Test func invoiceDetailAndReceiptOfTheSubscribersOwnInvoice() throws {
        let browser = try signedIn()
        let detail = try browser.get("/portal/invoices/\(unpaid.number)")
        #expect(detail.status == 200)
        #expect(detail.text.contains("November 2026"))
        #expect(detail.text.contains("Rp 160.000"))
        // Paid through the sandbox gateway: the receipt names the payment's provider.
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount, status)
            select tenant_id, 'invoice', id, 'sandbox', 'sbx_' || invoice_number, amount, 'paid'
            from invoices where id = $1
            """, paid.id)
        let receipt = try browser.get("/portal/receipts/\(paid.number)")
        #expect(receipt.status == 200)
        #expect(receipt.text.contains("<dt>Receipt number</dt><dd><strong>R-\(paid.number)</strong></dd>"))
        #expect(receipt.text.contains("<dt>Method</dt><dd>Sandbox</dd>"))
        #expect(receipt.text.contains("save it as PDF from your browser"))
        #expect(receipt.text.contains("Payment receipt"))
        #expect(receipt.text.contains(tenant.name))
        #expect(receipt.text.contains("Jl. Receipt 7, Bandung"))
        #expect(receipt.text.contains("September 2026"))
        #expect(receipt.text.contains(subscriber.customerNumber))
        #expect(receipt.text.contains(" WIB"), "paid-at in the tenant's zone")
        #expect(try browser.get("/portal/receipts/\(unpaid.number)").status == 404, "no receipt before payment")
    }

    @Test func anotherSubscribersInvoiceIsNotFoundInTheSameTenantOrAnother() throws {
        let neighbour = try PortalFixtures.subscriber(tenantID: tenant.id)
        let theirs = try PortalFixtures.invoice(for: neighbour, period: "2026-11", paid: true)
        let otherTenant = try PortalFixtures.tenant()
        let stranger = try PortalFixtures.subscriber(tenantID: otherTenant.id)
        let foreign = try PortalFixtures.invoice(for: stranger, period: "2026-11", paid: true)

        let browser = try signedIn()
        try browser.get("/portal")
        for number in [theirs.number, foreign.number] {
            #expect(try browser.get("/portal/invoices/\(number)").status == 404)
            #expect(try browser.get("/portal/receipts/\(number)").status == 404)
            #expect(try browser.post("/portal/invoices/\(number)/pay").status == 404)
        }
        #expect(try browser.get("/portal/invoices/x'%3B%20drop%20table%20invoices%3B--").status == 404)
        #expect(try PortalFixtures.invoiceStatus(unpaid) == "unpaid")
        // And the other way round: the stranger on their own host cannot open ours.
        let away = try signedIn(stranger, host: otherTenant.host)
        #expect(try away.get("/portal/invoices/\(unpaid.number)").status == 404)
        #expect(try away.get("/portal/receipts/\(paid.number)").status == 404)
    }

    @Test func payingFromThePortalNeedsTheSessionsCSRFToken() throws {
        let browser = try signedIn()
        try browser.get("/portal")
        #expect(try browser.post("/portal/invoices/\(unpaid.number)/pay", withCSRF: false).status == 403)
        #expect(
            try browser.post("/portal/invoices/\(unpaid.number)/pay", ["_csrf": PortalFixtures.hexToken()]).status == 403)
        #expect(try PortalFixtures.invoiceStatus(unpaid) == "unpaid")
    }

    @Test func paymentsPageListsInvoicePaymentsOfThisSubscriberOnly() throws {
        let browser = try signedIn()
        #expect(try browser.get("/portal/payments").text.contains("No payments yet."))
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount, status)
            values ($1, 'invoice', $2, 'sandbox', 'sbx_test', 150000, 'paid')
            """, tenant.id, paid.id)
        let neighbour = try PortalFixtures.subscriber(tenantID: tenant.id)
        let theirs = try PortalFixtures.invoice(for: neighbour, period: "2026-08", paid: true)
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status)
            values ($1, 'invoice', $2, 'sandbox', 150000, 'paid')
            """, tenant.id, theirs.id)
        let page = try browser.get("/portal/payments")
        #expect(page.text.contains(paid.number))
        #expect(page.text.contains("/portal/receipts/\(paid.number)"))
        #expect(!page.text.contains(theirs.number))
    }

    @Test func payLinkShowsTheInvoiceInTheTenantsBrandingWithoutLogin() throws {
        let browser = PortalBrowser(host: tenant.host)
        let page = try browser.get("/pay/\(unpaid.token)")
        #expect(page.status == 200)
        #expect(page.text.contains(tenant.name))
        #expect(page.text.contains("November 2026"))
        #expect(page.text.contains("Rp 160.000"))
        #expect(page.text.contains(#"action="/pay/\#(unpaid.token)""#))
        #expect(browser.cookies["csrf"] != nil)
        #expect(browser.cookies["sid"] == nil)
    }

    @Test func payLinkOfAPaidInvoiceShowsItsReceipt() throws {
        let page = try PortalBrowser(host: tenant.host).get("/pay/\(paid.token)")
        #expect(page.status == 200)
        #expect(page.text.contains("Payment receipt"))
        #expect(!page.text.contains(#"action="/pay/"#))
    }

    @Test func payLinkOfAnotherTenantOrAnUnknownTokenIsNotFound() throws {
        let other = try PortalFixtures.tenant()
        #expect(try PortalBrowser(host: other.host).get("/pay/\(unpaid.token)").status == 404)
        #expect(try PortalBrowser(host: tenant.host).get("/pay/\(PortalFixtures.hexToken())").status == 404)
        #expect(try PortalBrowser(host: tenant.host).get("/pay/not-a-token").status == 404)
        #expect(try PortalBrowser(host: tenant.host).get("/pay/\(unpaid.token.uppercased())").status == 404)
    }

    @Test func payingByLinkNeedsTheCSRFToken() throws {
        let browser = PortalBrowser(host: tenant.host)
        try browser.get("/pay/\(unpaid.token)")
        #expect(try browser.post("/pay/\(unpaid.token)", withCSRF: false).status == 403)
        let stranger = PortalBrowser(host: tenant.host)
        #expect(try stranger.post("/pay/\(unpaid.token)", ["_csrf": PortalFixtures.hexToken()]).status == 403)
        let other = try PortalFixtures.tenant()
        let elsewhere = PortalBrowser(host: other.host)
        try elsewhere.get("/portal/login")
        #expect(try elsewhere.post("/pay/\(unpaid.token)").status == 404)
        #expect(try PortalFixtures.invoiceStatus(unpaid) == "unpaid")
    }
}
