import Templates

/// `gerbang export hotspot`: a tenant's MikroTik hotspot directory — the seven servlet pages in its
/// branding and language, their CSS and script, the logo, `README.txt` and `walled-garden.rsc`.
/// A pure function of the source, so the tenant admin's download can call it too.
public enum HotspotExporter {
    /// A bigger logo is left out (the initials show instead): the login page and everything it loads
    /// must stay under 20 KB, because it is the first thing a customer on a weak signal waits for.
    public static let logoBudget = 8 * 1024

    public static func files(for source: TenantExportSource) -> [ExportFile] {
        let language = source.branding.defaultLanguage
        let logo = hotspotLogo(source)
        let view = HotspotView(
            chrome: chrome(for: source, language: language, logoFileName: logo?.name), storeURL: source.store.url(Paths.home))
        var files = HotspotPage.allCases.map { ExportFile(name: $0.fileName, bytes: $0.render(view)) }
        let branding = source.branding
        files.append(
            ExportFile(
                name: HotspotStylesheet.fileName,
                text: HotspotStylesheet.css(
                    brand: branding.primaryColor.description, brandText: branding.primaryColor.readableText.description,
                    accent: branding.accentColor.description, accentText: branding.accentColor.readableText.description)))
        files.append(ExportFile(name: HotspotScript.fileName, text: HotspotScript.source(language: language)))
        if let logo { files.append(logo) }
        files.append(ExportFile(name: "README.txt", text: HotspotReadme.text(for: source, includesLogo: logo != nil)))
        files.append(ExportFile(name: "walled-garden.rsc", text: WalledGardenScript.text(for: source)))
        return files
    }

    private static func hotspotLogo(_ source: TenantExportSource) -> ExportFile? {
        guard let name = source.logoFileName, let logo = source.branding.logo, logo.bytes.count <= logoBudget else {
            return nil
        }
        return ExportFile(name: name, bytes: logo.bytes)
    }

    /// The live site's chrome, with every link either on the router (`$(link-login)`, local files) or on
    /// the store, the one host the walled garden opens. WhatsApp becomes a `tel:` link: `wa.me` is
    /// unreachable before login.
    static func chrome(for source: TenantExportSource, language: Language, logoFileName: String?) -> SiteChrome {
        let branding = source.branding
        let strings = language.strings
        return SiteChrome(
            language: language, siteName: branding.displayName, tagline: branding.tagline, logoURL: logoFileName,
            initials: branding.initials, themeURL: nil, stylesheetURL: HotspotStylesheet.fileName,
            whatsAppURL: branding.whatsAppDigits.map { "tel:+\($0)" }, whatsAppLabel: branding.contactWhatsApp,
            email: branding.contactEmail, address: branding.address, footerText: branding.footerText,
            navigation: [Link(title: strings.buyVoucher, href: source.store.url(Paths.home))],
            pages: DefaultContent.slugs.map { Link(title: strings.pageTitle(slug: $0), href: source.store.url(Paths.page($0))) },
            languages: [], homeURL: "$(link-login)", portalURL: source.store.url(Paths.Portal.home))
    }
}

private typealias Link = SiteChrome.Link
