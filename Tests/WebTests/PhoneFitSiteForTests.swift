import Foundation
import Testing
import TestSupport

/// One store with something behind every page of the route tables: a tenant admin, a package, a buyer's
/// order with its access token, a subscriber with an unpaid invoice (open in the sandbox, with a pay link)
/// and a paid one with its receipt, a router, an expense, a waiting WhatsApp message, and a head-office admin.
struct PhoneFitSite {
    let shop: InvoiceShop
    let admin: AdminFixtures.Admin
    let headOffice: HeadOfficeFixtures.Admin
    let subscriber: PortalFixtures.Subscriber
    let profileID: String
    let order: (number: String, token: String)
    let unpaid: BilledInvoice
    let paid: PortalFixtures.Invoice
    let routerID: Int
    let expenseID: String

    static func open() throws -> PhoneFitSite {
        typealias F = AdminSalesFixtures
        let shop = try InvoiceShop.open()
        let owner = TestDatabase.owner
        let admin = try AdminFixtures.admin(tenantID: shop.tenantID, host: shop.host)

        let profile = try F.profile(tenantID: shop.tenantID)
        let created = try F.order(
            tenantID: shop.tenantID, profileID: profile, buyerName: "Budi Santoso dengan nama yang cukup panjang",
            gatewayReference: "sbx_" + String(repeating: "0123456789", count: 4))
        try F.voucher(tenantID: shop.tenantID, profileID: profile, orderID: created.id)
        // The fixture's order has no usable token; give it one, as the store would have.
        let token = PortalFixtures.hexToken()
        try owner.query(
            "update voucher_orders set access_token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex') where id = $1",
            created.id, token)
        try F.message(
            tenantID: shop.tenantID, reference: created.number, status: "pending", attempts: 2,
            lastError: "Fonnte refused: the device is disconnected and must be linked again in Fonnte's dashboard")

        let subscriber = try shop.subscriber()
        let unpaid = try shop.invoice(for: subscriber, amount: 150_000, opened: true)
        let paid = try PortalFixtures.invoice(for: subscriber, period: "2026-10", amount: 150_000, paid: true)
        try F.payment(tenantID: shop.tenantID, invoiceID: paid.id, amount: 150_000, reference: "sbx_paid_\(paid.number)")
        let routerID = try owner.query(
            """
            insert into nas (tenant_id, shortname, identifier, nasname, secret, kind, coa_port)
            values ($1, 'Warung hotspot', 'hs-warung', $2, 's3cret-Router-42', 'hotspot', 3799) returning id
            """, shop.tenantID, "10.77.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
        ).first!.decode("id", as: Int.self)
        let expenseID = try owner.query(
            """
            insert into expenses (tenant_id, spent_on, category, amount, note)
            values ($1, (now() at time zone 'Asia/Jakarta')::date, 'bandwidth', 12500000,
                'Upstream transit for the month, invoice 2026/11/00042 from the regional carrier')
            returning id
            """, shop.tenantID
        ).first!.decode("id", as: UUID.self).uuidString.lowercased()
        return PhoneFitSite(
            shop: shop, admin: admin, headOffice: try HeadOfficeFixtures.headAdmin(), subscriber: subscriber,
            profileID: profile.uuidString.lowercased(), order: (created.number, token), unpaid: unpaid, paid: paid,
            routerID: routerID, expenseID: expenseID)
    }
}
