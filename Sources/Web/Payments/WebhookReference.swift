/// Where each gateway puts our reference (an order number `EV…` or an invoice's `IV…`) in its webhook
/// body. Read before verification, only to find which order or invoice (and so which account's key)
/// to verify with: never trusted on its own.
enum WebhookReference {
    static func field(for provider: PaymentProvider) -> String {
        switch provider {
        case .midtrans: "order_id"
        case .xendit: "external_id"
        case .sandbox: "reference"
        }
    }

    /// What the claimed reference names: the order or invoice kind, nil for a reference of neither shape.
    static func subject(of reference: String) -> PaymentSubject? {
        PaymentSubject(reference: reference)
    }

    /// The claimed reference, or nil when the body is not JSON or does not name one.
    static func peek(provider: PaymentProvider, body: [UInt8]) -> String? {
        guard let json = GatewayJSON(bytes: body), let reference = json.nonEmptyString(field(for: provider)),
            reference.utf8.count <= 64
        else { return nil }
        return reference
    }
}
