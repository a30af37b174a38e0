import Foundation
import Postgres

extension SubscriberRepository {
    /// The tenant's isolated subscriber with an open session (no Stop yet) at this address, as the
    /// router reported it in accounting (`Framed-IP-Address`); nil for any other address, a subscriber
    /// who is not isolated, or another tenant's. Addresses are compared as text, so whatever a client
    /// sends is data and never a malformed `inet`.
    func isolatedSubscriber(connectedFrom address: String, for tenant: Tenant) throws -> Subscriber? {
        guard !address.isEmpty, address.utf8.count <= 64 else { return nil }
        let rows = try database.scoped(to: tenant).query(
            """
            select s.* from subscribers_with_plan s
            where s.tenant_id = $1 and s.status = 'isolated'
                and exists (
                    select 1 from radacct a
                    where a.tenant_id = s.tenant_id and a.username = s.pppoe_username and a.acctstoptime is null
                        and host(a.framedipaddress) = $2
                )
            order by s.status_changed_at desc
            limit 1
            """, tenant.id, address)
        return try rows.first.map(Subscriber.init(row:))
    }
}
