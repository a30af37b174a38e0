import Foundation
import Postgres

/// A subscriber's use of the connection this calendar month (in the tenant's time zone), from `radacct`
/// as FreeRADIUS writes it from the routers' accounting: sessions that were online at some time this
/// month, their time online counted from the month's start, and their data. A session's octets are
/// totals with no split by day, so one that began last month counts in full (the page says so).
/// Acct-Output-Octets is what the router sent to the subscriber: the download.
struct SubscriberUsage: Sendable, Equatable {
    let sessions: Int
    let secondsOnline: Int64
    let bytesDown: Int64
    let bytesUp: Int64
    let isOnline: Bool
}

/// Reads a subscriber's plan speed and this month's usage, in the tenant's scope.
struct SubscriberUsageQuery: Sendable {
    let database: PostgresPool

    /// This month's usage; nil when no session was recorded.
    func thisMonth(of subscriber: Subscriber, timeZone: String) throws -> SubscriberUsage? {
        let row = try database.scoped(toTenantID: subscriber.tenantID).query(
            """
            with month as (
                select (date_trunc('month', now() at time zone $3) at time zone $3) as starts
            )
            select count(*)::integer as sessions,
                coalesce(sum(greatest(0, extract(epoch from
                    least(coalesce(a.acctstoptime, now()), now()) - greatest(a.acctstarttime, month.starts)))), 0)::bigint
                    as seconds,
                coalesce(sum(coalesce(a.acctoutputoctets, 0)), 0)::bigint as down,
                coalesce(sum(coalesce(a.acctinputoctets, 0)), 0)::bigint as up,
                coalesce(bool_or(a.acctstoptime is null), false) as online
            from radacct a, month
            where a.tenant_id = $1 and a.username = $2 and a.acctstarttime is not null
                and a.acctstarttime <= now() and coalesce(a.acctstoptime, now()) >= month.starts
            """, subscriber.tenantID, subscriber.pppoeUsername, timeZone
        ).first
        guard let row, try row.decode("sessions", as: Int.self) > 0 else { return nil }
        return SubscriberUsage(
            sessions: try row.decode("sessions"), secondsOnline: try row.decode("seconds"), bytesDown: try row.decode("down"),
            bytesUp: try row.decode("up"), isOnline: try row.decode("online"))
    }

    /// The plan's download and upload rates in kbps; nil when the plan sends no rate limit.
    func speed(of subscriber: Subscriber) throws -> (down: Int, up: Int)? {
        let row = try database.scoped(toTenantID: subscriber.tenantID).query(
            "select download_kbps, upload_kbps from plans where tenant_id = $1 and id = $2", subscriber.tenantID,
            subscriber.planID
        ).first
        guard let row, let down = row.decode("download_kbps", as: Int?.self), let up = row.decode("upload_kbps", as: Int?.self)
        else { return nil }
        return (down, up)
    }
}
