import Foundation
import TestSupport
import Testing

/// The whole purchase over HTTP with the sandbox gateway: catalogue → form → 303 → sandbox Pay →
/// signed webhook to the central endpoint → the status page shows the codes.
@Suite struct PurchaseTests {
    @Test func buyerPaysInTheSandboxAndSeesTheirCodes() throws {
        let shop = try Shop.open()
        try TestDatabase.owner.query(
            "update tenant_branding set hotspot_login_url = 'http://login.shop.test/login' where tenant_id = $1", shop.tenantID)
        let profileID = try shop.addProfile(name: "Purchase day", price: 5_000)
        let browser = Browser(host: shop.host)
        browser.setCookie("lang", "en")

        let home = try browser.get("/")
        #expect(home.text.contains("/vouchers/\(profileID.uuidString.lowercased())"))
        let placed = try OrderAttempt.start(browser, profileID: profileID).submit(quantity: "2")
        #expect(placed.status == 303)
        let number = try #require(placed.orderNumber)

        let checkout = try browser.get(placed.location)
        #expect(checkout.status == 200)
        let csrf = try #require(Browser.hiddenValue("_csrf", in: checkout.text))
        let paid = try browser.post("/sandbox/checkout/\(number)", [("_csrf", csrf), ("outcome", "pay")])
        #expect(paid.status == 303)
        let token = try #require(browser.cookies["order_\(number)"])
        #expect(paid.location == "/orders/\(number)?t=\(token)")

        let status = try browser.get(paid.location)
        #expect(status.status == 200)
        #expect(status.text.contains("Payment received"))
        let codes = try TestDatabase.owner.query(
            "select code from vouchers where tenant_id = $1 order by created_at, code", shop.tenantID
        ).map { try $0.decode("code", as: String.self) }
        #expect(codes.count == 2)
        for code in codes { #expect(status.text.contains("<code>\(code)</code>")) }
        #expect(status.text.contains("href=\"http://login.shop.test/login\""))
        #expect(!status.text.contains("http-equiv=\"refresh\""))
        #expect(try shop.orderRow(number: number).decode("status", as: String.self) == "paid")

        // Paid: the sandbox page is gone, and a second submit of the form leads to the codes.
        #expect(try browser.get("/sandbox/checkout/\(number)").status == 404)
    }

    @Test func failingInTheSandboxOffersToOrderAgain() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Failing day")
        let browser = Browser(host: shop.host)
        browser.setCookie("lang", "en")
        let placed = try OrderAttempt.start(browser, profileID: profileID).submit()
        let number = try #require(placed.orderNumber)
        let csrf = try #require(Browser.hiddenValue("_csrf", in: try browser.get(placed.location).text))
        let failed = try browser.post("/sandbox/checkout/\(number)", [("_csrf", csrf), ("outcome", "fail")])
        #expect(failed.status == 303)
        let page = try browser.get(failed.location)
        #expect(page.text.contains("Payment failed"))
        #expect(page.text.contains("Order again"))
        #expect(try shop.orderRow(number: number).decode("status", as: String.self) == "failed")
    }

    @Test func sandboxPaymentWithoutTheOrderCookieSaysThePaymentWasSent() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Cookieless day")
        let browser = Browser(host: shop.host)
        browser.setCookie("lang", "en")
        let placed = try OrderAttempt.start(browser, profileID: profileID).submit()
        let number = try #require(placed.orderNumber)
        browser.forget("order_\(number)")
        let csrf = try #require(Browser.hiddenValue("_csrf", in: try browser.get(placed.location).text))
        let paid = try browser.post("/sandbox/checkout/\(number)", [("_csrf", csrf), ("outcome", "pay")])
        #expect(paid.status == 303)
        #expect(paid.location == "/sandbox/sent")
        #expect(try browser.get(paid.location).text.contains("Payment sent"))
        #expect(try shop.orderRow(number: number).decode("status", as: String.self) == "paid")
    }
}
