/// The WhatsApp messages of an invoice's life, sent by the billing run once each: the new invoice, the
/// reminder some days before its due date, the one on the due date, and the one after isolation.
public enum BillingMessageKind: String, CaseIterable, Sendable {
    case issued
    case beforeDue = "before_due"
    case due
    case isolated

    /// The `{{name}}` placeholders a message text may use, in the order the editor lists them.
    public static let placeholders = ["name", "amount", "due_date", "period", "invoice_number", "link", "isp"]
}
