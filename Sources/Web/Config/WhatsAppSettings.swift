/// Where the outbox's WhatsApp messages (the buyer's voucher codes) go, read from `WHATSAPP_*` and
/// `FONNTE_*`. The platform's sender is off by default: then only tenants with their own number
/// (`/admin/whatsapp`) get messages sent, and the others' wait in `notifications`.
public struct WhatsAppSettings: Sendable {
    public enum Provider: String, Sendable, CaseIterable {
        case off, fonnte
    }

    public var provider: Provider
    /// The Fonnte device token (Fonnte's device list); the number that device links sends the messages.
    public var fonnteToken: String
    public var fonnteAPIURL: String
    /// How often each instance looks for due messages; a buyer waits about this long for the codes.
    public var pollInterval: Duration
    /// Whether this process sends at all (`WHATSAPP_SEND`); false leaves the outbox to other instances.
    public var sendsFromThisProcess: Bool

    /// Whether the platform sends for tenants without a number of their own.
    public var hasPlatformSender: Bool { provider != .off }

    init(reading reader: inout EnvironmentReader) {
        provider = reader.choice("WHATSAPP_PROVIDER", default: .off)
        fonnteToken = reader.string("FONNTE_TOKEN", default: "")
        fonnteAPIURL = reader.optionalURL("FONNTE_API_URL") ?? "https://api.fonnte.com"
        pollInterval = .seconds(reader.integer("WHATSAPP_POLL_SECONDS", default: 2, in: 1...600))
        sendsFromThisProcess = reader.boolean("WHATSAPP_SEND", default: true)
        if provider == .fonnte, fonnteToken.isEmpty {
            reader.problems.append("FONNTE_TOKEN is not set (WHATSAPP_PROVIDER=fonnte sends with a device token from Fonnte)")
        }
    }
}
