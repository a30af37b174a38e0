import Foundation
import Postgres

/// A monthly (PPPoE) customer of one tenant.
struct Subscriber: Sendable, Hashable, Identifiable {
    enum Status: String, Sendable {
        case active
        /// Cut off for non-payment: RADIUS puts the PPPoE user in the tenant's isolation group.
        case isolated
        /// Paused by the ISP (a move, a holiday): no login, no invoices, until restored.
        case suspended
        /// Ended; the soft delete. Its invoices and history stay, and the ISP can restore it.
        case terminated
    }

    let tenantID: UUID
    let id: UUID
    let customerNumber: String
    let pppoeUsername: String
    let name: String
    let phone: String
    let email: String
    let address: String
    let planID: UUID
    let planName: String
    let planRadiusGroup: String
    let monthlyPrice: Int64
    let billingDay: Int
    let status: Status

    /// Reads the columns of `subscribers_with_plan` (a subscriber with its plan's name, group and price).
    init(row: PostgresRow) throws {
        tenantID = try row.decode("tenant_id", as: UUID.self)
        id = try row.decode("id", as: UUID.self)
        customerNumber = try row.decode("customer_number", as: String.self)
        pppoeUsername = try row.decode("pppoe_username", as: String.self)
        name = try row.decode("name", as: String.self)
        phone = try row.decode("phone", as: String.self)
        email = try row.decode("email", as: String.self)
        address = try row.decode("address", as: String.self)
        planID = try row.decode("plan_id", as: UUID.self)
        planName = try row.decode("plan_name", as: String.self)
        planRadiusGroup = try row.decode("plan_radius_group", as: String.self)
        monthlyPrice = try row.decode("monthly_price", as: Int64.self)
        billingDay = try row.decode("billing_day", as: Int.self)
        let status = try row.decode("status", as: String.self)
        guard let known = Status(rawValue: status) else {
            throw PostgresError(.decoding, "unknown subscriber status \(status)")
        }
        self.status = known
    }
}
