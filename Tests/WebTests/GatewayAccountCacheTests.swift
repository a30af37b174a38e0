import Foundation
import TestSupport
import Testing

/// Checkouts take the tenant's gateway account from memory; a change made straight in the database
/// (another instance, an operator's SQL) reaches the next checkout within a second through
/// `NOTIFY tenant_changed`. (A change through the admin form is seen at once: AdminPaymentsTests.)
@Suite struct GatewayAccountCacheTests {
    private func gatewayOfNewOrder(_ shop: Shop, profileID: UUID) throws -> UUID? {
        let browser = Browser(host: shop.host)
        let response = try OrderAttempt.start(browser, profileID: profileID).submit()
        #expect(response.status == 303)
        let number = try #require(response.orderNumber)
        return try TestDatabase.owner.query(
            "select gateway_id from voucher_orders where tenant_id = $1 and order_number = $2", shop.tenantID, number
        ).first?.decode("gateway_id", as: UUID?.self)
    }

    @Test func anAccountReplacedInTheDatabaseTakesTheNextCheckoutsWithinASecond() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Cached account pass")
        #expect(try gatewayOfNewOrder(shop, profileID: profileID) == shop.gatewayID)
        #expect(try gatewayOfNewOrder(shop, profileID: profileID) == shop.gatewayID)

        let replacement = try TestDatabase.owner.transaction { db in
            // One account per tenant and provider: the new one replaces the row.
            try db.query("delete from payment_gateways where id = $1", shop.gatewayID)
            return try db.query(
                """
                insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
                values ($1, 'sandbox', jsonb_build_object('secret', $2::text), true, true) returning id
                """, shop.tenantID, UUID().uuidString
            ).first!.decode("id", as: UUID.self)
        }
        let changedAt = ContinuousClock.now
        var seen = try gatewayOfNewOrder(shop, profileID: profileID)
        while seen != replacement, ContinuousClock.now - changedAt < .seconds(1) {
            Thread.sleep(forTimeInterval: 0.05)
            seen = try gatewayOfNewOrder(shop, profileID: profileID)
        }
        #expect(seen == replacement)
        // And it stays: the old account is never used again.
        #expect(try gatewayOfNewOrder(shop, profileID: profileID) == replacement)
    }
}
