/// A custom domain a tenant may add: a real host name of its own, normalised like a request's `Host`
/// (lower-case, no trailing dot, no leading `www.`) so that it is stored exactly as it will be looked up.
struct CustomDomainName: Sendable, Equatable {
    enum Problem: Error, Equatable {
        case invalid
        case ipAddress
        case underPlatformDomain
        case reserved
    }

    /// Top-level names that never reach the public internet (RFC 6761, RFC 6762, RFC 7686 and kin).
    static let reservedSuffixes = ["localhost", "local", "internal", "invalid", "arpa", "onion", "lan", "home"]

    let name: String

    init(_ typed: String, baseDomain: String) throws(Problem) {
        guard let host = HostName.normalise(typed.trimmingSpaces) else { throw .invalid }
        guard !host.isIPAddress else { throw .ipAddress }
        guard host.port == nil, host.name.contains(".") else { throw .invalid }
        let base = baseDomain.lowercased()
        guard host.name != base, !host.name.hasSuffix("." + base) else { throw .underPlatformDomain }
        let top = host.name.split(separator: ".").last.map(String.init) ?? ""
        guard !Self.reservedSuffixes.contains(top), host.name != "localhost" else { throw .reserved }
        // A top-level name is letters only: `shop.123` is an address in disguise or a typo.
        guard top.count >= 2, top.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw .invalid }
        name = host.name
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
