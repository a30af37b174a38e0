import Foundation
import Postgres

/// Creates the vouchers a paid order bought, inside the caller's transaction.
///
/// Codes come from `RandomToken.code` (the system's random source, an alphabet without look-alikes)
/// and are unique across the platform: a code that is already a voucher, or already a RADIUS user
/// name of any kind (a PPPoE account, say), is drawn again instead of failing the payment.
struct VoucherIssuer: Sendable {
    /// Draws per voucher before giving up; with 25^6 codes or more, even one retry is rare.
    static let maximumAttempts = 20

    /// Inserts `order.quantity` vouchers and returns their codes, in creation order.
    func issue(for order: VoucherOrder, on db: PostgresConnection) throws -> [String] {
        var codes: [String] = []
        codes.reserveCapacity(order.quantity)
        for _ in 0..<order.quantity {
            codes.append(try issueOne(for: order, on: db))
        }
        return codes
    }

    private func issueOne(for order: VoucherOrder, on db: PostgresConnection) throws -> String {
        for _ in 0..<Self.maximumAttempts {
            let code = RandomToken.code(length: order.codeLength)
            // `on conflict do nothing` keeps the transaction usable when the code is taken.
            let rows = try db.query(
                """
                insert into vouchers (tenant_id, code, profile_id, order_id)
                select $1, $2, $3, $4
                where not exists (select 1 from radcheck where username = $2)
                on conflict (code) do nothing
                returning code
                """, order.tenantID, code, order.profileID, order.id)
            if !rows.isEmpty { return code }
        }
        throw VoucherIssuerError.noFreeCode(length: order.codeLength)
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
