/// Where the outbox's WhatsApp messages (the buyer's voucher codes) go, read from `WHATSAPP_*` and
/// `FONNTE_*`. The platform's senders are off by default: then only tenants with numbers of their own
/// (`/admin/whatsapp`) get messages sent, and the others' wait in `notifications`.
public struct WhatsAppSettings: Sendable {
    public enum Provider: String, Sendable, CaseIterable {
        case off, fonnte
    }

    /// One of the platform's Fonnte devices: the number it links sends the messages.
    public struct Sender: Sendable, Equatable {
        public var name: String
        public var token: String
        /// How many messages it is handed per minute, across every instance.
        public var perMinute: Int
    }

    public var provider: Provider
    /// The Fonnte device token (Fonnte's device list) of the single-sender setting (`FONNTE_TOKEN`).
    public var fonnteToken: String
    public var fonnteAPIURL: String
    /// How often each instance looks for due messages; a buyer waits about this long for the codes.
    public var pollInterval: Duration
    /// Whether this process sends at all (`WHATSAPP_SEND`); false leaves the outbox to other instances.
    public var sendsFromThisProcess: Bool
    /// The platform's devices: `FONNTE_TOKEN` as `fonnte`, then each of `WHATSAPP_SENDERS`; empty when off.
    public var senders: [Sender]

    /// Whether the platform sends for tenants without a number of their own.
    public var hasPlatformSender: Bool { provider != .off }

    init(reading reader: inout EnvironmentReader) {
        provider = reader.choice("WHATSAPP_PROVIDER", default: .off)
        fonnteToken = reader.string("FONNTE_TOKEN", default: "")
        fonnteAPIURL = reader.optionalURL("FONNTE_API_URL") ?? "https://api.fonnte.com"
        pollInterval = .seconds(reader.integer("WHATSAPP_POLL_SECONDS", default: 2, in: 1...600))
        sendsFromThisProcess = reader.boolean("WHATSAPP_SEND", default: true)
        let perMinute = reader.integer("FONNTE_PER_MINUTE", default: 120, in: 1...1000)
        let listed = Self.senders(reader.string("WHATSAPP_SENDERS", default: ""), problems: &reader.problems)
        senders = []
        guard provider == .fonnte else {
            if !listed.isEmpty { reader.problems.append("WHATSAPP_SENDERS is set but WHATSAPP_PROVIDER is not fonnte") }
            return
        }
        if !fonnteToken.isEmpty { senders.append(Sender(name: "fonnte", token: fonnteToken, perMinute: perMinute)) }
        senders += listed
        if senders.isEmpty {
            reader.problems.append(
                "FONNTE_TOKEN is not set (WHATSAPP_PROVIDER=fonnte sends with a device token from Fonnte, "
                    + "or with the devices listed in WHATSAPP_SENDERS)")
        }
    }

    /// `WHATSAPP_SENDERS`: devices separated by spaces, each `name:per-minute:token` (a token has no
    /// spaces, and may hold colons: everything after the second is the token).
    static func senders(_ text: String, problems: inout [String]) -> [Sender] {
        var senders: [Sender] = []
        for entry in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let parts = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let perMinute = Int(parts[1]), (1...1000).contains(perMinute),
                (1...40).contains(parts[0].count), parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                (8...200).contains(parts[2].count)
            else {
                let name = entry.split(separator: ":").first.map(String.init) ?? ""
                problems.append(
                    "WHATSAPP_SENDERS: \"\(name.prefix(40))…\" is not name:per-minute:token (a name of letters, digits, "
                        + "- or _; 1 to 1000 per minute; a token of 8 to 200 characters)")
                continue
            }
            senders.append(Sender(name: String(parts[0]), token: String(parts[2]), perMinute: perMinute))
        }
        if Set(senders.map(\.name)).count < senders.count { problems.append("WHATSAPP_SENDERS names a sender twice") }
        return senders
    }
}
