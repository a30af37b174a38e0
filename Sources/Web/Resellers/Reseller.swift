import Foundation
import Postgres

/// A warung or agent that sells the ISP's printed batches for cash, and what it pays per card.
struct Reseller: Sendable, Hashable, Identifiable {
    /// What the reseller pays the ISP for each card it sells.
    enum Terms: Sendable, Hashable {
        /// The card's price less this percentage of it, which the reseller keeps (rounded down to whole
        /// rupiah, so the ISP never receives less than the percentage promises).
        case commission(percent: Int)
        /// This price per card, whatever the package: for an ISP whose resellers sell one kind of card.
        case price(Int64)
    }

    let id: UUID
    let name: String
    /// `+62…`; nil for a reseller made from an earlier batch's free-text name until the admin adds one.
    let whatsApp: String?
    let terms: Terms
    let isActive: Bool

    /// What the reseller pays per card of a package sold at `price`, as a batch records it when made.
    func cardPrice(forCardsOf price: Int64) -> Int64 {
        switch terms {
        case .commission(let percent): price - price * Int64(percent) / 100
        case .price(let fixed): fixed
        }
    }
}

/// A reseller with its codes and money so far, every figure from one query over its rows.
struct ResellerAccount: Sendable, Hashable {
    let reseller: Reseller
    /// Codes in its batches.
    let taken: Int
    /// Of those, codes used (`gerbang_voucher_used`).
    let used: Int
    /// What its used codes cost it: each one at its batch's price per card.
    let due: Int64
    /// Its settlements so far.
    let settled: Int64

    /// What it still owes; zero when it has paid more than its used codes cost.
    var owes: Int64 { max(due - settled, 0) }
    /// What it has paid ahead; zero while it owes.
    var credit: Int64 { max(settled - due, 0) }
}

/// Money a reseller handed over, as `payments` holds it.
struct ResellerSettlement: Sendable, Hashable {
    let amount: Int64
    let method: String
    let note: String
    let recordedBy: String
    /// When the money changed hands.
    let at: Date
}

/// Reads a tenant's resellers, always in the tenant's scope and filtered by it, so another tenant's
/// reseller id finds nothing.
struct ResellerRepository: Sendable {
    let database: PostgresPool

    /// By name; with `activeOnly`, only those a new batch may be given to.
    func all(for tenant: Tenant, activeOnly: Bool = false) throws -> [Reseller] {
        try database.scoped(to: tenant).query(
            """
            select id, name, whatsapp, terms, commission_percent, card_price, is_active from resellers
            where tenant_id = $1 and (is_active or not $2) order by lower(name), id
            """, tenant.id, activeOnly
        ).map(Self.reseller(from:))
    }

    func reseller(id: UUID, for tenant: Tenant) throws -> Reseller? {
        try database.scoped(to: tenant).query(
            """
            select id, name, whatsapp, terms, commission_percent, card_price, is_active from resellers
            where tenant_id = $1 and id = $2
            """, tenant.id, id
        ).first.map(Self.reseller(from:))
    }

    /// Every reseller's account, or with `id` only that one's. Planned for this tenant like the lists:
    /// a generic plan costed with a small ISP in scope reads each reseller's settlements through the
    /// tenant's payments by time, which at a large ISP would read all of its payments for each reseller.
    func accounts(for tenant: Tenant, id: UUID? = nil) throws -> [ResellerAccount] {
        try database.scoped(to: tenant).listTransaction { db in
            try db.query(
                """
                select r.id, r.name, r.whatsapp, r.terms, r.commission_percent, r.card_price, r.is_active,
                    coalesce(c.taken, 0)::integer as taken, coalesce(c.used, 0)::integer as used,
                    coalesce(c.due, 0)::bigint as due, coalesce(p.settled, 0)::bigint as settled
                from resellers r
                left join lateral (
                    select count(*) as taken, count(*) filter (where u.used) as used,
                        sum(b.reseller_card_price) filter (where u.used) as due
                    from voucher_batches b
                    join vouchers v on v.tenant_id = b.tenant_id and v.batch_id = b.id
                    cross join lateral (select gerbang_voucher_used(v.tenant_id, v.code, v.status) as used) u
                    where b.tenant_id = r.tenant_id and b.reseller_id = r.id
                ) c on true
                left join lateral (
                    select sum(amount) as settled from payments
                    where tenant_id = r.tenant_id and subject = 'reseller' and subject_id = r.id and status = 'paid'
                ) p on true
                where r.tenant_id = $1 and ($2::uuid is null or r.id = $2)
                order by lower(r.name), r.id
                """, tenant.id, id)
        }.map { row in
            ResellerAccount(
                reseller: try Self.reseller(from: row), taken: try row.decode("taken", as: Int.self),
                used: try row.decode("used", as: Int.self), due: try row.decode("due", as: Int64.self),
                settled: try row.decode("settled", as: Int64.self))
        }
    }

    /// Newest first.
    func settlements(of id: UUID, for tenant: Tenant) throws -> [ResellerSettlement] {
        try database.scoped(to: tenant).query(
            """
            select amount, method, note, coalesce(recorded_by, '') as recorded_by, created_at from payments
            where tenant_id = $1 and subject = 'reseller' and subject_id = $2 and status = 'paid'
            order by created_at desc, id
            """, tenant.id, id
        ).map { row in
            ResellerSettlement(
                amount: try row.decode("amount", as: Int64.self), method: try row.decode("method", as: String.self),
                note: try row.decode("note", as: String.self), recordedBy: try row.decode("recorded_by", as: String.self),
                at: try row.decode("created_at", as: Date.self))
        }
    }

    private static func reseller(from row: PostgresRow) throws -> Reseller {
        let terms: Reseller.Terms =
            if try row.decode("terms", as: String.self) == "price" {
                .price(row.decode("card_price", as: Int64?.self) ?? 0)
            } else {
                .commission(percent: row.decode("commission_percent", as: Int?.self) ?? 0)
            }
        return Reseller(
            id: try row.decode("id", as: UUID.self), name: try row.decode("name", as: String.self),
            whatsApp: row.decode("whatsapp", as: String?.self), terms: terms,
            isActive: try row.decode("is_active", as: Bool.self))
    }
}
