import Foundation
import Postgres
import TestSupport
import Testing

/// An ISP that bills monthly subscribers through its own sandbox account, with the RADIUS groups the
/// payment path moves subscribers between: its plan group (`<slug>-home20`, 10/20 Mbps) and its
/// isolation group (`<slug>-isolated`, 128k and an address list). Unique names throughout.
struct InvoiceShop {
    static let pppoePassword = "pppoe-secret-1"
    static let planRateLimit = "10000k/20000k"
    static let isolationRateLimit = "128k/128k"

    let tenantID: UUID
    let slug: String
    let secret: String
    let gatewayID: UUID
    var host: String { "\(slug).localhost" }
    var planGroup: String { "\(slug)-home20" }
    var isolationGroup: String { "\(slug)-isolated" }

    static func open(secret: String? = RandomCode.make(32)) throws -> InvoiceShop {
        let slug = TestDatabase.uniqueSlug("ip")
        let tenant = try TestDatabase.createTenant(
            slug: slug, name: "Invoice ISP \(slug)", branding: .init(displayName: "Invoice ISP \(slug)", locale: "en"))
        let owner = TestDatabase.owner
        try owner.query("update tenants set use_custom_payment_gateway = true where id = $1", tenant.id)
        let settings = secret.map { ["secret": $0] } ?? [:]
        let gatewayID = try owner.query(
            """
            insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
            values ($1, 'sandbox', $2::jsonb, true, true) returning id
            """, tenant.id, String(decoding: try JSONSerialization.data(withJSONObject: settings), as: UTF8.self)
        ).first!.decode("id", as: UUID.self)
        let shop = InvoiceShop(tenantID: tenant.id, slug: slug, secret: secret ?? "", gatewayID: gatewayID)
        for (group, attribute, value) in [
            (shop.planGroup, "Mikrotik-Rate-Limit", planRateLimit),
            (shop.isolationGroup, "Mikrotik-Rate-Limit", isolationRateLimit),
            (shop.isolationGroup, "Mikrotik-Address-List", "isolir"),
        ] {
            try owner.query(
                "insert into radgroupreply (groupname, attribute, op, value, tenant_id) values ($1, $2, ':=', $3, $4)",
                group, attribute, value, tenant.id)
        }
        return shop
    }

    /// A subscriber on the `home20` plan with a PPPoE account in RADIUS: in the plan's group when
    /// active, in the isolation group when isolated.
    /// Its PPPoE user name has a dotted realm (`…@test.net`): FreeRADIUS's stock `filter_username`
    /// policy rejects a realm without a dot before it looks anything up.
    func subscriber(isolated: Bool = false) throws -> PortalFixtures.Subscriber {
        let created = try PortalFixtures.subscriber(tenantID: tenantID, status: isolated ? "isolated" : "active")
        let username = created.pppoeUsername + ".net"
        try TestDatabase.owner.query("update subscribers set pppoe_username = $2 where id = $1", created.id, username)
        let subscriber = PortalFixtures.Subscriber(
            id: created.id, tenantID: created.tenantID, customerNumber: created.customerNumber, pppoeUsername: username,
            name: created.name, password: created.password)
        try TestDatabase.owner.query(
            "insert into radcheck (username, attribute, op, value, tenant_id) values ($1, 'Cleartext-Password', ':=', $2, $3)",
            subscriber.pppoeUsername, Self.pppoePassword, tenantID)
        try TestDatabase.owner.query(
            "insert into radusergroup (username, groupname, priority, tenant_id) values ($1, $2, 1, $3)",
            subscriber.pppoeUsername, isolated ? isolationGroup : planGroup, tenantID)
        return subscriber
    }

    /// An invoice with unique numbers; `opened` records a sandbox checkout on it as the checkout would,
    /// so a webhook for it can be verified with this shop's account.
    @discardableResult
    func invoice(
        for subscriber: PortalFixtures.Subscriber, period: String = "2026-11", amount: Int64 = 150_000,
        dueInDays: Int = 10, opened: Bool = false
    ) throws -> BilledInvoice {
        let invoice = try PortalFixtures.invoice(for: subscriber, period: period, amount: amount, dueInDays: dueInDays)
        if opened {
            try TestDatabase.owner.query(
                """
                update invoices set gateway_id = $2, gateway_provider = 'sandbox', gateway_reference = 'sbx_test',
                    checkout_url = '/sandbox/checkout/' || payment_reference
                where id = $1
                """, invoice.id, gatewayID)
        }
        let reference = try TestDatabase.owner.query("select payment_reference from invoices where id = $1", invoice.id)
            .first!.decode("payment_reference", as: String.self)
        return BilledInvoice(id: invoice.id, number: invoice.number, token: invoice.token, reference: reference, amount: amount)
    }

    /// Delivers a sandbox webhook for the invoice, signed with this shop's secret unless told otherwise.
    @discardableResult
    func deliver(_ invoice: BilledInvoice, status: String = "paid", amount: Int64? = nil, secret: String? = nil) throws
        -> TestHTTPResponse
    {
        let body = try StoreFixtures.sandboxBody(reference: invoice.reference, status: status, amount: amount ?? invoice.amount)
        let signature = try StoreFixtures.hmacSHA256Hex(key: secret ?? self.secret, message: body)
        return try StoreFixtures.deliver("sandbox", body: body, headers: [("X-Sandbox-Signature", signature)])
    }
}

struct BilledInvoice {
    let id: UUID
    let number: String
    let token: String
    /// `IV…`, what the gateway is given.
    let reference: String
    let amount: Int64

    func row() throws -> PostgresRow {
        try TestDatabase.owner.query(
            "select status, paid_at, gateway_id, checkout_url from invoices where id = $1", id
        ).first!
    }

    func status() throws -> String { try row().decode("status", as: String.self) }

    func paymentCount() throws -> Int {
        try TestDatabase.owner.query(
            "select count(*) as n from payments where subject = 'invoice' and subject_id = $1", id
        ).first!.decode("n", as: Int.self)
    }

    func eventOutcomes() throws -> [String] { try StoreFixtures.eventOutcomes(reference) }
}

extension PortalFixtures.Subscriber {
    func status() throws -> String {
        try TestDatabase.owner.query("select status from subscribers where id = $1", id).first!.decode("status", as: String.self)
    }

    func radiusGroups() throws -> [String] {
        try TestDatabase.owner.query(
            "select groupname from radusergroup where username = $1 order by groupname", pppoeUsername
        ).map { try $0.decode("groupname", as: String.self) }
    }
}
