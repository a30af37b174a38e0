import Foundation
import Postgres
import Templates

/// One tenant as its billing needs it: its calendar (time zone), its settings, where its pay links
/// point and how its messages read. Read inside the transaction that uses it.
struct BillingTenant: Sendable {
    let id: UUID
    let displayName: String
    /// The store's default language: subscribers have no language of their own.
    let language: Language
    let timeZoneIdentifier: String
    /// Where `/pay/<token>` is opened: the primary verified domain, else `<slug>.<BASE_DOMAIN>` (nil only
    /// for a base domain that is no host name, when the link is sent as a bare path).
    let store: StoreLocation?
    let prorateFirstInvoice: Bool
    let dueDays: Int
    let reminderDaysBefore: Int
    /// The tenant's own texts, keyed like the messages form's fields (`issued_en`).
    let texts: [String: String]
    /// More subscribers than one batch of the billing run: the run's reads of its subscribers and of its
    /// unpaid invoices are then planned for this tenant on every call (`BillingRun.invoice`, `remind`).
    let isLargerThanABatch: Bool

    var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Jakarta") ?? .current }

    /// - Returns: nil for a tenant without branding or billing settings (none exists after migration 0022).
    static func load(_ tenantID: UUID, baseDomain: String, on db: PostgresConnection) throws -> BillingTenant? {
        guard
            let row = try db.query(
                """
                select t.slug, t.name, b.display_name, b.default_locale, b.time_zone, s.prorate_first_invoice,
                    s.due_days, s.reminder_days_before,
                    (select d.domain from tenant_domains d
                     where d.tenant_id = t.id and d.is_primary and d.verified_at is not null) as primary_domain,
                    exists (select 1 from subscribers x where x.tenant_id = t.id offset $2) as larger_than_a_batch
                from tenants t
                join tenant_branding b on b.tenant_id = t.id
                join tenant_billing_settings s on s.tenant_id = t.id
                where t.id = $1
                """, tenantID, BillingRun.batchSize
            ).first
        else { return nil }
        var texts: [String: String] = [:]
        for text in try db.query("select kind, language, body from billing_message_texts where tenant_id = $1", tenantID) {
            texts[try text.decode("kind", as: String.self) + "_" + text.decode("language", as: String.self)] =
                try text.decode("body", as: String.self)
        }
        let displayName = try row.decode("display_name", as: String.self)
        return BillingTenant(
            id: tenantID, displayName: displayName.isEmpty ? try row.decode("name") : displayName,
            language: Language(rawValue: try row.decode("default_locale")) ?? .id,
            timeZoneIdentifier: try row.decode("time_zone"),
            store: StoreLocation(
                primaryDomain: row.decode("primary_domain", as: String?.self), slug: try row.decode("slug"),
                baseDomain: baseDomain),
            prorateFirstInvoice: try row.decode("prorate_first_invoice"), dueDays: try row.decode("due_days"),
            reminderDaysBefore: try row.decode("reminder_days_before"), texts: texts,
            isLargerThanABatch: try row.decode("larger_than_a_batch"))
    }

    /// The absolute pay link for `token`.
    func payLink(_ token: String) -> String {
        store?.url(Paths.payLink(token)) ?? Paths.payLink(token)
    }

    /// The message of `kind` about `invoice`, in the tenant's words or the built-in ones, with `token`'s link.
    func message(_ kind: BillingMessageKind, about invoice: BilledInvoice, token: String) -> String {
        let template = texts[AdminBillingMessagesView.Field.text(kind, language)] ?? language.billingStrings.defaultMessage(kind)
        let format = PortalFormatter(language: language, timeZoneIdentifier: timeZoneIdentifier)
        let values = [
            "name": invoice.subscriberName, "amount": Rupiah.format(invoice.amount),
            "due_date": format.days.day(invoice.dueDate.midnightUTC), "period": format.period(invoice.period),
            "invoice_number": invoice.number, "link": payLink(token), "isp": displayName,
        ]
        return Markdown.fillPlaceholders(template, values: values, escaping: { $0 })
    }
}

/// An invoice the billing run writes to its subscriber about.
struct BilledInvoice: Sendable, Hashable {
    let id: UUID
    let number: String
    let amount: Int64
    let period: String
    let dueDate: CalendarDay
    let subscriberName: String
    /// `+62…`, or empty: such a subscriber gets invoices but no messages.
    let phone: String

    /// Whom the invoice's WhatsApp messages go to; nil when the subscriber has no number, and so gets
    /// no message at all: every sender asks here.
    var recipient: String? { phone.isEmpty ? nil : phone }
}
