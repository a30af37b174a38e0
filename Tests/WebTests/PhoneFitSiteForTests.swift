import Foundation
import TestSupport
import Testing

/// One store with something behind every page of the route tables: a tenant admin, a package, a buyer's
/// order with its access token, a subscriber with an unpaid invoice (open in the sandbox, with a pay link)
/// and a paid one with its receipt, a router, an expense, a waiting WhatsApp message, a WhatsApp sender
/// (switched off, so the store's pages still say no number sends), a reseller, and a head-office admin.
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
    /// The subscriber's plan.
    let planID: String
    let whatsAppSenderID: String
    let resellerID: String
    let expenseID: String

    static func open() throws -> PhoneFitSite {
        typealias F = AdminSalesFixtures
        let shop = try InvoiceShop.open()
        let owner = TestDatabase.owner
        // The sweep opens every page twice from one address within a minute, more than a starter store's
        // whole limit now that there are this many pages: an enterprise store is never refused here.
        try owner.query("update tenants set tier = 'enterprise' where id = $1", shop.tenantID)
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
        // An isolated neighbour online from the browser's own address: `/isolated` shows its invoices.
        let isolated = try shop.subscriber(isolated: true)
        try shop.invoice(for: isolated, amount: 175_000, dueInDays: -12)
        try owner.query(
            """
            insert into radacct (tenant_id, acctsessionid, acctuniqueid, username, nasipaddress, framedipaddress,
                acctstarttime, nas_id)
            values ($1, $2, $2, $3, '192.168.88.1', '127.0.0.1', now(), $4)
            """, shop.tenantID, "fit-" + RandomCode.make(10), isolated.pppoeUsername, routerID)
        let whatsAppSenderID = try owner.query(
            """
            insert into tenant_whatsapp_senders (tenant_id, name, token, per_minute, is_active)
            values ($1, 'Kantor cabang dengan nama yang cukup panjang', 'phonefit-device-token-1234', 20, false) returning id
            """, shop.tenantID
        ).first!.decode("id", as: UUID.self).uuidString.lowercased()
        // A reseller with a batch of the package, one code used, and a settlement: every part of its page.
        let resellerID = try owner.query(
            """
            insert into resellers (tenant_id, name, whatsapp, commission_percent)
            values ($1, 'Warung Bu Sri dengan nama yang cukup panjang', '+6281234567890', 10) returning id
            """, shop.tenantID
        ).first!.decode("id", as: UUID.self)
        try ResellerFixtures.batch(
            tenantID: shop.tenantID, profileID: profile, resellerID: resellerID, codes: 3, used: 1, cardPrice: 4_500)
        try ResellerFixtures.settlement(tenantID: shop.tenantID, resellerID: resellerID, amount: 2_000)
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
            routerID: routerID,
            planID: try owner.query("select plan_id::text as id from subscribers where id = $1", subscriber.id)
                .first!.decode("id", as: String.self),
            whatsAppSenderID: whatsAppSenderID, resellerID: resellerID.uuidString.lowercased(), expenseID: expenseID)
    }
}
