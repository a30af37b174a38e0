import Foundation
import Templates

/// How a tenant's public pages look and whom they name: one row of `tenant_branding`.
public struct Branding: Sendable, Hashable {
    public var displayName: String
    public var tagline: String
    public var primaryColor: BrandColor
    public var accentColor: BrandColor
    public var logo: Logo?
    public var contactWhatsApp: String
    public var contactEmail: String
    public var address: String
    public var footerText: String
    public var defaultLanguage: Language
    public var timeZone: String
    public var hotspotLoginURL: String
    /// Bumped on every save; it busts browser caches of the theme and logo.
    public var version: Int

    public struct Logo: Sendable, Hashable {
        public let bytes: [UInt8]
        public let contentType: String
        public let sha256: String
    }

    /// Up to two initials of the display name, shown in the brand colour when there is no logo.
    public var initials: String {
        let words = displayName.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let letters = words.prefix(2).compactMap(\.first)
        return letters.isEmpty ? "?" : String(letters).uppercased()
    }

    /// The WhatsApp number as digits only with country code (`6281234567890`), for `https://wa.me/`.
    public var whatsAppDigits: String? {
        let digits = contactWhatsApp.filter(\.isASCII).filter(\.isNumber)
        guard digits.count >= 8 else { return nil }
        if digits.hasPrefix("0") { return "62" + digits.dropFirst() }
        return digits
    }
}
