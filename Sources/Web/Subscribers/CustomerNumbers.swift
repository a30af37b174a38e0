import Foundation
import Postgres

/// Customer numbers the tenant did not give, for the admin's form and an import alike: plain digits,
/// counting on from the tenant's highest all-digit number (1001 for the first), so they sort and read
/// like the numbers most ISPs already use.
enum CustomerNumbers {
    static let first = 1001

    /// `given` with every nil replaced by a new number, none equal to a given one or an existing one.
    /// Run inside the transaction that inserts them: it takes a per-tenant lock held to the end of that
    /// transaction and reads after taking it, so two admins (or an admin and an import) get two numbers.
    static func assign(_ given: [String?], tenant: Tenant, on db: PostgresConnection) throws -> [String] {
        let missing = given.filter { $0 == nil }.count
        guard missing > 0 else { return given.compactMap { $0 } }
        try db.query("select pg_advisory_xact_lock(hashtext('customer-number:' || $1::text))", tenant.id)
        let highest =
            try db.query(
                """
                select coalesce(max(customer_number::bigint), 0) as n from subscribers
                where tenant_id = $1 and customer_number ~ '^[0-9]{1,15}$'
                """, tenant.id
            ).first?.decode("n", as: Int64.self) ?? 0
        let givenDigits = given.compactMap { $0 }.filter { $0.utf8.count <= 15 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        var next = max(Int64(first), highest + 1, (givenDigits.compactMap { Int64($0) }.max() ?? 0) + 1)
        return given.map { number in
            if let number { return number }
            defer { next += 1 }
            return String(next)
        }
    }
}
