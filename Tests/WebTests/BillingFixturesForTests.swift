import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// Subscribers with a billing day and an installation date, the billing run at an injected moment, and
/// what it wrote, for the billing tests. Every run is confined to the test's own tenant.
enum BillingFixtures {
    /// A moment given as local time in Jakarta (`2027-02-28 08:00`).
    static func jakarta(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @discardableResult
    static func run(_ tenantID: UUID, at moment: String) throws -> BillingRun.Round {
        try BillingRun(database: TestDatabase.owner, baseDomain: "localhost").run(now: jakarta(moment), tenantID: tenantID)
    }

    @discardableResult
    static func subscriber(
        tenantID: UUID, billingDay: Int, installed: String?, status: String = "active", phone: String = ""
    ) throws -> PortalFixtures.Subscriber {
        let subscriber = try PortalFixtures.subscriber(tenantID: tenantID, status: status)
        try TestDatabase.owner.query(
            "update subscribers set billing_day = $2, installation_date = $3::date, phone = $4 where id = $1",
            subscriber.id, billingDay, installed, phone)
        return subscriber
    }

    static func settings(_ tenantID: UUID, prorate: Bool = false, dueDays: Int = 10, reminderDays: Int = 3) throws {
        try TestDatabase.owner.query(
            """
            update tenant_billing_settings set prorate_first_invoice = $2, due_days = $3, reminder_days_before = $4
            where tenant_id = $1
            """, tenantID, prorate, dueDays, reminderDays)
    }

    struct Billed: Equatable, CustomStringConvertible {
        let number: String
        let period: String
        let amount: Int64
        let dueDate: String

        var description: String { "\(number) \(period) \(amount) due \(dueDate)" }
    }

    /// The subscriber's invoices, oldest period first.
    static func invoices(_ subscriber: PortalFixtures.Subscriber) throws -> [Billed] {
        try TestDatabase.owner.query(
            """
            select invoice_number, period, amount, to_char(due_date, 'YYYY-MM-DD') as due from invoices
            where subscriber_id = $1 order by period, invoice_number
            """, subscriber.id
        ).map {
            Billed(
                number: try $0.decode("invoice_number"), period: try $0.decode("period"), amount: try $0.decode("amount"),
                dueDate: try $0.decode("due"))
        }
    }

    /// Every invoice number of the tenant, in order.
    static func numbers(_ tenantID: UUID) throws -> [String] {
        try TestDatabase.owner.query(
            "select invoice_number from invoices where tenant_id = $1 order by invoice_number", tenantID
        ).map { try $0.decode("invoice_number", as: String.self) }
    }

    /// `INV-2027-000001` … for `count` invoices of 2027.
    static func gapless(_ count: Int, year: Int = 2027) -> [String] {
        (1...max(count, 1)).prefix(count).map { String(format: "INV-%04d-%06d", year, $0) }
    }
}
