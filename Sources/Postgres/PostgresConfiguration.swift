import Foundation

/// Where and how to connect, parsed from a `postgresql://` URL.
///
/// Session settings (encoding, time zone, date style, statement timeout, no JIT) travel in the
/// startup packet's `options`, so they hold behind a transaction-mode pooler such as
/// pgbouncer, where a session-level `SET` would leak between clients.
public struct PostgresConfiguration: Sendable {
    public var host: String
    public var port: Int?
    public var user: String
    public var password: String?
    public var database: String
    public var poolSize: Int = 10
    public var acquireTimeout: Duration = .seconds(5)
    public var statementTimeout: Duration? = .seconds(15)
    public var connectTimeout: Int = 5
    public var applicationName = "gerbang"
    /// Prepare each statement once per session and run it by name afterwards. Turn off behind a
    /// pooler that cannot follow named statements across its server connections (pgbouncer in
    /// transaction mode before 1.21, or without `max_prepared_statements`).
    public var preparesStatements = true
    /// Other URL query parameters (`sslmode`, `sslrootcert`, …), handed to libpq as keywords.
    public var extraParameters: [(String, String)] = []

    /// Keywords that this type sets itself; a URL may not override them.
    private static let reservedKeywords: Set<String> = [
        "host", "port", "user", "password", "dbname", "options", "client_encoding", "connect_timeout",
    ]

    /// Parses `postgresql://user[:password]@host[:port]/database[?sslmode=…&application_name=…]`.
    public init(url: String) throws(PostgresError) {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, scheme == "postgresql" || scheme == "postgres"
        else {
            // The URL may carry a password, so it is not repeated in the message.
            throw PostgresError(.invalidConfiguration, "database URL must look like postgresql://user@host:port/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresError(.invalidConfiguration, "database URL has no user name")
        }
        var host = components.host ?? ""
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresError(.invalidConfiguration, "database URL must name exactly one database in its path")
        }
        self.host = host.removingPercentEncoding ?? host
        self.port = components.port
        self.user = user
        self.password = components.password
        self.database = database
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "application_name":
                applicationName = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds >= 0 else {
                    throw PostgresError(.invalidConfiguration, "connect_timeout in the database URL must be a whole number")
                }
                connectTimeout = seconds
            case "host" where self.host.isEmpty:
                self.host = value
            case let name where Self.reservedKeywords.contains(name):
                throw PostgresError(.invalidConfiguration, "database URL may not set '\(name)' as a query parameter")
            default:
                extraParameters.append((item.name, value))
            }
        }
    }

    /// The keyword/value pairs for `PQconnectdbParams`.
    var connectionParameters: [(String, String)] {
        var parameters: [(String, String)] = [
            ("user", user),
            ("dbname", database),
            ("connect_timeout", String(connectTimeout)),
            ("application_name", applicationName),
            ("client_encoding", "UTF8"),
            ("options", startupOptions),
        ]
        if !host.isEmpty { parameters.append(("host", host)) }
        if let port { parameters.append(("port", String(port))) }
        if let password { parameters.append(("password", password)) }
        parameters.append(contentsOf: extraParameters)
        return parameters
    }

    var startupOptions: String {
        // No JIT: its compile time follows the planner's cost estimate, not the rows read. Head office's
        // finance sums 10,000 tenants' months through 10,000 index probes (an estimate of 2.2 million)
        // and spent 150 ms compiling a query that then ran in 100 ms.
        var options = ["-c TimeZone=UTC", "-c DateStyle=ISO", "-c client_encoding=UTF8", "-c jit=off"]
        if let statementTimeout {
            options.append("-c statement_timeout=\(statementTimeout.wholeMilliseconds)")
        }
        return options.joined(separator: " ")
    }
}

extension Duration {
    /// Rounded up, so a positive timeout never becomes zero (which means "no timeout" to PostgreSQL).
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let fraction = attoseconds / 1_000_000_000_000_000 + (attoseconds % 1_000_000_000_000_000 > 0 ? 1 : 0)
        return seconds * 1000 + fraction
    }
}
