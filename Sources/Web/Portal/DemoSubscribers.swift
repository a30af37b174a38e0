import Foundation
import Postgres
import Templates

/// Three monthly subscribers for a demo tenant, with paid, unpaid and overdue invoices, one of them
/// isolated for non-payment, and their PPPoE accounts in RADIUS. Loaded by `DemoData`.
///
/// Every demo subscriber signs in to the portal with `portal123`; their PPPoE password is `pppoe123`.
enum DemoSubscribers {
    static let portalPassword = "portal123"
    static let pppoePassword = "pppoe123"

    struct Person {
        let customerNumber: String
        let pppoeUsername: String
        let name: String
        let phone: String
        let plan: (name: String, group: String, price: Int64, downKbps: Int, upKbps: Int)
        /// Months back from this one (0 = this month) and what each invoice is.
        let invoices: [(monthsAgo: Int, state: InvoiceState)]
        let isolated: Bool
    }

    enum InvoiceState {
        case paid
        /// Due `days` from today (negative: overdue).
        case unpaid(dueInDays: Int)
    }

    static func alpha() -> [Person] {
        let home = (name: "Home 20 Mbps", group: "home20", price: Int64(200_000), downKbps: 20_000, upKbps: 10_000)
        let family = (name: "Family 50 Mbps", group: "family50", price: Int64(350_000), downKbps: 50_000, upKbps: 25_000)
        return [
            Person(
                customerNumber: "A-1001", pppoeUsername: "andi@alpha-net.test", name: "Andi Wijaya", phone: "+6281200001001",
                plan: home, invoices: [(2, .paid), (1, .paid), (0, .unpaid(dueInDays: 10))], isolated: false),
            Person(
                customerNumber: "A-1002", pppoeUsername: "budi@alpha-net.test", name: "Budi Santoso", phone: "+6281200001002",
                plan: family, invoices: [(2, .paid), (1, .unpaid(dueInDays: -3)), (0, .unpaid(dueInDays: 10))],
                isolated: false),
            Person(
                customerNumber: "A-1003", pppoeUsername: "citra@alpha-net.test", name: "Citra Lestari", phone: "+6281200001003",
                plan: home, invoices: [(2, .paid), (1, .unpaid(dueInDays: -20))], isolated: true),
        ]
    }

    static func beta() -> [Person] {
        let hemat = (name: "Hemat 10 Mbps", group: "hemat10", price: Int64(150_000), downKbps: 10_000, upKbps: 5_000)
        let cepat = (name: "Cepat 30 Mbps", group: "cepat30", price: Int64(250_000), downKbps: 30_000, upKbps: 15_000)
        return [
            Person(
                customerNumber: "B-2001", pppoeUsername: "dewi@beta-wifi.test", name: "Dewi Anggraini", phone: "+6281300002001",
                plan: hemat, invoices: [(2, .paid), (1, .paid), (0, .unpaid(dueInDays: 10))], isolated: false),
            Person(
                customerNumber: "B-2002", pppoeUsername: "eko@beta-wifi.test", name: "Eko Prasetyo", phone: "+6281300002002",
                plan: cepat, invoices: [(2, .paid), (1, .unpaid(dueInDays: -3)), (0, .unpaid(dueInDays: 10))],
                isolated: false),
            Person(
                customerNumber: "B-2003", pppoeUsername: "fajar@beta-wifi.test", name: "Fajar Nugroho", phone: "+6281300002003",
                plan: hemat, invoices: [(2, .paid), (1, .unpaid(dueInDays: -20))], isolated: true),
        ]
    }

    /// Inserts the people with their invoices, payments and RADIUS rows.
    /// - Returns: one line per unpaid invoice with its pay-by-link path (the token exists nowhere else).
    static func insert(_ people: [Person], tenant: UUID, slug: String, on db: PostgresConnection) throws -> [String] {
        var links: [String] = []
        for person in people {
            let plan = try db.query(
                """
                insert into plans (tenant_id, name, price, download_kbps, upload_kbps, radius_group)
                values ($1, $2, $3, $4, $5, $6)
                on conflict (tenant_id, radius_group) do update set name = excluded.name
                returning id
                """, tenant, person.plan.name, person.plan.price, person.plan.downKbps, person.plan.upKbps,
                person.plan.group
            ).single().decode("id", as: UUID.self)
            let subscriber = try db.query(
                """
                insert into subscribers (tenant_id, customer_number, pppoe_username, name, phone, password_hash,
                    plan_id, billing_day, installation_date, status)
                values ($1, $2, $3, $4, $5, crypt($6, gen_salt('bf', $7::integer)), $8, 1,
                    (date_trunc('month', now()) - interval '3 months')::date, $9)
                returning id
                """, tenant, person.customerNumber, person.pppoeUsername, person.name, person.phone, portalPassword,
                PasswordHash.cost, plan, person.isolated ? "isolated" : "active"
            ).single().decode("id", as: UUID.self)
            for (index, invoice) in person.invoices.enumerated() {
                let token = RandomToken.hex()
                let number = "\(person.customerNumber)-\(index + 1)"
                try insertInvoice(
                    db, tenant: tenant, subscriber: subscriber, plan: plan, number: number, token: token, amount: person.plan.price,
                    monthsAgo: invoice.monthsAgo, state: invoice.state)
                if case .unpaid = invoice.state { links.append("\(person.customerNumber) \(number): " + Paths.payLink(token)) }
            }
            try provision(person, tenant: tenant, slug: slug, on: db)
        }
        return links
    }

    /// The links exist only now (only their hashes are stored), so the demo loader shows them once.
    static func printPayLinks(_ linksBySlug: [String: [String]]) {
        var text = "gerbang: demo pay-by-link invoices (open on http://<slug>.localhost:<port>):\n"
        for (slug, links) in linksBySlug.sorted(by: { $0.key < $1.key }) {
            for link in links { text += "  \(slug)  \(link)\n" }
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private static func insertInvoice(
        _ db: PostgresConnection, tenant: UUID, subscriber: UUID, plan: UUID, number: String, token: String, amount: Int64,
        monthsAgo: Int, state: InvoiceState
    ) throws {
        let paid: Bool
        let dueInDays: Int
        switch state {
        case .paid: (paid, dueInDays) = (true, -(monthsAgo * 30) + 10)
        case .unpaid(let days): (paid, dueInDays) = (false, days)
        }
        let id = try db.query(
            """
            insert into invoices (tenant_id, invoice_number, subscriber_id, plan_id, period, amount, status, due_date,
                payment_token_hash, payment_reference, paid_at)
            values ($1, $2, $3, $10, to_char(date_trunc('month', now()) - make_interval(months => $4), 'YYYY-MM'), $5,
                case when $6 then 'paid' else 'unpaid' end, current_date + $7::integer,
                token_hash($8), $9,
                case when $6 then (current_date + $7::integer - 3) + time '10:15' end)
            returning id
            """, tenant, number, subscriber, monthsAgo, amount, paid, dueInDays, token,
            "IV" + RandomToken.code(length: 12), plan
        ).single().decode("id", as: UUID.self)
        if paid {
            try db.query(
                """
                insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount,
                    status, created_at, item)
                select tenant_id, 'invoice', id, 'sandbox', 'sbx_demo_' || invoice_number, amount, 'paid', paid_at,
                    payment_item(tenant_id, 'invoice', id)
                from invoices where tenant_id = $1 and id = $2
                """, tenant, id)
        }
    }

    /// The plan's group as the plan editor writes it, the PPPoE account as the admin form writes it (in
    /// the plan's group), then, isolated, moved to the tenant's isolation group.
    private static func provision(_ person: Person, tenant: UUID, slug: String, on db: PostgresConnection) throws {
        try RadiusProvisioner().writeGroup(
            RadiusGroupPolicy(
                tenantSlug: slug, planGroup: person.plan.group, downloadKbps: person.plan.downKbps,
                uploadKbps: person.plan.upKbps), tenantID: tenant, on: db)
        try SubscriberRadiusGroups().create(
            [.init(username: person.pppoeUsername, password: pppoePassword, planGroup: person.plan.group)], tenantSlug: slug,
            tenantID: tenant, on: db)
        if person.isolated {
            try SubscriberRadiusGroups().isolate(
                username: person.pppoeUsername, tenantSlug: slug, planGroup: person.plan.group, tenantID: tenant, on: db)
        }
    }
}
