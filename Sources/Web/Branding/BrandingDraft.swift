import Foundation
import HTTP
import Templates

/// The branding form as submitted: every text field as typed, checked field by field. Only the fields
/// named here are read, so a field smuggled into the form (`tenant_id`, `version`) is ignored.
struct BrandingDraft: Sendable {
    typealias Field = AdminBrandingView.Field

    static let textFields = [
        Field.displayName, Field.tagline, Field.primaryColor, Field.accentColor, Field.contactWhatsApp,
        Field.contactEmail, Field.address, Field.footerText, Field.defaultLanguage, Field.hotspotLoginURL,
        Field.frameAncestors,
    ]

    /// What was typed, trimmed, by field name: shown again when anything is wrong.
    let values: [String: String]
    /// A message per invalid field, in the visitor's language.
    let errors: [String: String]
    /// The new logo, when one was uploaded and is acceptable.
    let logo: LogoImage?

    init(values: [String: String], logoUpload: [UInt8]?, language: Language) {
        let strings = language.strings
        var values = values.filter { Self.textFields.contains($0.key) }
        for name in Self.textFields {
            values[name] = (values[name] ?? "").trimmed
        }
        values[Field.primaryColor] = values[Field.primaryColor]?.lowercased()
        values[Field.accentColor] = values[Field.accentColor]?.lowercased()
        var errors: [String: String] = [:]
        func check(_ name: String, _ message: String, _ isValid: (String) -> Bool) {
            if !isValid(values[name] ?? "") { errors[name] = message }
        }
        check(Field.displayName, strings.errorDisplayName) { (1...120).contains($0.count) }
        check(Field.tagline, strings.errorTextTooLong) { $0.count <= 200 }
        check(Field.primaryColor, strings.errorBrandColor) { BrandColor($0) != nil }
        check(Field.accentColor, strings.errorBrandColor) { BrandColor($0) != nil }
        // Written the way the store's order form reads it (`0812-3456-7890`, `+62 812…`), stored as `+62…`.
        if let typed = values[Field.contactWhatsApp], !typed.isEmpty {
            if let number = try? IndonesianPhoneNumber(parsing: typed) {
                values[Field.contactWhatsApp] = number.normalised
            } else {
                errors[Field.contactWhatsApp] = strings.errorWhatsApp
            }
        }
        check(Field.contactEmail, strings.errorContactEmail, Self.isEmail)
        check(Field.address, strings.errorTextTooLong) { $0.count <= 500 }
        check(Field.footerText, strings.errorTextTooLong) { $0.count <= 500 }
        check(Field.defaultLanguage, strings.errorTextTooLong) { Language(rawValue: $0) != nil }
        check(Field.hotspotLoginURL, strings.errorHotspotURL, Self.isHotspotURL)
        if let allowed = FrameAncestors(parsing: values[Field.frameAncestors] ?? "") {
            values[Field.frameAncestors] = allowed.text
        } else {
            errors[Field.frameAncestors] = language.framingStrings.errorOrigins
        }

        var logo: LogoImage?
        if let upload = logoUpload, !upload.isEmpty {
            do {
                logo = try LogoImage(bytes: upload)
            } catch {
                errors[Field.logo] =
                    switch error {
                    case .tooLarge: strings.errorLogoSize
                    case .unsupportedType: strings.errorLogoType
                    case .tooManyPixels: strings.errorLogoDimensions
                    }
            }
        }
        self.values = values
        self.errors = errors
        self.logo = logo
    }

    /// The text fields of a saved branding, as the form shows them.
    static func values(of branding: Branding, frameAncestors: FrameAncestors) -> [String: String] {
        [
            Field.displayName: branding.displayName, Field.tagline: branding.tagline,
            Field.primaryColor: branding.primaryColor.description, Field.accentColor: branding.accentColor.description,
            Field.contactWhatsApp: branding.contactWhatsApp, Field.contactEmail: branding.contactEmail,
            Field.address: branding.address, Field.footerText: branding.footerText,
            Field.defaultLanguage: branding.defaultLanguage.rawValue, Field.hotspotLoginURL: branding.hotspotLoginURL,
            Field.frameAncestors: frameAncestors.text,
        ]
    }

    /// Readable-text contrast for each colour field that holds a valid colour.
    static func contrasts(_ values: [String: String]) -> [String: AdminBrandingView.Contrast] {
        var contrasts: [String: AdminBrandingView.Contrast] = [:]
        for name in [Field.primaryColor, Field.accentColor] {
            if let color = values[name].flatMap(BrandColor.init) {
                contrasts[name] = .init(ratio: color.contrastRatio(with: color.readableText))
            }
        }
        return contrasts
    }

    private static func isEmail(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" }
    }

    private static func isHotspotURL(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.count <= 500, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
