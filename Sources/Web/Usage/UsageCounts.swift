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
