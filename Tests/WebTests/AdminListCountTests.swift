import Foundation
import TestSupport
import Testing

/// A long admin list is counted only so far (10,000 rows, or the rows up to the page asked for): the
/// pager says "more than", and every page is still reachable, the last one with the exact count.
@Suite struct AdminListCountTests {
    typealias F = AdminSalesFixtures

    @Test func aListOfMoreThanTenThousandOrdersSaysSoAndStillPagesToItsEnd() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let profileID = try F.profile(tenantID: admin.tenantID)
        // Order k (1 … 10,030) is k minutes old, so the list shows them by k; numbers end in k.
        let prefix = String(F.orderNumber().prefix(8))
        try TestDatabase.owner.query(
            """
            insert into voucher_orders (tenant_id, order_number, access_token_hash, idempotency_key, profile_id,
                profile_name, unit_price, validity_minutes, shared_users, radius_group, code_length, quantity, amount,
                buyer_name, buyer_phone, status, gateway_provider, created_at, paid_at, expires_at)
            select p.tenant_id, $2 || lpad(k::text, 6, '0'), repeat('0', 64), $2 || lpad(k::text, 6, '0') || '-idempotency',
                p.id, p.name, p.price, p.validity_minutes, p.shared_users, p.radius_group, p.code_length, 1, p.price, '',
                '+6281200000000', 'paid', 'sandbox', now() - make_interval(mins => k), now() - make_interval(mins => k),
                now() + interval '1 hour'
            from voucher_profiles p, generate_series(1, 10030) k
            where p.tenant_id = $1 and p.id = $3
            """, admin.tenantID, prefix, profileID)
        let number = { (k: Int) in prefix + String(repeating: "0", count: 6 - String(k).count) + String(k) }
        let browser = try AdminFixtures.signedIn(admin)

        let first = try browser.get("/admin/orders")
        #expect(first.status == 200)
        #expect(F.rowCount(in: first.text) == 25)
        #expect(first.text.contains("Page 1 of 401 or more · more than 10000 orders"))
        #expect(F.link(rel: "next", in: first.text) == "/admin/orders?page=2")

        let deep = try browser.get("/admin/orders?page=401")
        #expect(F.rowCount(in: deep.text) == 25)
        #expect(deep.text.contains(number(10001)) && deep.text.contains(number(10025)))
        #expect(deep.text.contains("Page 401 of 402 or more · more than 10025 orders"))
        #expect(F.link(rel: "next", in: deep.text) == "/admin/orders?page=402")

        let last = try browser.get("/admin/orders?page=402")
        #expect(F.rowCount(in: last.text) == 5)
        #expect(last.text.contains(number(10030)))
        #expect(last.text.contains("Page 402 of 402 · 10030 orders"))
        #expect(F.link(rel: "next", in: last.text) == nil)

        let past = try browser.get("/admin/orders?page=999")
        #expect(past.text.contains("Page 402 of 402 · 10030 orders"))
        #expect(past.text.contains(number(10030)))

        let found = try browser.get("/admin/orders?q=" + number(5000))
        #expect(F.rowCount(in: found.text) == 1)
        #expect(found.text.contains("Page 1 of 1 · 1 order"))

        // The language chosen sticks to the browser from here on.
        let indonesian = try browser.get("/admin/orders?lang=id")
        #expect(indonesian.text.contains("Halaman 1 dari 401 atau lebih · lebih dari 10000 pesanan"))
    }
}
