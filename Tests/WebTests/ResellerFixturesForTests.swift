import Foundation
import Postgres
import TestSupport

/// Resellers' rows written straight into the database, for pages that need a batch, used codes and
/// settlements behind them.
enum ResellerFixtures {
    /// A batch of `codes` codes of the profile given to the reseller at `cardPrice` per card, the first
    /// `used` of them with a session in `radacct`.
    @discardableResult
    static func batch(tenantID: UUID, profileID: UUID, resellerID: UUID?, codes: Int, used: Int, cardPrice: Int64?)
        throws -> (id: UUID, codes: [String])
    {
        let owner = TestDatabase.owner
        let batchID = try owner.query(
            """
            insert into voucher_batches (tenant_id, profile_id, profile_name, price, validity_minutes, quantity,
                code_length, reseller_id, reseller_card_price)
            select $1, id, name, price, validity_minutes, $3, 8, $4, $5 from voucher_profiles where tenant_id = $1 and id = $2
            returning id
            """, tenantID, profileID, codes, resellerID, cardPrice
        ).first!.decode("id", as: UUID.self)
        let made = (0..<codes).map { _ in "RS" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10) }
        try owner.query(
            """
            insert into vouchers (tenant_id, code, profile_id, batch_id)
            select $1, code, $2, $3 from unnest($4::text[]) as c(code)
            """, tenantID, profileID, batchID, made)
        for code in made.prefix(used) { try session(tenantID: tenantID, username: code) }
        return (batchID, made)
    }

    /// A session of `username` in `radacct`, open or stopped; an open one reported a minute ago, so the
    /// stale-session sweep of any instance running meanwhile leaves it open.
    static func session(tenantID: UUID, username: String, open: Bool = false) throws {
        try TestDatabase.owner.query(
            """
            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime,
                acctstoptime, tenant_id)
            values ($1, $1, $2, '127.0.0.1', now() - interval '1 hour', now() - interval '1 minute',
                case when $3 then null else now() end, $4)
            """, UUID().uuidString, username, open, tenantID)
    }

    /// A settlement as the admin's form records it.
    static func settlement(tenantID: UUID, resellerID: UUID, amount: Int64) throws {
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, method, recorded_by)
            values ($1, 'reseller', $2, 'cash', $3, 'paid', 'cash', 'admin@isp.test')
            """, tenantID, resellerID, amount)
    }
}
