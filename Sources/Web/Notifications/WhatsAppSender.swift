/// Hands one WhatsApp text to a provider. Each implementation speaks one provider's documented API;
/// the outbox's delivery job decides when to try and what a failure means.
protocol WhatsAppSender: Sendable {
    /// - Parameter recipient: the number as the outbox stores it, E.164 with the plus (`+6281234567890`).
    /// - Returns: the provider's id for the message, when it gives one.
    /// - Throws: why the provider did not take the message; it is tried again later.
    func send(_ text: String, to recipient: String) throws(DeliveryFailure) -> String?
}

/// Why a provider did not take a message, in words fit for the outbox's `last_error` (never a credential).
struct DeliveryFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
