import Foundation
import Synchronization

/// Builds the handler's `HTTPRequest`, believing `X-Forwarded-*` and `X-Request-Id` only from trusted proxies.
struct ForwardedHeaders: Sendable {
    let trustedProxies: [IPAddressRange]

    func isTrusted(_ address: String) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    func request(head: HTTPRequestHead, body: [UInt8], peerAddress: String) -> HTTPRequest {
        var clientAddress = peerAddress
        var isSecure = false
        var host = head.headers["Host"]
        var id: String?
        if isTrusted(peerAddress) {
            let headers = head.headers
            if let forwardedFor = clientFromForwardedFor(headers.values("X-Forwarded-For")) {
                clientAddress = forwardedFor
            }
            if let proto = Self.listItems(headers.values("X-Forwarded-Proto")).last {
                isSecure = proto.lowercased() == "https"
            }
            if let forwardedHost = Self.listItems(headers.values("X-Forwarded-Host")).last {
                host = forwardedHost
            }
            if let given = headers["X-Request-Id"], Self.isUsableRequestID(given) {
                id = given
            }
        }
        return HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers, body: body,
            id: id ?? RequestID.next(), peerAddress: peerAddress, clientAddress: clientAddress, isSecure: isSecure,
            host: host)
    }

    /// Each proxy appends the address it saw, so only the right-most entry not added by our own proxies
    /// is trustworthy; entries further left may be forged by the client.
    private func clientFromForwardedFor(_ values: [String]) -> String? {
        let items = Self.listItems(values)
        for item in items.reversed() {
            guard IPAddressRange.isAddress(item) else { return nil }
            if !isTrusted(item) { return item }
        }
        return items.first
    }

    private static func listItems(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Ids end up in logs and error pages, so only short, plain tokens are passed through.
    private static func isUsableRequestID(_ id: String) -> Bool {
        let letter = { (byte: UInt8) in byte | 0x20 >= 97 && byte | 0x20 <= 122 }
        let digit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
        return (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy {
                letter($0) || digit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
    }
}

/// Request ids: a random per-process prefix and a counter. Unique and cheap; not a secret.
enum RequestID {
    /// The process's own 32 bits, the high half of each of its ids.
    private static let prefix: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return UInt64(UInt32.random(in: .min ... .max, using: &generator)) << 32
    }()
    private static let counter = Atomic<UInt64>(0)

    /// Sixteen hex digits: the process's prefix, then its count of requests.
    static func next() -> String {
        let value = counter.add(1, ordering: .relaxed).newValue
        return hex(prefix | (value & 0xFFFF_FFFF), digits: 16)
    }

    /// `value`'s last `digits` hex digits, zero-padded, written straight into the string: every request
    /// gets an id, and formatting and padding through intermediate strings showed in its profile.
    private static func hex(_ value: UInt64, digits: Int) -> String {
        String(unsafeUninitializedCapacity: digits) { buffer in
            for index in 0..<digits {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(4 * (digits - 1 - index))) & 0xF
                buffer[index] = nibble < 10 ? 48 + nibble : 87 + nibble
            }
            return digits
        }
    }
}
