import Foundation
import Postgres

/// Customer numbers the tenant did not give: plain digits, counting on from the tenant's highest
/// all-digit number (100001 for the first), so they sort and read like the numbers most ISPs already use.
enum CustomerNumbers {
    static let first = 100_001

    /// `given` with every nil replaced by a new number, none equal to a given one or an existing one.
    /// Run inside the transaction that inserts them, under a lock that keeps other imports out.
    static func assign(_ given: [String?], tenant: Tenant, on db: PostgresConnection) throws -> [String] {
        let missing = given.filter { $0 == nil }.count
        guard missing > 0 else { return given.compactMap { $0 } }
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
