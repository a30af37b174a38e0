/// Everything this module throws.
///
/// Descriptions never contain parameter values: the server's `detail` (which quotes key
/// values) is kept out of `description`, and data-exception messages have their quoted
/// input redacted, because parameters may be secrets such as tokens or password hashes.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case invalidConfiguration
        /// Could not connect, or the connection was lost.
        case connection
        /// The server rejected a statement; see `sqlState`.
        case query
        /// No pooled connection became free in time.
        case acquireTimeout
        /// A value could not be encoded as a parameter or decoded from a column.
        case decoding
        case migration
    }

    public var kind: Kind
    public var message: String
    public var sqlState: String?
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    /// True when the statement could not have reached the server (the send itself failed),
    /// so retrying it on another connection cannot run it twice.
    var failedBeforeSending = false

    public init(_ kind: Kind, _ message: String, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isCheckViolation: Bool { sqlState == "23514" }
    public var isNotNullViolation: Bool { sqlState == "23502" }
    /// Serialization failure or deadlock: the transaction may succeed if run again.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// `statement_timeout` (or a cancel request) stopped the statement.
    public var isQueryCanceled: Bool { sqlState == "57014" }
    /// The server ended the session (`pg_terminate_backend`, shutdown) or the socket broke.
    public var isConnectionLost: Bool { kind == .connection }
    /// The database could not be reached or no connection was free: a 503, try again later.
    public var isUnavailable: Bool { kind == .connection || kind == .acquireTimeout }

    public var description: String {
        var text = "PostgreSQL \(kind)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": " + (sqlState?.hasPrefix("22") == true ? Self.redactingQuotedText(message) : message)
        if let constraint { text += " (constraint \(constraint))" }
        if let hint { text += " hint: \(hint)" }
        return text
    }

    /// `invalid input syntax for type uuid: "secret"` → `invalid input syntax for type uuid: "…"`.
    static func redactingQuotedText(_ message: String) -> String {
        var result = ""
        var inQuotes = false
        for character in message {
            if character == "\"" {
                if !inQuotes { result += "\"…" }
                inQuotes.toggle()
            }
            if !inQuotes { result.append(character) }
        }
        return result
    }
}
