import Foundation
import Postgres

/// Hashes and HMACs computed by PostgreSQL (`sha256()`, `sha512()`, pgcrypto's `hmac()`), so Gerbang
/// carries no cryptographic code of its own. Where a query can hash its own parameter in SQL, prefer
/// that (one round trip); this is for values that never touch a table, like webhook signatures.
public struct Digests: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public func sha256Hex(_ text: String) throws -> String {
        try single(database.query("select encode(sha256(convert_to($1, 'UTF8')), 'hex') as digest", text))
    }

    /// Lower-case hex SHA-512 of the UTF-8 bytes of `text`.
    public func sha512Hex(_ text: String) throws -> String {
        try single(database.query("select encode(sha512(convert_to($1, 'UTF8')), 'hex') as digest", text))
    }

    /// Lower-case hex HMAC-SHA256 of raw bytes.
    public func hmacSHA256Hex(key: String, message: [UInt8]) throws -> String {
        try single(
            database.query(
                "select encode(hmac($1::bytea, convert_to($2, 'UTF8'), 'sha256'), 'hex') as digest", message, key))
    }

    private func single(_ rows: PostgresRows) throws -> String {
        try rows.single().decode("digest", as: String.self)
    }
}

/// Comparison whose time does not depend on where two secrets first differ.
public enum ConstantTime {
    public static func equals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
