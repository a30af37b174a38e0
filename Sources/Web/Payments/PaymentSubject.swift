/// What a payment pays for. Orders and invoices take one payment path (checkout, sandbox page,
/// webhook, fulfilment); only the last step differs. The raw value is what `payments.subject` holds.
enum PaymentSubject: String, Sendable, Hashable, CaseIterable {
    case order, invoice

    /// The subject a reference names, from its shape: `EV` + 12 is an order number, `IV` + 12 an
    /// invoice's payment reference (both drawn from `RandomToken.code`'s upper-case alphabet).
    init?(reference: String) {
        let bytes = Array(reference.utf8)
        guard bytes.count == 14, bytes[1] == UInt8(ascii: "V"),
            bytes.dropFirst(2).allSatisfy({ (48...57).contains($0) || (65...90).contains($0) })
        else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "E"): self = .order
        case UInt8(ascii: "I"): self = .invoice
        default: return nil
        }
    }
}
