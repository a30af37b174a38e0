import Synchronization

/// Webhook deliveries by provider and outcome (`processed`, `duplicate`, `ignored`, `rejected`,
/// `failed`), read from the answer the webhook endpoint gives the gateway.
final class WebhookMetrics: Sendable {
    struct Series: Hashable, Sendable, Comparable {
        let provider: String
        let outcome: String

        static func < (lhs: Series, rhs: Series) -> Bool {
            (lhs.provider, lhs.outcome) < (rhs.provider, rhs.outcome)
        }
    }

    /// Both label sets are closed: a made-up provider in the URL or an unexpected answer is `other`.
    static let providers: Set<String> = Set(PaymentProvider.allCases.map(\.rawValue))
    static let outcomes: Set<String> = ["processed", "duplicate", "ignored", "rejected", "failed"]

    private let counts = Mutex([Series: UInt64]())

    /// `path` is the request path (`/payments/webhook/{provider}`), `body` the JSON answer
    /// (`{"outcome":"processed",…}`, keys sorted).
    func record(path: String, body: [UInt8]) {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let provider = Self.providers.contains(name) ? name : "other"
        let outcome = Self.outcome(in: body).flatMap { Self.outcomes.contains($0) ? $0 : nil } ?? "other"
        counts.withLock { $0[Series(provider: provider, outcome: outcome), default: 0] &+= 1 }
    }

    var snapshot: [Series: UInt64] { counts.withLock { $0 } }

    private static let marker = Array(#""outcome":""#.utf8)

    /// The value of the `outcome` key, found without a JSON parser: the answer is ours and tiny.
    static func outcome(in body: [UInt8]) -> String? {
        guard body.count >= marker.count, body.count <= 1024 else { return nil }
        for start in 0...(body.count - marker.count) where body[start..<(start + marker.count)].elementsEqual(marker) {
            let valueStart = start + marker.count
            guard let end = body[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: body[valueStart..<end], as: UTF8.self)
        }
        return nil
    }
}
