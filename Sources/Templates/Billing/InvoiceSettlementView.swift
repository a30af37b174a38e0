/// The admin invoice page's counter section: what has been paid and is still owed, the form to record
/// a cash or bank-transfer payment, and the form to void the invoice (each only while it applies).
public struct InvoiceSettlementView: Sendable, Hashable {
    /// Form field names, shared by the page and the controller that reads the post.
    public enum Field {
        public static let csrf = "_csrf"
        public static let amount = "amount"
        public static let method = "method"
        public static let reference = "reference"
        public static let reason = "reason"
    }

    public let paidSoFar: String
    public let stillOwed: String
    /// Nil when the invoice is paid or void.
    public let paymentPath: String?
    /// Nil unless the invoice is unpaid with no money against it.
    public let voidPath: String?
    /// When and why it was voided, for a void invoice.
    public let voided: [SummaryLine]
    public let payment: FormState
    public let void: FormState
    /// A confirmation after a redirect, or a refusal that belongs to no field.
    public let notice: String?
    public let problem: String?
    public let csrfToken: String

    public init(
        paidSoFar: String, stillOwed: String, paymentPath: String?, voidPath: String?, voided: [SummaryLine],
        payment: FormState, void: FormState, notice: String?, problem: String?, csrfToken: String
    ) {
        self.paidSoFar = paidSoFar
        self.stillOwed = stillOwed
        self.paymentPath = paymentPath
        self.voidPath = voidPath
        self.voided = voided
        self.payment = payment
        self.void = void
        self.notice = notice
        self.problem = problem
        self.csrfToken = csrfToken
    }
}
