import Foundation
import TestSupport
import Testing

/// A saved checkout page belongs to the account that opened it: once the tenant's gateway account
/// changes (another account, or new keys on the same row), the next submit never lands on it again.
@Suite(.serialized) struct CheckoutAccountChangeTests {
    let midtrans: FakeMidtransGateway
    let xendit: FakeXenditGateway
    let server: InProcessServer
    let shop: Shop
    let profileID: UUID

    init() throws {
        midtrans = try FakeMidtransGateway()
        xendit = try FakeXenditGateway()
        server = try InProcessServer(environment: ["MIDTRANS_SNAP_URL": midtrans.baseURL, "XENDIT_API_URL": xendit.baseURL])
        shop = try Shop.open()
        try TestDatabase.owner.query(
            """
            update payment_gateways set provider = 'midtrans', settings = jsonb_build_object('server_key', $2::text)
            where id = $1
            """, shop.gatewayID, midtrans.serverKey)
        profileID = try shop.addProfile(name: "Reuse pass", price: 10_000)
    }

    private func stop() {
        server.stop()
        midtrans.stop()
        xendit.stop()
    }

    private func firstCheckout() throws -> (attempt: OrderAttempt, location: String) {
        let browser = Browser(server: server, host: shop.host)
        browser.setCookie("lang", "en")
        let attempt = try OrderAttempt.start(browser, profileID: profileID)
        let first = try attempt.submit()
        try #require(first.status == 303 && first.location.contains("/snap/v2/vtweb/"), "\(first.status) \(first.location)")
        #expect(try attempt.submit().location == first.location, "unchanged account: the page is reused")
        return (attempt, first.location)
    }

    @Test func switchingToAnotherAccountOpensAFreshCheckout() throws {
        defer { stop() }
        let (attempt, midtransPage) = try firstCheckout()
        // The admin's save: the Midtrans row deactivated, a Xendit row made the active one.
        try TestDatabase.owner.transaction { db in
            try db.query("update payment_gateways set is_active = false where id = $1", shop.gatewayID)
            try db.query(
                """
                insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
                values ($1, 'xendit', jsonb_build_object('secret_key', $2::text, 'callback_token', 'cb'), true, true)
                """, shop.tenantID, xendit.secretKey)
        }
        let again = try attempt.submit()
        #expect(again.status == 303)
        #expect(again.location != midtransPage)
        #expect(again.location.contains("checkout-staging.xendit.co"), "\(again.location)")
        #expect(try shop.orderCount() == 1)
    }

    @Test func newKeysOnTheSameAccountForgetThePageItOpened() throws {
        defer { stop() }
        let (attempt, midtransPage) = try firstCheckout()
        // New keys written whole: a server starting meanwhile (another suite's) may already have sealed the
        // row's plain settings, and a sealed row has none to add a key to.
        try TestDatabase.owner.query(
            """
            update payment_gateways
            set settings = jsonb_build_object('server_key', $2::text, 'client_key', 'SB-Mid-client-new'),
                settings_sealed = null
            where id = $1
            """, shop.gatewayID, midtrans.serverKey)
        let row = try TestDatabase.owner.query(
            "select checkout_url from voucher_orders where tenant_id = $1", shop.tenantID
        ).first
        #expect(row?.decode("checkout_url", as: String?.self) == nil)
        let again = try attempt.submit()
        #expect(again.location != midtransPage)
        // Midtrans takes each order id once per merchant, so the same merchant refuses a second page:
        // the buyer sees the retry page, never the page opened under the old keys.
        #expect([303, 502, 503].contains(again.status))
        #expect(midtrans.requests.filter { $0.path == "/snap/v1/transactions" }.count == 2)
    }
}
