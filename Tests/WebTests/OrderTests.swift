import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

/// `POST /orders`, the order status page and the gateway's return link.
@Suite struct OrderTests {
    let shop: Shop
    let profileID: UUID

    init() throws {
        shop = try Shop.open()
        profileID = try shop.addProfile(name: "Order pass", price: 5_000)
    }

    private func browser() -> Browser {
        let browser = Browser(host: shop.host)
        browser.setCookie("lang", "en")
        return browser
    }

    @Test func orderIsCommittedPendingWithAHashedTokenAndSentToTheSandboxCheckout() throws {
        let browser = browser()
        let response = try OrderAttempt.start(browser, profileID: profileID).submit(quantity: "3")
        #expect(response.status == 303)
        #expect(response.location.hasPrefix("/sandbox/checkout/EV"))
        let number = try #require(response.orderNumber)
        let token = try #require(browser.cookies["order_\(number)"])
        #expect(response.headers.values("Set-Cookie").contains { $0.hasPrefix("order_\(number)=") && $0.contains("HttpOnly") })

        let row = try shop.orderRow(number: number)
        #expect(try row.decode("status", as: String.self) == "pending")
        #expect(try row.decode("amount", as: Int64.self) == 15_000)
        #expect(try row.decode("quantity", as: Int.self) == 3)
        #expect(try row.decode("gateway_provider", as: String.self) == "sandbox")
        #expect(try row.decode("gateway_id", as: UUID.self) == shop.gatewayID)
        #expect(try row.decode("gateway_reference", as: String.self).hasPrefix("sbx_"))
        #expect(try row.decode("checkout_url", as: String.self) == "/sandbox/checkout/\(number)")
        #expect(try row.decode("lifetime", as: Int.self) == 3600)
        let hash = try row.decode("access_token_hash", as: String.self)
        #expect(hash != token)
        let expected = try TestDatabase.owner.query("select encode(sha256(convert_to($1, 'UTF8')), 'hex') as h", token)
            .first!.decode("h", as: String.self)
        #expect(hash == expected)
    }

    @Test func submittingTheSameFormTwiceMakesOneOrder() throws {
        let browser = browser()
        let attempt = try OrderAttempt.start(browser, profileID: profileID)
        let first = try attempt.submit()
        let second = try attempt.submit()
        #expect(first.status == 303 && second.status == 303)
        #expect(first.location == second.location)
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 1)
    }

    @Test func concurrentSubmitsOfTheSameFormMakeOneOrderAndOneCheckout() throws {
        let attempt = try OrderAttempt.start(browser(), profileID: profileID)
        let body = Browser.encode(attempt.fields())
        let headers = [
            ("Cookie", "csrf=\(attempt.csrf)"), ("Content-Type", "application/x-www-form-urlencoded"),
        ]
        let locations = Mutex<[String]>([])
        let host = shop.host
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let response = try? SharedServer.application.request(
                method: "POST", path: "/orders", host: host, headers: headers, body: Array(body.utf8))
            locations.withLock { $0.append(response.map { "\($0.status) \($0.location)" } ?? "failed") }
        }
        let answers = locations.withLock { $0 }
        #expect(Set(answers).count == 1, "answers: \(answers)")
        #expect(answers.first?.hasPrefix("303 /sandbox/checkout/EV") == true)
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 1)
    }

    @Test func statusPageNeedsTheRightTokenOnTheRightHost() throws {
        let browser = browser()
        let number = try #require(try OrderAttempt.start(browser, profileID: profileID).submit().orderNumber)
        let token = try #require(browser.cookies["order_\(number)"])
        let page = try browser.get("/orders/\(number)?t=\(token)")
        #expect(page.status == 200)
        #expect(page.text.contains("Waiting for your payment"))
        #expect(page.text.contains("http-equiv=\"refresh\" content=\"5; url=/orders/\(number)?t=\(token)\""))
        #expect(page.text.contains("href=\"/sandbox/checkout/\(number)\""))
        #expect(page.headers["Cache-Control"] == "no-store")

        let wrong = String(token.reversed())
        for path in ["/orders/\(number)", "/orders/\(number)?t=", "/orders/\(number)?t=\(wrong)", "/orders/\(number)?t=%27%20or%201%3D1--"]
        {
            #expect(try browser.get(path).status == 404, "\(path)")
        }
        let otherShop = try Shop.open()
        let elsewhere = try SharedServer.application.request(path: "/orders/\(number)?t=\(token)", host: otherShop.host)
        #expect(elsewhere.status == 404)
    }

    @Test func switchingLanguageOnTheOrderPageKeepsItsToken() throws {
        let browser = browser()
        let number = try #require(try OrderAttempt.start(browser, profileID: profileID).submit().orderNumber)
        let token = try #require(browser.cookies["order_\(number)"])
        let page = try browser.get("/orders/\(number)?lang=en&t=\(token)")
        #expect(page.text.contains("href=\"/orders/\(number)?t=\(token)&amp;lang=id\""))
        let switched = try browser.get("/orders/\(number)?t=\(token)&lang=id")
        #expect(switched.status == 200)
        #expect(switched.text.contains(#"<html lang="id">"#))
        #expect(switched.text.contains("href=\"/orders/\(number)?t=\(token)&amp;lang=en\""))
    }

    @Test func returnLinkLeadsToTheStatusPageAndNeverMarksPaid() throws {
        let browser = browser()
        let number = try #require(try OrderAttempt.start(browser, profileID: profileID).submit().orderNumber)
        let token = try #require(browser.cookies["order_\(number)"])
        let back = try browser.get(
            "/payments/return?order=\(number)&t=\(token)&order_id=\(number)&status_code=200&transaction_status=settlement")
        #expect(back.status == 303)
        #expect(back.location == "/orders/\(number)?t=\(token)")
        #expect(try shop.orderRow(number: number).decode("status", as: String.self) == "pending")
        #expect(try browser.get(back.location).text.contains("Waiting for your payment"))

        #expect(try browser.get("/payments/return?order=\(number)&t=\(String(token.reversed()))").status == 404)
        #expect(try browser.get("/payments/return?order=\(number)").status == 404)
        #expect(try browser.get("/payments/return").status == 404)
    }

    @Test func pendingOrderPastItsDeadlineShowsAsExpiredWithAFormToOrderAgain() throws {
        let browser = browser()
        let number = try #require(try OrderAttempt.start(browser, profileID: profileID).submit(quantity: "2").orderNumber)
        let token = try #require(browser.cookies["order_\(number)"])
        try TestDatabase.owner.query(
            "update voucher_orders set expires_at = now() - interval '1 minute' where order_number = $1", number)
        let page = try browser.get("/orders/\(number)?t=\(token)")
        #expect(page.status == 200)
        #expect(page.text.contains("Payment time is over"))
        #expect(!page.text.contains("http-equiv=\"refresh\""))
        #expect(page.text.contains("value=\"+6281234567890\""))
        #expect(page.text.contains("<option value=\"2\" selected>"))
        let newKey = try #require(Browser.hiddenValue("idempotency_key", in: page.text))
        let again = try browser.post(
            "/orders",
            [
                ("_csrf", browser.cookies["csrf"]!), ("idempotency_key", newKey), ("profile_id", profileID.uuidString.lowercased()),
                ("phone", "+6281234567890"), ("quantity", "2"), ("terms", "on"),
            ])
        #expect(again.status == 303)
        #expect(again.orderNumber != nil && again.orderNumber != number)
    }

    @Test func sandboxCheckoutPageIsOnlyForPendingSandboxOrdersOfThisTenant() throws {
        let browser = browser()
        let number = try #require(try OrderAttempt.start(browser, profileID: profileID).submit().orderNumber)
        let page = try browser.get("/sandbox/checkout/\(number)")
        #expect(page.status == 200)
        #expect(page.text.contains("Sandbox — no real money"))
        #expect(page.text.contains("Rp 5.000"))
        #expect(page.text.contains("value=\"pay\"") && page.text.contains("value=\"fail\""))

        let otherShop = try Shop.open()
        #expect(
            try SharedServer.application.request(path: "/sandbox/checkout/\(number)", host: otherShop.host).status == 404)
        #expect(try browser.get("/sandbox/checkout/EVAAAAAAAAAAAA").status == 404)
        let forged = try browser.post("/sandbox/checkout/\(number)", [("_csrf", String(repeating: "b", count: 64)), ("outcome", "pay")])
        #expect(forged.status == 403)
        #expect(try shop.orderRow(number: number).decode("status", as: String.self) == "pending")
    }
}
