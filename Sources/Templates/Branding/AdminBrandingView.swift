/// `GET/POST /admin/branding`: the branding form with what was typed, its errors, and how readable
/// text is on each brand colour.
public struct AdminBrandingView: Sendable, Hashable {
    public enum Field {
        public static let displayName = "display_name"
        public static let tagline = "tagline"
        public static let primaryColor = "primary_color"
        public static let accentColor = "accent_color"
        public static let logo = "logo"
        /// The chosen, not yet saved logo (base64), carried through a preview or a refused save.
        public static let logoDraft = "logo_draft"
        public static let contactWhatsApp = "contact_whatsapp"
        public static let contactEmail = "contact_email"
        public static let address = "address"
        public static let footerText = "footer_text"
        public static let defaultLanguage = "default_locale"
        public static let hotspotLoginURL = "hotspot_login_url"
        public static let frameAncestors = "frame_ancestors"
        public static let csrf = "_csrf"
    }

    /// The contrast of the readable text colour (white or ink) on one brand colour.
    public struct Contrast: Sendable, Hashable {
        /// One decimal, as shown (`4.5`).
        public let ratio: String
        /// Below WCAG AA's 4.5:1.
        public let isTooLow: Bool

        public init(ratio: Double) {
            // Rounded down, so a colour shown as 4.5 really passes.
            let tenths = Int((ratio * 10).rounded(.down))
            self.ratio = "\(tenths / 10).\(tenths % 10)"
            isTooLow = ratio < 4.5
        }
    }

    public let state: FormState
    public let csrfToken: String
    /// Keyed by the colour's field name; absent while the typed colour is invalid.
    public let contrasts: [String: Contrast]
    public let saved: Bool
    /// A logo chosen but not saved yet, so the admin need not choose it again.
    public let keptLogo: KeptLogo?

    /// A chosen logo as the form carries it: its bytes in base64 and an inline image to show it.
    public struct KeptLogo: Sendable, Hashable {
        public let base64: String
        public let image: SafeURL

        public init(bytes: [UInt8], mediaType: SafeURL.InlineImageType) {
            image = SafeURL.inlineImage(bytes: bytes, mediaType: mediaType)
            base64 = String(image.value.drop { $0 != "," }.dropFirst())
        }
    }

    public init(
        state: FormState, csrfToken: String, contrasts: [String: Contrast], saved: Bool = false, keptLogo: KeptLogo? = nil
    ) {
        self.state = state
        self.csrfToken = csrfToken
        self.contrasts = contrasts
        self.saved = saved
        self.keptLogo = keptLogo
    }
}
