import Foundation
import Postgres

/// The passphrase that gateway keys, callback tokens and WhatsApp device tokens are encrypted under at
/// rest (`SECRETS_KEY`), with pgcrypto's `pgp_sym_encrypt`/`pgp_sym_decrypt` so that Gerbang carries
/// no cryptography of its own.
///
/// The key only ever reaches PostgreSQL as a bind parameter, never in a statement's text, so it is in
/// no statement log unless the server logs parameters too (`log_parameter_max_length`, see docs/OPERATIONS.md).
/// Its description is redacted, so logging a value that holds it reveals nothing.
public struct SecretsKey: Sendable, CustomStringConvertible {
    /// The passphrase as pgcrypto takes it.
    let passphrase: String

    /// Fewer characters than this is a typo or a placeholder rather than a key (`make run` makes 64 hex digits).
    static let minimumLength = 32

    public var description: String { "SecretsKey(redacted)" }

    /// The key from `SECRETS_KEY`; a missing or short one adds a problem naming the variable.
    static func read(from reader: inout EnvironmentReader) -> SecretsKey? {
        let value = reader.string("SECRETS_KEY", default: "")
        if value.isEmpty { return nil }
        guard value.count >= minimumLength, !value.contains(where: \.isWhitespace) else {
            reader.problems.append(
                "SECRETS_KEY must be at least \(minimumLength) characters without spaces (example: the output of `openssl rand -hex 32`)")
            return nil
        }
        return SecretsKey(passphrase: value)
    }

    /// What a command that reads or writes secrets says when the key is missing.
    static let missing = ConfigError(problems: [
        "SECRETS_KEY is not set: gateway keys and WhatsApp device tokens are encrypted under it "
            + "(create one with `openssl rand -hex 32`, keep it safe and set it on every instance; `make run` makes one in .data/secrets.key)"
    ])
}

extension AppConfig {
    /// The secrets key, or the start-up error that names `SECRETS_KEY`.
    public func requireSecretsKey() throws(ConfigError) -> SecretsKey {
        guard let secretsKey else { throw SecretsKey.missing }
        return secretsKey
    }
}
