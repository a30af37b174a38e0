import Foundation
import HTTP
import Postgres
import Templates

/// Reads and saves a tenant's wording of its billing messages. The form shows every message in every
/// language, the built-in text where the tenant has none; a box left empty or equal to the built-in
/// text stores nothing (so an improved built-in text reaches the tenant). One transaction holds the
/// changes and their one `audit_log` row.
struct BillingMessagesEditor: Sendable {
    typealias Field = AdminBillingMessagesView.Field

    let database: PostgresPool

    static let maxLength = 1000

    /// Every form field with the text in effect.
    func current(for tenant: Tenant) throws -> [String: String] {
        var values = Self.defaults
        for row in try database.scoped(to: tenant).query(
            "select kind, language, body from billing_message_texts where tenant_id = $1", tenant.id)
        {
            values[try row.decode("kind", as: String.self) + "_" + row.decode("language", as: String.self)] =
                try row.decode("body", as: String.self)
        }
        return values
    }

    /// The built-in texts by field.
    static var defaults: [String: String] {
        var values: [String: String] = [:]
        for kind in BillingMessageKind.allCases {
            for language in Language.allCases {
                values[Field.text(kind, language)] = language.billingStrings.defaultMessage(kind)
            }
        }
        return values
    }

    /// - Parameter draft: a draft without errors.
    func save(_ draft: Draft, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).transaction { db in
            var changed: [String: String] = [:]
            for kind in BillingMessageKind.allCases {
                for language in Language.allCases {
                    let field = Field.text(kind, language)
                    let text = draft.values[field] ?? ""
                    let own = text.isEmpty || text == language.billingStrings.defaultMessage(kind) ? nil : text
                    let stored = try db.query(
                        "select body from billing_message_texts where tenant_id = $1 and kind = $2 and language = $3",
                        tenant.id, kind.rawValue, language.rawValue
                    ).first?.decode("body", as: String.self)
                    guard own != stored else { continue }
                    if let own {
                        try db.query(
                            """
                            insert into billing_message_texts (tenant_id, kind, language, body) values ($1, $2, $3, $4)
                            on conflict (tenant_id, kind, language) do update set body = excluded.body, updated_at = now()
                            """, tenant.id, kind.rawValue, language.rawValue, own)
                    } else {
                        try db.query(
                            "delete from billing_message_texts where tenant_id = $1 and kind = $2 and language = $3",
                            tenant.id, kind.rawValue, language.rawValue)
                    }
                    changed[field] = own ?? ""
                }
            }
            guard !changed.isEmpty else { return }
            let after = String(decoding: try JSONSerialization.data(withJSONObject: changed, options: [.sortedKeys]), as: UTF8.self)
            try db.query(
                """
                select audit($1, $2, $3, 'billing.messages_update', 'billing_message_texts', null, $4::jsonb)
                """, tenant.id, actor.email, actor.clientAddress, after)
        }
    }

    /// A submitted messages form: each text at most `maxLength` characters, using only the offered
    /// placeholders, and carrying `{{link}}` (a message without it cannot be paid from).
    struct Draft: Sendable {
        let values: [String: String]
        let errors: [String: String]

        init(form: URLEncodedForm, strings: BillingStrings) {
            var values: [String: String] = [:]
            var errors: [String: String] = [:]
            for kind in BillingMessageKind.allCases {
                for language in Language.allCases {
                    let field = Field.text(kind, language)
                    let text = (form[field] ?? "").trimmed.replacingOccurrences(of: "\r\n", with: "\n")
                    values[field] = text
                    guard !text.isEmpty else { continue }
                    let names = Markdown.placeholderNames(in: text)
                    if text.count > BillingMessagesEditor.maxLength {
                        errors[field] = strings.errorMessageTooLong
                    } else if let unknown = names.first(where: { !BillingMessageKind.placeholders.contains($0) }) {
                        errors[field] = strings.errorUnknownPlaceholder(unknown)
                    } else if !names.contains("link") {
                        errors[field] = strings.errorMessageNeedsLink
                    }
                }
            }
            self.values = values
            self.errors = errors
        }
    }
}
