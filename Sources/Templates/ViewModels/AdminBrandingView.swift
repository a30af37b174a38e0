/// `GET/POST /admin/branding`: the branding form with what was typed, its errors, and how readable
/// text is on each brand colour.
public struct AdminBrandingView: Sendable, Hashable {
    public enum Field {
        public static let displayName = "display_name"
        public static let tagline = "tagline"
        public static let primaryColor = "primary_color"
        public static let accentColor = "accent_color"
        public static let logo = "logo"
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

    public init(state: FormState, csrfToken: String, contrasts: [String: Contrast], saved: Bool = false) {
        self.state = state
        self.csrfToken = csrfToken
        self.contrasts = contrasts
        self.saved = saved
    }
}
