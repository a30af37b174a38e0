import Foundation
import Postgres

/// One monthly bill of a subscriber.
struct Invoice: Sendable, Hashable, Identifiable {
    enum Status: String, Sendable {
        case unpaid, paid, void
    }

    let tenantID: UUID
    let id: UUID
    let number: String
    let subscriberID: UUID
    /// `YYYY-MM`
    let period: String
    let amount: Int64
    let currency: String
    let status: Status
    /// A calendar day; read as midnight UTC of that day.
    let dueDate: Date
    /// Taken at the counter so far (part payments); the rest is what a checkout charges.
    let counterPaid: Int64
    let voidedAt: Date?
    let voidReason: String?
    /// Platform-unique, what gateways are given as the reference (`IV…`).
    let paymentReference: String
    let gatewayID: UUID?
    let gatewayProvider: String?
    let gatewayReference: String?
    let checkoutURL: String?
    let createdAt: Date
    let paidAt: Date?
    /// Computed by PostgreSQL (`invoice_is_overdue`) in the tenant's zone at query time.
    let isOverdue: Bool

    init(row: PostgresRow) throws {
        tenantID = try row.decode("tenant_id", as: UUID.self)
        id = try row.decode("id", as: UUID.self)
        number = try row.decode("invoice_number", as: String.self)
        subscriberID = try row.decode("subscriber_id", as: UUID.self)
        period = try row.decode("period", as: String.self)
        amount = try row.decode("amount", as: Int64.self)
        currency = try row.decode("currency", as: String.self)
        let status = try row.decode("status", as: String.self)
        guard let known = Status(rawValue: status) else {
            throw PostgresError(.decoding, "unknown invoice status \(status)")
        }
        self.status = known
        dueDate = try row.decode("due_date", as: Date.self)
        paymentReference = try row.decode("payment_reference", as: String.self)
        gatewayID = row.decode("gateway_id", as: UUID?.self)
        gatewayProvider = row.decode("gateway_provider", as: String?.self)
        gatewayReference = row.decode("gateway_reference", as: String?.self)
        checkoutURL = row.decode("checkout_url", as: String?.self)
        createdAt = try row.decode("created_at", as: Date.self)
        paidAt = row.decode("paid_at", as: Date?.self)
        counterPaid = row.decode("counter_paid", as: Int64?.self) ?? 0
        voidedAt = row.decode("voided_at", as: Date?.self)
        voidReason = row.decode("void_reason", as: String?.self)
        isOverdue = try row.decode("is_overdue", as: Bool.self)
    }

    /// `(2026, 11)` from `2026-11`.
    var yearAndMonth: (year: Int, month: Int) {
        let parts = period.split(separator: "-")
        return (Int(parts.first ?? "") ?? 1970, Int(parts.last ?? "") ?? 1)
    }
}

/// One money movement for an invoice, from the append-only `payments` table.
struct InvoicePayment: Sendable, Hashable {
    let invoiceNumber: String
    let period: String
    let amount: Int64
    let gatewayProvider: String
    let status: String
    let createdAt: Date
}
