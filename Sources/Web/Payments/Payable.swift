import Foundation

/// An order or an invoice as the payment path sees it: what to charge, under which reference, and the
/// checkout opened for it (whose account the webhook verifies with).
protocol Payable: Sendable {
    static var subject: PaymentSubject { get }
    var tenantID: UUID { get }
    var id: UUID { get }
    /// `EV…` or `IV…`: platform-unique, what gateways are given as their order id.
    var paymentReference: String { get }
    /// What a payment must bring now: an order's amount, an invoice's amount less what the counter took.
    var amountDue: Int64 { get }
    var currency: String { get }
    /// Still waiting for money, so a checkout may be opened for it.
    var awaitsPayment: Bool { get }
    /// Paid already: nothing a gateway says can change it.
    var isPaid: Bool { get }
    var gatewayID: UUID? { get }
    var gatewayProvider: String? { get }
    var gatewayReference: String? { get }
    var checkoutURL: String? { get }
}

extension VoucherOrder: Payable {
    static var subject: PaymentSubject { .order }
    var paymentReference: String { number }
    var amountDue: Int64 { amount }
    var awaitsPayment: Bool { effectiveStatus() == .pending }
    var isPaid: Bool { status == .paid }
}

extension Invoice: Payable {
    static var subject: PaymentSubject { .invoice }
    var amountDue: Int64 { max(amount - counterPaid, 0) }
    var awaitsPayment: Bool { status == .unpaid }
    var isPaid: Bool { status == .paid }
}
