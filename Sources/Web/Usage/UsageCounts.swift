import Foundation

/// What one tenant used in one month, as counted by one instance since its last flush.
struct UsageCounts: Sendable, Hashable {
    var pageViews: Int64 = 0
    var orders: Int64 = 0
    var paidOrders: Int64 = 0
    var paidAmount: Int64 = 0
    var webhookCalls: Int64 = 0

    var isEmpty: Bool { self == UsageCounts() }

    static func += (lhs: inout UsageCounts, rhs: UsageCounts) {
        lhs.pageViews += rhs.pageViews
        lhs.orders += rhs.orders
        lhs.paidOrders += rhs.paidOrders
        lhs.paidAmount += rhs.paidAmount
        lhs.webhookCalls += rhs.webhookCalls
    }
}

/// One tenant's usage in one UTC month, summed over every instance's flushed batches.
public struct TenantUsage: Sendable, Hashable {
    public let tenantID: UUID
    public let slug: String
    public let name: String
    /// Successful HTML pages served on the tenant's site (`GET`, 2xx).
    public let pageViews: Int64
    /// Voucher orders placed (`POST /orders` answered with the redirect to the gateway).
    public let orders: Int64
    /// Voucher orders that became paid.
    public let paidOrders: Int64
    /// Rupiah received through the platform: paid voucher orders and paid invoices.
    public let paidAmount: Int64
    /// Webhook deliveries whose reference named one of the tenant's orders or invoices.
    public let webhookCalls: Int64
}
