import Foundation
import Postgres
import Templates

/// What a code has used so far, from `radacct` as FreeRADIUS writes it from the routers' accounting:
/// the same numbers FreeRADIUS's counters refuse a log-in on.
struct VoucherUsage: Sendable, Hashable {
    /// The start of its first session; nil for a code never used.
    let firstLogin: Date?
    let bytesUsed: Int64
    let isOnline: Bool

    /// When the code stops working: validity from its first log-in, or from the payment. Nil while a
    /// first-login code is unused (its clock has not started).
    func validUntil(_ order: VoucherOrder) -> Date? {
        let start = order.validityFromPurchase ? order.paidAt : firstLogin
        return start.map { $0.addingTimeInterval(TimeInterval(order.validityMinutes) * 60) }
    }

    /// One line for the buyer's and the admin's order pages: `In use since 5 Dec 14:00 · 3 hours left ·
    /// 512 MB of data left`, `Not used yet`, `Expired`, `Used up`.
    func summary(_ order: VoucherOrder, now: Date, words: AdminRadiusStrings, strings: Strings, dates: DateText) -> String {
        let until = validUntil(order)
        if let until, until <= now { return words.codeExpired }
        let quotaBytes = order.dataQuotaMB.map { $0 * 1_048_576 }
        if let quotaBytes, bytesUsed >= quotaBytes { return words.codeUsedUp }
        var parts = [firstLogin.map { words.codeInUseSince(dates.dayAndTime($0)) } ?? words.codeUnused]
        if isOnline { parts.append(words.codeOnlineNow) }
        if let until {
            let minutes = Int(until.timeIntervalSince(now) / 60)
            let left =
                minutes >= 1_440
                ? strings.validityDays(minutes / 1_440)
                : minutes >= 60 ? strings.validityHours(minutes / 60) : strings.validityMinutes(max(minutes, 1))
            parts.append(words.codeTimeLeft(left))
        }
        if let quotaBytes {
            parts.append(words.codeDataLeft(VoucherProfile.dataSize(megabytes: (quotaBytes - bytesUsed) / 1_048_576)))
        }
        return parts.joined(separator: " · ")
    }
}

/// Reads codes' usage from `radacct`, in the tenant's scope (sessions carry the router's tenant).
struct VoucherUsageQuery: Sendable {
    let database: PostgresPool

    func usage(of codes: [String], for tenant: Tenant) throws -> [String: VoucherUsage] {
        guard !codes.isEmpty else { return [:] }
        var usage: [String: VoucherUsage] = [:]
        for row in try database.scoped(to: tenant).query(
            """
            select username, min(acctstarttime) as first_login,
                coalesce(sum(coalesce(acctinputoctets, 0) + coalesce(acctoutputoctets, 0)), 0)::bigint as bytes,
                bool_or(acctstoptime is null) as online
            from radacct where tenant_id = $1 and username = any($2::text[]) group by username
            """, tenant.id, codes)
        {
            usage[try row.decode("username", as: String.self)] = VoucherUsage(
                firstLogin: row.decode("first_login", as: Date?.self), bytesUsed: try row.decode("bytes", as: Int64.self),
                isOnline: try row.decode("online", as: Bool.self))
        }
        return usage
    }

    /// Each code's summary line; a code with no session yet is unused.
    func summaries(of codes: [String], order: VoucherOrder, context: TenantContext) throws -> [String: String] {
        let found = try usage(of: codes, for: context.tenant)
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let unused = VoucherUsage(firstLogin: nil, bytesUsed: 0, isOnline: false)
        let now = Date()
        return Dictionary(
            codes.map { code in
                (
                    code,
                    (found[code] ?? unused).summary(
                        order, now: now, words: context.language.adminRadiusStrings, strings: context.chrome.strings,
                        dates: dates)
                )
            }, uniquingKeysWith: { first, _ in first })
    }
}
