import Foundation
import Postgres
import TestSupport
import Testing

/// Money movements written straight into `payments`, as the webhook, the counter and a reseller
/// settlement leave them, at exact moments; and readers for the finance pages' figures.
enum FinanceFixtures {
    /// A `payments` row at `at` (ISO 8601 with its offset, so the test says which zone it means).
    static func payment(
        tenantID: UUID, subject: String, subjectID: UUID, amount: Int64, at: String, method: String = "gateway",
        status: String = "paid", note: String = ""
    ) throws {
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount, status,
                method, recorded_by, note, created_at, item)
            values ($1, $2::text, $3, case when $6 = 'gateway' then 'sandbox' else $6 end,
                case when $6 = 'gateway' then 'sbx_' || gen_random_uuid() end, $4, $5, $6::text,
                case when $6 <> 'gateway' then 'cashier@example.test' end, $7, $8::timestamptz, payment_item($1, $2::text, $3))
            """, tenantID, subject, subjectID, amount, status, method, note, at)
    }

    /// A busy store's March in Jakarta: `count` reseller settlements of Rp 1,000 in cash, `secondsApart`
    /// from its first midnight.
    static func busyMarch(tenantID: UUID, count: Int, secondsApart: Int) throws {
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, method, recorded_by,
                created_at)
            select $1::uuid, 'reseller', gen_random_uuid(), 'cash', 1000, 'paid', 'cash', 'cashier@example.test',
                timestamptz '2026-03-01 00:00:00+07' + n * make_interval(secs => $3::integer)
            from generate_series(0, $2::integer - 1) n
            """, tenantID, count, secondsApart)
    }

    /// Money in minus refunds in `[from, to)`: moments with their offsets, which the test chose itself.
    static func income(tenantID: UUID, from: String, to: String) throws -> Int64 {
        try TestDatabase.owner.query(
            """
            select coalesce(sum(case when status = 'refunded' then -amount else amount end), 0)::bigint as income
            from payments where tenant_id = $1 and created_at >= $2::timestamptz and created_at < $3::timestamptz
            """, tenantID, from, to
        ).first!.decode("income", as: Int64.self)
    }

    /// Expenses dated in `[from, to)`.
    static func expenses(tenantID: UUID, from: String, to: String) throws -> Int64 {
        try TestDatabase.owner.query(
            """
            select coalesce(sum(amount), 0)::bigint as spent from expenses
            where tenant_id = $1 and spent_on >= $2::date and spent_on < $3::date
            """, tenantID, from, to
        ).first!.decode("spent", as: Int64.self)
    }

    static func expenseCount(tenantID: UUID) throws -> Int {
        try TestDatabase.owner.query("select count(*) as n from expenses where tenant_id = $1", tenantID).first!
            .decode("n", as: Int.self)
    }

    /// `Rp 1.500.000` → 1500000, `-Rp 10.000` → -10000, inside its markup or not.
    static func rupiah(_ html: String) -> Int64? {
        let text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let negative = text.hasPrefix("-")
        guard let value = Int64(text.filter(\.isNumber)) else { return nil }
        return negative ? -value : value
    }

    /// The value of a `dl.summary` line: `<dt>label</dt><dd>value</dd>`.
    static func summary(_ label: String, in page: String) -> Int64? {
        guard let start = page.range(of: "<dt>\(label)</dt><dd>"), let end = page[start.upperBound...].range(of: "</dd>")
        else { return nil }
        return rupiah(String(page[start.upperBound..<end.lowerBound]))
    }

    /// Every cell of a stacked table labelled `label`, in order.
    static func cells(_ label: String, in page: String) -> [String] {
        var found: [String] = []
        var rest = page[...]
        while let start = rest.range(of: "data-label=\"\(label)\">"),
            let end = rest[start.upperBound...].range(of: "</td>")
        {
            found.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The chart's bars of one kind: day, amount and drawn width.
    static func bars(_ kind: String, in page: String) -> [(day: String, amount: Int64, width: Int)] {
        var found: [(String, Int64, Int)] = []
        var rest = page[...]
        while let start = rest.range(of: "<rect x=\"36\""), let end = rest[start.upperBound...].range(of: ">") {
            let tag = String(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
            guard tag.contains("class=\"\(kind)\""), let day = attribute("data-day", tag),
                let amount = attribute("data-amount", tag).flatMap({ Int64($0) }),
                let width = attribute("width", tag).flatMap({ Int($0) })
            else { continue }
            found.append((day, amount, width))
        }
        return found
    }

    private static func attribute(_ name: String, _ tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else {
            return nil
        }
        return String(tag[start.upperBound..<end])
    }
}
