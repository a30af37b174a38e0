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

    /// Moves a paid order to `paid` unless it already is, and inserts its `order.quantity` vouchers:
    /// the update and the first round's insert are one statement, so paying costs one round trip however
    /// many codes it buys; codes still missing after a clash are drawn and inserted in later rounds.
    /// The update's row lock makes a concurrent delivery for the order wait, then find it paid.
    /// - Parameter companion: a read sent in the first round's round trip (after the insert), whose rows
    ///   come back with the codes.
    /// - Returns: nil when the order was paid already (nothing written).
    func payAndIssue(for order: VoucherOrder, with companion: PostgresStatement? = nil, on db: PostgresConnection) throws
        -> (codes: [String], companion: PostgresRows?)?
    {
        var companionRows: PostgresRows?
        var firstRound = true
        do {
            let codes = try issue(
                count: order.quantity, length: order.codeLength, draw: { RandomToken.code(length: order.codeLength) }
            ) { drawn in
                // Later rounds only insert: this transaction has paid the order already.
                var statements = [Self.insert(drawn, for: order, paying: firstRound)]
                if firstRound, let companion { statements.append(companion) }
                let results = try db.queries(statements)
                guard let row = results.first?.first else { throw PostgresError(.query, "the voucher insert returned no row") }
                guard try row.decode("paid", as: Bool.self) else { throw AlreadyPaid() }
                if firstRound, results.count > 1 { companionRows = results[1] }
                firstRound = false
                return try row.decode("codes", as: [String].self)
            }
            return (codes, companionRows)
        } catch is AlreadyPaid {
            return nil
        }
    }

    private struct AlreadyPaid: Error {}

    /// Stores what it can of the drawn codes and returns those stored (`paid`: whether the order is
    /// paid by this transaction, so the vouchers may exist). `on conflict do nothing` keeps the
    /// transaction usable when a code is taken (or drawn twice); a code that is a RADIUS user name of
    /// any tenant is skipped too. With `paying`, the order moves to paid first unless it already was,
    /// and nothing is inserted if it was. A code carries the order's data quota, and one valid from the
    /// purchase ends at the transaction's time plus its validity, as its RADIUS `Expiration`
    /// (`RadiusProvisioner`) does.
    private static func insert(_ drawn: [String], for order: VoucherOrder, paying: Bool) -> PostgresStatement {
        PostgresStatement(
            """
            with paid as (
                update voucher_orders set status = 'paid', paid_at = now()
                where $5 and tenant_id = $1 and id = $4 and status <> 'paid'
                returning id
            ), issued as (
                insert into vouchers (tenant_id, code, profile_id, order_id, valid_until, data_quota_mb)
                select $1, d.code, $3, $4, now() + make_interval(mins => $6::integer), $7
                from unnest($2::text[]) as d(code)
                where (not $5 or exists (select 1 from paid))
                    and not exists (select 1 from radcheck where username = d.code)
                on conflict (code) do nothing
                returning code
            )
            select not $5 or exists (select 1 from paid) as paid, array(select code from issued) as codes
            """, order.tenantID, drawn, order.profileID, order.id, paying,
            order.validityFromPurchase ? order.validityMinutes : nil, order.dataQuotaMB)
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
