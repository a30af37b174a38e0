import Foundation

/// Where a tenant's live store answers: its primary verified domain, else `<slug>.<BASE_DOMAIN>`.
/// `https` for real domains; `http` for development names (`localhost`, `*.localhost`, `*.test`),
/// which never get a public certificate.
public struct StoreLocation: Sendable, Hashable {
    public let scheme: String
    /// Lower-case host name: letters, digits, `-` and `.` only, so it is safe in a RouterOS script.
    public let host: String
    public let port: Int?

    public init?(scheme: String, host: String, port: Int? = nil) {
        let host = host.lowercased()
        guard ["http", "https"].contains(scheme), Self.isHostName(host) else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The store of a tenant without an explicit URL.
    public init?(primaryDomain: String?, slug: String, baseDomain: String) {
        let host = primaryDomain ?? "\(slug).\(baseDomain)"
        let isDevelopment = host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".test")
        self.init(scheme: isDevelopment ? "http" : "https", host: host)
    }

    /// An explicit `--store-url` (`http://demo.localhost:8080`); its path is ignored.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host
        else { return nil }
        self.init(scheme: scheme, host: host, port: components.port)
    }

    /// `https://wifi.example.id` with the port when it is not the default.
    public var origin: String {
        port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// An absolute URL on the store for a site path such as `/portal`.
    public func url(_ path: String) -> String {
        origin + (path.hasPrefix("/") ? path : "/" + path)
    }

    static func isHostName(_ host: String) -> Bool {
        guard !host.isEmpty, host.utf8.count <= 253, !host.hasPrefix("."), !host.hasPrefix("-") else { return false }
        return host.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }
}
