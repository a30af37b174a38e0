import Foundation
import TestSupport
import Testing

/// The sandbox gateway pays without money: on a server without `SANDBOX_GATEWAY=true` nobody can choose
/// it, its pages and webhook do not exist, and an order opened under it cannot be paid through it.
@Suite struct SandboxSwitchTests {
    typealias F = StoreFixtures

    /// A production-like server: the variable is left at its default (off).
    static let server = try! InProcessServer(environment: ["SANDBOX_GATEWAY": "false", "TRUSTED_PROXIES": "127.0.0.1"])

    @Test func tenantAdminIsNotOfferedTheSandboxAndCannotSaveIt() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin, server: Self.server)
        let page = try browser.get("/admin/payments")
        #expect(page.status == 200)
        #expect(page.text.contains(#"<option value="midtrans""#))
        #expect(!page.text.contains(#"<option value="sandbox">Sandbox</option>"#))
        let refused = try browser.post(
            "/admin/payments",
            ["use_own_gateway": "on", "provider": "sandbox", "environment": "sandbox", "secret_key": "free-money"])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Choose one of the gateways listed."))
        let saved = try TestDatabase.owner.query(
            "select count(*) as n from payment_gateways where tenant_id = $1", admin.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(saved == 0)
    }

    @Test func headOfficeIsNotOfferedTheSandboxAndCannotSaveIt() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn(server: Self.server)
        let page = try browser.get("/head-office/gateways")
        #expect(page.status == 200)
        #expect(page.text.contains("/head-office/gateways/midtrans"))
        #expect(!page.text.contains("/head-office/gateways/sandbox"))
        let before = try TestDatabase.owner.query(
            "select coalesce(max(updated_at)::text, '') as t from payment_gateways where tenant_id is null and provider = 'sandbox'"
        ).first!.decode("t", as: String.self)
        let refused = try browser.post("/head-office/gateways/sandbox", ["key_secret": "free-money", "is_active": "on"])
        #expect(refused.status == 422)
        let after = try TestDatabase.owner.query(
            "select coalesce(max(updated_at)::text, '') as t from payment_gateways where tenant_id is null and provider = 'sandbox'"
        ).first!.decode("t", as: String.self)
        #expect(after == before)
    }

    @Test func aSandboxOrderCannotBePaidThroughItsPageOrItsWebhook() throws {
        // Signed with the account's own secret, exactly as the sandbox would send it.
        let (order, body, signature) = try F.sandboxOrderWithPaidDelivery()
        let slug = try F.owner.query("select slug from tenants where id = $1", order.tenantID).first!.decode("slug", as: String.self)
        let host = "\(slug).localhost"
        let checkout = try Self.server.request(
            method: "GET", path: "/sandbox/checkout/\(order.number)", host: host)
        #expect(checkout.status == 404)
        let press = try Self.server.request(
            method: "POST", path: "/sandbox/checkout/\(order.number)", host: host,
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("outcome=pay".utf8))
        #expect(press.status == 404)

        let delivered = try F.deliver(
            "sandbox", body: body, headers: [("X-Sandbox-Signature", signature)], server: Self.server)
        #expect(delivered.status == 404)
        #expect(try F.orderStatus(order) == "pending")
        #expect(try F.count(.vouchers, for: order) == 0)
    }

    @Test func aShopWhoseGatewayIsTheSandboxCannotTakeOrders() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Free pass", price: 5_000)
        let browser = Browser(server: Self.server, host: shop.host)
        browser.setCookie("lang", "en")
        let response = try OrderAttempt.start(browser, profileID: profileID).submit()
        #expect(response.status != 303, "no checkout may be opened: \(response.location)")
        #expect(!response.location.contains("/sandbox/"))
        #expect(response.text.contains("The payment service did not answer") || response.status >= 500)
        #expect(try shop.orderCount() == 1)
        let row = try TestDatabase.owner.query(
            "select checkout_url, gateway_id from voucher_orders where tenant_id = $1", shop.tenantID
        ).first
        #expect(row?.decode("checkout_url", as: String?.self) == nil)
    }
}
