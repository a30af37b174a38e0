import Foundation
import Postgres

/// Creates the vouchers a paid order bought, inside the caller's transaction.
///
/// Codes come from `RandomToken.code` (the system's random source, an alphabet without look-alikes)
/// and are unique across the platform: a code that is already a voucher, or already a RADIUS user
/// name of any kind (a PPPoE account, say), is drawn again instead of failing the payment.
struct VoucherIssuer: Sendable {
    /// Rounds of drawing before giving up; with 25^6 codes or more, even one redraw is rare.
    static let maximumAttempts = 20

    /// Inserts `order.quantity` vouchers and returns their codes. Every code still missing is drawn
    /// and inserted in one statement per round, so an order costs one round trip however many it buys.
    /// - Parameter companion: a read sent in the first round's round trip (after the insert), whose rows
    ///   come back with the codes.
    func issue(for order: VoucherOrder, with companion: PostgresStatement? = nil, on db: PostgresConnection) throws
        -> (codes: [String], companion: PostgresRows?)
    {
        var companionRows: PostgresRows?
        let codes = try issue(
            count: order.quantity, length: order.codeLength, draw: { RandomToken.code(length: order.codeLength) }
        ) { drawn in
            // `on conflict do nothing` keeps the transaction usable when a code is taken (or drawn twice).
            let insert = PostgresStatement(
                """
                insert into vouchers (tenant_id, code, profile_id, order_id)
                select $1, d.code, $3, $4 from unnest($2::text[]) as d(code)
                where not exists (select 1 from radcheck where username = d.code)
                on conflict (code) do nothing
                returning code
                """, order.tenantID, drawn, order.profileID, order.id)
            var statements = [insert]
            if companionRows == nil, let companion { statements.append(companion) }
            let results = try db.queries(statements)
            guard let codes = results.first else { throw PostgresError(.query, "the voucher insert returned no result") }
            if results.count > 1 { companionRows = results[1] }
            return try codes.map { try $0.decode("code", as: String.self) }
        }
        return (codes, companionRows)
    }

    /// The rounds behind every issue: `insert` stores what it can of the drawn codes (skipping any taken
    /// on the platform) and returns those it stored; codes come back in the order they were drawn.
    func issue(count: Int, length: Int, draw: () -> String, insert: ([String]) throws -> [String]) throws -> [String] {
        var codes: [String] = []
        codes.reserveCapacity(count)
        for _ in 0..<Self.maximumAttempts {
            let drawn = (codes.count..<count).map { _ in draw() }
            var inserted = Set(try insert(drawn))
            for code in drawn where inserted.remove(code) != nil { codes.append(code) }
            if codes.count == count { return codes }
        }
        throw VoucherIssuerError.noFreeCode(length: length)
    }
}

enum VoucherIssuerError: Error, CustomStringConvertible {
    case noFreeCode(length: Int)

    var description: String {
        switch self {
        case .noFreeCode(let length):
            "no unused voucher code of length \(length) after \(VoucherIssuer.maximumAttempts) draws"
        }
    }
}
