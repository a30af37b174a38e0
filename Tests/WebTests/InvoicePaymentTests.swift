import Foundation
import TestSupport
import Testing

/// Paying an invoice through the one payment path, end to end against a real server and database:
/// pay link or portal → checkout → the sandbox gateway's page → its signed webhook over HTTP → paid.
@Suite struct InvoicePaymentTests {
    let shop: InvoiceShop
    let subscriber: PortalFixtures.Subscriber

    init() throws {
        shop = try InvoiceShop.open()
        subscriber = try shop.subscriber()
    }

    private func signedIn() throws -> PortalBrowser {
        let browser = PortalBrowser(host: shop.host)
        #expect(try browser.logIn(subscriber.customerNumber, subscriber.password).status == 303)
        return browser
    }

    /// Presses Pay on the sandbox's page the checkout sent the browser to; returns the page's answer.
    private func paySandbox(_ browser: PortalBrowser, _ invoice: BilledInvoice, from location: String?) throws
        -> TestHTTPResponse
    {
        #expect(location == "/sandbox/checkout/\(invoice.reference)")
        let page = try browser.get("/sandbox/checkout/\(invoice.reference)")
        #expect(page.status == 200)
        #expect(page.text.contains(invoice.number))
        #expect(page.text.contains("Rp 150.000"))
        return try browser.post("/sandbox/checkout/\(invoice.reference)", ["outcome": "pay"])
    }

    @Test func payingByLinkGoesThroughTheSandboxWebhookAndTheLinkThenShowsTheReceipt() throws {
        let invoice = try shop.invoice(for: subscriber)
        let browser = PortalBrowser(host: shop.host)
        #expect(try browser.get("/pay/\(invoice.token)").status == 200)
        let pay = try browser.post("/pay/\(invoice.token)")
        #expect(pay.status == 303, "\(pay.text)")
        #expect(try invoice.row().decode("gateway_id", as: UUID?.self) == shop.gatewayID)

        let paid = try paySandbox(browser, invoice, from: pay.headers["Location"])
        #expect(paid.status == 303)
        #expect(paid.headers["Location"] == "/payments/return?invoice=\(invoice.reference)")
        #expect(try invoice.status() == "paid")
        #expect(try invoice.paymentCount() == 1)
        #expect(try invoice.eventOutcomes() == ["processed"])

        let back = try browser.get(paid.headers["Location"] ?? "")
        #expect(back.status == 303)
        #expect(back.headers["Location"] == "/pay/\(invoice.token)")
        let receipt = try browser.get("/pay/\(invoice.token)")
        #expect(receipt.text.contains("Payment receipt"))
        #expect(!receipt.text.contains(#"action="/pay/"#))
        // Paying again leads to the receipt and opens nothing.
        let again = try browser.post("/pay/\(invoice.token)")
        #expect(again.status == 303)
        #expect(again.headers["Location"] == "/pay/\(invoice.token)")
        #expect(try invoice.paymentCount() == 1)
    }

    @Test func payingFromThePortalGoesThroughTheSandboxAndListsThePaymentWithItsReceipt() throws {
        let invoice = try shop.invoice(for: subscriber, dueInDays: -4)
        let browser = try signedIn()
        try browser.get("/portal/invoices/\(invoice.number)")
        let pay = try browser.post("/portal/invoices/\(invoice.number)/pay")
        #expect(pay.status == 303, "\(pay.text)")
        let paid = try paySandbox(browser, invoice, from: pay.headers["Location"])
        #expect(paid.status == 303)
        #expect(try invoice.status() == "paid")

        let back = try browser.get(paid.headers["Location"] ?? "")
        #expect(back.headers["Location"] == "/portal/invoices/\(invoice.number)")
        let payments = try browser.get("/portal/payments")
        #expect(payments.text.contains(invoice.number))
        #expect(payments.text.contains("/portal/receipts/\(invoice.number)"))
        let receipt = try browser.get("/portal/receipts/\(invoice.number)")
        #expect(receipt.status == 200)
        #expect(receipt.text.contains("Payment receipt"))
        let again = try browser.post("/portal/invoices/\(invoice.number)/pay")
        #expect(again.headers["Location"] == "/portal/receipts/\(invoice.number)")
    }

    @Test func aSecondPressReusesTheOpenCheckout() throws {
        let invoice = try shop.invoice(for: subscriber)
        let browser = try signedIn()
        try browser.get("/portal")
        let first = try browser.post("/portal/invoices/\(invoice.number)/pay")
        let gatewayReference = try TestDatabase.owner.query("select gateway_reference from invoices where id = $1", invoice.id)
            .first!.decode("gateway_reference", as: String?.self)
        let second = try browser.post("/portal/invoices/\(invoice.number)/pay")
        #expect(first.headers["Location"] == second.headers["Location"])
        #expect(
            try TestDatabase.owner.query("select gateway_reference from invoices where id = $1", invoice.id)
                .first!.decode("gateway_reference", as: String?.self) == gatewayReference)
    }

    @Test func everyPaymentPostWithoutAValidCSRFTokenIs403AndChangesNothing() throws {
        let invoice = try shop.invoice(for: subscriber)
        let portal = try signedIn()
        try portal.get("/portal")
        #expect(try portal.post("/portal/invoices/\(invoice.number)/pay", withCSRF: false).status == 403)
        #expect(try portal.post("/portal/invoices/\(invoice.number)/pay", ["_csrf": PortalFixtures.hexToken()]).status == 403)
        let link = PortalBrowser(host: shop.host)
        try link.get("/pay/\(invoice.token)")
        #expect(try link.post("/pay/\(invoice.token)", withCSRF: false).status == 403)
        #expect(try PortalBrowser(host: shop.host).post("/pay/\(invoice.token)", ["_csrf": PortalFixtures.hexToken()]).status == 403)
        #expect(try invoice.row().decode("gateway_id", as: UUID?.self) == nil, "no checkout was opened")

        #expect(try link.post("/pay/\(invoice.token)").status == 303)
        let stranger = PortalBrowser(host: shop.host)
        #expect(try stranger.post("/sandbox/checkout/\(invoice.reference)", ["outcome": "pay"], withCSRF: false).status == 403)
        #expect(try link.post("/sandbox/checkout/\(invoice.reference)", ["outcome": "pay"], withCSRF: false).status == 403)
        #expect(try invoice.status() == "unpaid")
        #expect(try invoice.paymentCount() == 0)
        #expect(try invoice.eventOutcomes().isEmpty)
    }

    @Test func aGatewayThatCannotOpenACheckoutShowsTheRetryPageAndLeavesTheInvoiceUntouched() throws {
        let broken = try InvoiceShop.open(secret: nil)
        let who = try broken.subscriber()
        let invoice = try broken.invoice(for: who)
        let browser = PortalBrowser(host: broken.host)
        try browser.get("/pay/\(invoice.token)")
        let pay = try browser.post("/pay/\(invoice.token)")
        #expect(pay.status == 503)
        #expect(pay.headers["Retry-After"] != nil)
        #expect(pay.text.contains(invoice.number))
        #expect(pay.text.contains(#"action="/pay/\#(invoice.token)""#), "the retry posts the same form again")
        let row = try invoice.row()
        #expect(try row.decode("status", as: String.self) == "unpaid")
        #expect(row.decode("gateway_id", as: UUID?.self) == nil)
        #expect(row.decode("checkout_url", as: String?.self) == nil)
    }

    @Test func aVoidInvoiceCannotBePaid() throws {
        let invoice = try shop.invoice(for: subscriber)
        try TestDatabase.owner.query("update invoices set status = 'void' where id = $1", invoice.id)
        let browser = try signedIn()
        try browser.get("/portal")
        #expect(try browser.post("/portal/invoices/\(invoice.number)/pay").status == 404)
        #expect(try PortalBrowser(host: shop.host).get("/sandbox/checkout/\(invoice.reference)").status == 404)
        #expect(try invoice.row().decode("gateway_id", as: UUID?.self) == nil)
    }

    @Test func theReturnFromTheGatewayMarksNothingPaidAndShowsNothingToAStranger() throws {
        let invoice = try shop.invoice(for: subscriber, opened: true)
        let stranger = PortalBrowser(host: shop.host)
        let page = try stranger.get("/payments/return?invoice=\(invoice.reference)&status=paid&transaction_status=settlement")
        #expect(page.status == 200)
        #expect(!page.text.contains(invoice.number))
        #expect(!page.text.contains(invoice.token))
        #expect(try invoice.status() == "unpaid")
        #expect(try stranger.get("/payments/return?invoice=IV\(RandomCode.make(12))").status == 404)
        let other = try InvoiceShop.open()
        #expect(try PortalBrowser(host: other.host).get("/payments/return?invoice=\(invoice.reference)").status == 404)
        // Another subscriber's session is no way in either.
        let neighbour = try shop.subscriber()
        let theirs = PortalBrowser(host: shop.host)
        try theirs.logIn(neighbour.customerNumber, neighbour.password)
        let theirPage = try theirs.get("/payments/return?invoice=\(invoice.reference)")
        #expect(theirPage.status == 200)
        #expect(!theirPage.text.contains(invoice.number))
    }
}
