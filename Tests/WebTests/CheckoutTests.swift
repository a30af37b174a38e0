import Foundation
import TestSupport
import Testing

/// The gateway is down or slow: a friendly page, the order kept pending, and a retry reuses it.
/// The application talks to a fake Midtrans with a 1 s gateway timeout.
@Suite(.serialized) struct CheckoutTests {
    let midtrans: FakeMidtransGateway
    let server: InProcessServer
    let shop: Shop
    let profileID: UUID

    init() throws {
        midtrans = try FakeMidtransGateway()
        server = try InProcessServer(environment: ["MIDTRANS_SNAP_URL": midtrans.baseURL, "GATEWAY_TIMEOUT_SECONDS": "1"])
        shop = try Shop.open()
        // The shop pays through its own Midtrans account instead of the sandbox.
        try TestDatabase.owner.query(
            """
            update payment_gateways set provider = 'midtrans', settings = jsonb_build_object('server_key', $2::text)
            where id = $1
            """, shop.gatewayID, midtrans.serverKey)
        profileID = try shop.addProfile(name: "Checkout pass", price: 10_000)
    }

    private func browser() -> Browser {
        let browser = Browser(server: server, host: shop.host)
        browser.setCookie("lang", "en")
        return browser
    }

    /// Posts the retry page's own form, as the buyer's browser would.
    private func retry(_ page: TestHTTPResponse, in browser: Browser) throws -> TestHTTPResponse {
        try browser.post("/orders", Browser.hiddenFields(in: page.text))
    }

    @Test func gatewayErrorShowsARetryPageKeepsTheOrderAndTheRetryReusesIt() throws {
        defer {
            server.stop()
            midtrans.stop()
        }
        midtrans.setBehaviour(.failing(status: 500))
        let browser = browser()
        let attempt = try OrderAttempt.start(browser, profileID: profileID)
        let failed = try attempt.submit(quantity: "2")
        #expect(failed.status == 502)
        #expect(failed.text.contains("The payment service did not answer"))
        let number = try #require(failed.text.range(of: #"EV[0-9A-Z]{12}"#, options: .regularExpression).map { String(failed.text[$0]) })
        #expect(failed.text.contains("Your order \(number) is kept"))
        #expect(failed.text.contains("Try again"))
        let row = try shop.orderRow(number: number)
        #expect(try row.decode("status", as: String.self) == "pending")
        #expect(row.decode("checkout_url", as: String?.self) == nil)
        // The new order was committed claimed for its checkout; the failure lifted the claim, so the
        // retry below asks the gateway at once instead of waiting for a submit that is gone.
        #expect(try row.decode("checkout_claimed", as: Bool.self) == false)

        midtrans.setBehaviour(.normal)
        let retried = try retry(failed, in: browser)
        #expect(retried.status == 303)
        #expect(retried.location.hasPrefix(midtrans.baseURL + "/snap/v2/vtweb/") || retried.location.contains("vtweb"))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 1)
        #expect(try shop.orderCount() == 1)
        let opened = try shop.orderRow(number: number)
        #expect(opened.decode("checkout_url", as: String?.self) == retried.location)
        #expect(try opened.decode("checkout_claimed", as: Bool.self) == false)
        let created = try #require(midtrans.requests.last?.json)
        let details = try #require(created["transaction_details"] as? [String: Any])
        #expect(details["order_id"] as? String == number)
        #expect((details["gross_amount"] as? NSNumber)?.int64Value == 20_000)
        let callbacks = try #require(created["callbacks"] as? [String: Any])
        let token = try #require(browser.cookies["order_\(number)"])
        #expect(callbacks["finish"] as? String == "http://\(shop.host)/payments/return?order=\(number)&t=\(token)")

        // Once the checkout exists, yet another submit of the same form goes straight back to it.
        let again = try attempt.submit(quantity: "2")
        #expect(again.status == 303 && again.location == retried.location)
    }

    @Test func slowGatewayTimesOutIntoTheRetryPage() throws {
        defer {
            server.stop()
            midtrans.stop()
        }
        midtrans.setBehaviour(.slow(.seconds(4)))
        let attempt = try OrderAttempt.start(browser(), profileID: profileID)
        let started = ContinuousClock.now
        let response = try attempt.submit()
        #expect(ContinuousClock.now - started < .seconds(3.5))
        #expect(response.status == 502)
        #expect(response.text.contains("The payment service did not answer"))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 1)
    }

    @Test func unreachableGatewayShowsTheRetryPage() throws {
        defer {
            server.stop()
            midtrans.stop()
        }
        let closed = try InProcessServer(environment: ["MIDTRANS_SNAP_URL": "http://127.0.0.1:9", "GATEWAY_TIMEOUT_SECONDS": "1"])
        defer { closed.stop() }
        let browser = Browser(server: closed, host: shop.host)
        let attempt = try OrderAttempt.start(browser, profileID: profileID)
        let response = try attempt.submit()
        #expect([502, 503].contains(response.status))
        #expect(response.text.contains("name=\"idempotency_key\" value=\"\(attempt.idempotencyKey)\""))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 1)
    }
}
