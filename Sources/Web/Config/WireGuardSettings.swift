import Foundation

/// The platform's side of the routers' WireGuard tunnels (`WIREGUARD_*`); nil in `AppConfig` when
/// `WIREGUARD_NETWORK` is unset, and then no router can be given a tunnel.
public struct WireGuardSettings: Sendable, Hashable {
    /// The pool's network address, IPv4 as a 32-bit number, and its prefix length.
    public var network: UInt32
    public var prefixLength: Int
    /// What the routers dial: a host name or an IPv4 address, with `port`.
    public var endpointHost: String
    public var port: Int
    /// Where the platform's private key is (made on first start when absent, mode 0600), unless the key
    /// itself is configured (`WIREGUARD_PRIVATE_KEY`).
    public var privateKeyFile: String
    public var privateKey: String?
    /// The server's wg-quick file, rewritten whenever a tunnel comes or goes.
    public var peersFile: String

    /// The server's own tunnel address: the pool's first host.
    public var serverAddress: String { Self.dotted(network &+ 1) }
    public var networkText: String { "\(Self.dotted(network))/\(prefixLength)" }

    static func dotted(_ address: UInt32) -> String {
        "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
    }

    /// `a.b.c.d` as a number, or nil for anything but a plain dotted IPv4 (the routers' form's rule).
    static func number(ofIPv4 text: String) -> UInt32? {
        guard let canonical = RadiusRouterEditor.Draft.canonicalIPv4(text) else { return nil }
        return canonical.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | (UInt32($1) ?? 0) }
    }
}

extension WireGuardSettings {
    /// Pools from /16 (65 533 routers) to /29: large enough for a platform, small enough to search.
    static let prefixLengths = 16...29

    static func read(from reader: inout EnvironmentReader, workingDirectory: String) -> WireGuardSettings? {
        let networkText = reader.string("WIREGUARD_NETWORK", default: "")
        guard !networkText.isEmpty else { return nil }
        let parts = networkText.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let address = number(ofIPv4: parts[0]), parts[1].utf8.count <= 2,
            let length = Int(parts[1]), prefixLengths.contains(length)
        else {
            reader.problems.append(
                "WIREGUARD_NETWORK=\(networkText) is not an IPv4 network from /16 to /29 (example: 10.66.0.0/16)")
            return nil
        }
        let mask = UInt32.max << UInt32(32 - length)
        let endpoint = reader.string("WIREGUARD_ENDPOINT", default: "")
        if endpoint.isEmpty || endpoint.utf8.count > 253
            || !endpoint.utf8.allSatisfy({
                $0 == 0x2E || $0 == 0x2D || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0)
            })
        {
            reader.problems.append(
                "WIREGUARD_ENDPOINT must be the host name or IPv4 address routers reach the platform at (example: vpn.example.com)")
        }
        let key = reader.string("WIREGUARD_PRIVATE_KEY", default: "")
        if !key.isEmpty && !WireGuardKey.isValid(key) {
            reader.problems.append("WIREGUARD_PRIVATE_KEY is not a WireGuard key (make one with: wg genkey)")
        }
        return WireGuardSettings(
            network: address & mask, prefixLength: length, endpointHost: endpoint.lowercased(),
            port: reader.integer("WIREGUARD_PORT", default: 51820, in: 1...65535),
            privateKeyFile: reader.path(
                "WIREGUARD_PRIVATE_KEY_FILE", default: ".data/wireguard/server.key", relativeTo: workingDirectory),
            privateKey: key.isEmpty ? nil : key,
            peersFile: reader.path("WIREGUARD_PEERS_FILE", default: ".data/wireguard/gerbang.conf", relativeTo: workingDirectory))
    }
}

/// A WireGuard key as `wg` writes it: 32 bytes in base64 (44 characters, one `=`).
enum WireGuardKey {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 44, bytes[43] == 0x3D else { return false }
        return bytes[0..<43].allSatisfy { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2B
                || byte == 0x2F
        }
    }
}
