import Templates

/// Everything an export is made from, read once (`ExportSourceLoader`) so that the exporters are pure
/// functions from this value to files.
public struct TenantExportSource: Sendable {
    /// The gateway that takes the tenant's payments: which checkout hosts the walled garden must let through.
    public struct CheckoutGateway: Sendable, Hashable {
        public let provider: PaymentProvider
        public let isSandbox: Bool

        public init(provider: PaymentProvider, isSandbox: Bool) {
            self.provider = provider
            self.isSandbox = isSandbox
        }
    }

    public var slug: String
    public var branding: Branding
    public var store: StoreLocation
    public var gateway: CheckoutGateway?
    public var packages: [VoucherProfile]
    /// The content pages as visitors see them (override or default), every slug in every language.
    public var pages: [ContentPage]
    /// `Public/css/site.css`, copied into the site snapshot.
    public var siteStylesheet: [UInt8]
    /// Whether a WhatsApp sender delivers the store's codes, so the snapshot's pages promise only what happens.
    public var sendsWhatsApp: Bool

    public init(
        slug: String, branding: Branding, store: StoreLocation, gateway: CheckoutGateway?, packages: [VoucherProfile],
        pages: [ContentPage], siteStylesheet: [UInt8], sendsWhatsApp: Bool
    ) {
        self.slug = slug
        self.branding = branding
        self.store = store
        self.gateway = gateway
        self.packages = packages
        self.pages = pages
        self.siteStylesheet = siteStylesheet
        self.sendsWhatsApp = sendsWhatsApp
    }

    func page(_ slug: String, in language: Language) -> ContentPage? {
        pages.first { $0.slug == slug && $0.language == language }
    }

    /// The logo as a file name next to the pages, when there is one in a format browsers show.
    var logoFileName: String? {
        guard let logo = branding.logo else { return nil }
        switch logo.contentType {
        case "image/png": return "logo.png"
        case "image/jpeg": return "logo.jpg"
        case "image/webp": return "logo.webp"
        default: return nil
        }
    }

    /// A slug fit for a directory name and a RouterOS comment: lower-case letters, digits and `-` only.
    var safeSlug: String {
        let kept = slug.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return kept.isEmpty ? "tenant" : String(String.UnicodeScalarView(kept))
    }
}
