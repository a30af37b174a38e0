import Foundation
import Postgres

/// The tenant's subscribers and invoices as CSV records, read in pages of `pageSize` by key so a large
/// list never sits in one query result; the file as a whole is capped at `maxRows`.
struct SubscriberExportQuery: Sendable {
    static let pageSize = 2_000
    static let maxRows = 200_000

    /// The columns of the subscriber file, the names the import reads back.
    static let subscriberColumns = [
        "customer_number", "name", "phone", "email", "address", "pppoe_username", "pppoe_password", "plan",
        "billing_day", "installation_date", "status", "notes",
    ]
    static let invoiceColumns = [
        "invoice_number", "customer_number", "customer_name", "period", "amount", "status", "due_date", "created_at",
        "paid_at", "voided_at", "void_reason",
    ]

    enum Refusal: Error {
        case tooManyRows
    }

    let database: PostgresPool

    /// Every subscriber of the tenant (terminated ones too: `status` says so) with its PPPoE password as
    /// RADIUS holds it; the export is audited, since the file carries those passwords.
    func subscribers(for tenant: Tenant, by actor: AuditActor) throws -> [UInt8] {
        try database.scoped(to: tenant).transaction { db in
            let total =
                try db.query("select count(*) as n from subscribers where tenant_id = $1", tenant.id)
                .first?.decode("n", as: Int.self) ?? 0
            guard total <= Self.maxRows else { throw Refusal.tooManyRows }
            var body = Self.start(Self.subscriberColumns)
            var after = ""
            while true {
                let rows = try db.query(
                    """
                    select s.customer_number, s.name, s.phone, s.email, s.address, s.pppoe_username,
                        coalesce(c.value, '') as pppoe_password, s.plan_name, s.billing_day::text as billing_day,
                        coalesce(s.installation_date::text, '') as installation_date, s.status, s.notes
                    from subscribers_with_plan s
                        left join radcheck c on c.tenant_id = s.tenant_id and c.username = s.pppoe_username
                            and c.attribute = 'Cleartext-Password'
                    where s.tenant_id = $1 and s.customer_number > $2
                    order by s.customer_number limit $3
                    """, tenant.id, after, Self.pageSize)
                for row in rows {
                    let cells = try [
                        "customer_number", "name", "phone", "email", "address", "pppoe_username", "pppoe_password",
                        "plan_name", "billing_day", "installation_date", "status", "notes",
                    ].map { try row.decode($0, as: String.self) }
                    body += Array(CSVText.line(cells).utf8)
                    after = cells.first ?? after
                }
                if rows.count < Self.pageSize { break }
            }
            try db.query(
                """
                select audit($1, $2, $4, 'subscriber.export', 'subscribers.csv', null, jsonb_build_object('rows', $3::integer))
                """, tenant.id, actor.email, total, actor.clientAddress)
            return body
        }
    }

    /// The tenant's invoices that the admin list's search and status filter select, by invoice number;
    /// times in the tenant's time zone.
    func invoices(_ request: AdminListRequest, for tenant: Tenant) throws -> [UInt8] {
        try database.scoped(to: tenant).transaction { db in
            var body = Self.start(Self.invoiceColumns)
            var after = ""
            var count = 0
            while true {
                let rows = try db.query(
                    """
                    select i.invoice_number, s.customer_number, s.name as customer_name, i.period, i.amount::text as amount,
                        case when invoice_is_overdue(i.status, i.due_date, b.time_zone)
                            then 'overdue' else i.status end as status,
                        i.due_date::text as due_date,
                        to_char(i.created_at at time zone b.time_zone, 'YYYY-MM-DD HH24:MI') as created_at,
                        coalesce(to_char(i.paid_at at time zone b.time_zone, 'YYYY-MM-DD HH24:MI'), '') as paid_at,
                        coalesce(to_char(i.voided_at at time zone b.time_zone, 'YYYY-MM-DD HH24:MI'), '') as voided_at,
                        coalesce(i.void_reason, '') as void_reason
                    from invoices i
                        join subscribers s on s.tenant_id = i.tenant_id and s.id = i.subscriber_id
                        join tenant_branding b on b.tenant_id = i.tenant_id
                    where i.tenant_id = $1 and i.invoice_number > $5
                        and ($2::text is null or i.invoice_number = $2 or s.customer_number = $2 or s.phone = $3)
                        and ($4::text is null or i.status = $4
                            or ($4 = 'overdue' and invoice_is_overdue(i.status, i.due_date, b.time_zone)))
                    order by i.invoice_number limit $6
                    """, tenant.id, request.number, request.phone, request.statusFilter, after, Self.pageSize)
                count += rows.count
                guard count <= Self.maxRows else { throw Refusal.tooManyRows }
                for row in rows {
                    let cells = try Self.invoiceColumns.map { try row.decode($0, as: String.self) }
                    body += Array(CSVText.line(cells).utf8)
                    after = cells.first ?? after
                }
                if rows.count < Self.pageSize { break }
            }
            return body
        }
    }

    /// The byte-order mark (so Excel reads the file as UTF-8) and the header.
    private static func start(_ columns: [String]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(CSVText.line(columns).utf8)
    }
}
