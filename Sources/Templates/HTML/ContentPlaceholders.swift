import Foundation

/// The `{{name}}` placeholders a content page may use, with one store's values. Every placeholder
/// resolves to something a reader understands: a contact detail the store has not given yet reads as
/// "not published yet" in the page's language, never as a blank or a bare `/`.
public struct ContentPlaceholders: Sendable {
    /// Every placeholder name, in the order the page editor's help lists them.
    public static let names = ["tenant_name", "store_url", "contact_whatsapp", "contact_email", "address"]

    public var tenantName: String
    /// The store's absolute address (`https://wifi.example.id`), as visitors reach it.
    public var storeURL: String
    public var contactWhatsApp: String
    public var contactEmail: String
    public var address: String
    /// Whether a WhatsApp sender delivers this store's codes: `{{#whatsapp}}…{{/whatsapp}}` is shown
    /// only then, `{{^whatsapp}}…{{/whatsapp}}` only otherwise, so a page never promises a message nobody sends.
    public var sendsWhatsApp: Bool

    public init(
        tenantName: String, storeURL: String, contactWhatsApp: String, contactEmail: String, address: String,
        sendsWhatsApp: Bool
    ) {
        self.tenantName = tenantName
        self.storeURL = storeURL
        self.contactWhatsApp = contactWhatsApp
        self.contactEmail = contactEmail
        self.address = address
        self.sendsWhatsApp = sendsWhatsApp
    }

    /// The page's Markdown with every placeholder filled in for a reader of `language`.
    public func fill(_ markdown: String, language: Language) -> String {
        var template = Markdown.resolveSections(markdown, conditions: ["whatsapp": sendsWhatsApp])
        if contactEmail.isEmpty {
            // A mailto link to a sentence would show as broken Markdown; the sentence alone reads well.
            template = template.replacingOccurrences(
                of: "[{{contact_email}}](mailto:{{contact_email}})", with: "{{contact_email}}")
        }
        return Markdown.fillPlaceholders(template, values: values(in: language))
    }

    func values(in language: Language) -> [String: String] {
        let missing = Self.missing(language)
        return [
            "tenant_name": tenantName.isEmpty ? missing.tenantName : tenantName,
            "store_url": storeURL,
            "contact_whatsapp": contactWhatsApp.isEmpty ? missing.whatsApp : contactWhatsApp,
            "contact_email": contactEmail.isEmpty ? missing.email : contactEmail,
            "address": address.isEmpty ? missing.address : address,
        ]
    }

    private static func missing(_ language: Language) -> (tenantName: String, whatsApp: String, email: String, address: String) {
        switch language {
        case .id:
            (
                "toko ini", "nomor WhatsApp kami (belum dicantumkan)", "email kami (belum dicantumkan)",
                "alamat kantor kami (belum dicantumkan)"
            )
        case .en:
            (
                "this store", "our WhatsApp number (not published yet)", "our email address (not published yet)",
                "our office address (not published yet)"
            )
        }
    }
}
