import Foundation
import Templates

/// `gerbang export site`: a static snapshot of a tenant's public pages — home and content pages in
/// every language — rendered by the live pages' own templates, with relative links between the files
/// and absolute links to the live store for everything that needs the server (buying, the portal).
public enum SiteExporter {
    public static func files(for source: TenantExportSource) -> [ExportFile] {
        let paths = SnapshotPaths(defaultLanguage: source.branding.defaultLanguage)
        var files: [ExportFile] = []
        for language in Language.allCases {
            let home = paths.home(language)
            files.append(ExportFile(name: home, bytes: homePage(source, language: language, at: home, paths: paths)))
            for slug in DefaultContent.slugs {
                guard let page = source.page(slug, in: language) else { continue }
                let name = paths.page(slug, language)
                files.append(ExportFile(name: name, bytes: contentPage(source, page, at: name, paths: paths)))
            }
        }
        files.append(ExportFile(name: "site.css", bytes: source.siteStylesheet))
        files.append(ExportFile(name: "theme.css", text: ThemeStylesheet.css(for: source.branding)))
        if let name = source.logoFileName, let logo = source.branding.logo {
            files.append(ExportFile(name: name, bytes: logo.bytes))
        }
        return files
    }

    private static func homePage(_ source: TenantExportSource, language: Language, at file: String, paths: SnapshotPaths)
        -> [UInt8]
    {
        let strings = language.strings
        let packages = source.packages.map { profile in
            HomeView.Package(
                name: profile.name, price: Rupiah.format(profile.price), details: profile.details(strings),
                href: source.store.url(Paths.voucher(profile.id)))
        }
        let chrome = chrome(source, language: language, file: file, paths: paths) { paths.home($0) }
        return HomePage(chrome: chrome, view: HomeView(packages: packages)).render()
    }

    private static func contentPage(_ source: TenantExportSource, _ page: ContentPage, at file: String, paths: SnapshotPaths)
        -> [UInt8]
    {
        let branding = source.branding
        let placeholders = ContentPlaceholders(
            tenantName: branding.displayName, storeURL: source.store.origin, contactWhatsApp: branding.contactWhatsApp,
            contactEmail: branding.contactEmail, address: branding.address, sendsWhatsApp: source.sendsWhatsApp)
        let markdown = placeholders.fill(page.markdown, language: page.language)
        let body = Markdown.render(markdown) { link(to: $0, from: file, language: page.language, source: source, paths: paths) }
        let chrome = chrome(source, language: page.language, file: file, paths: paths) { paths.page(page.slug, $0) }
        return ContentPageView(chrome: chrome, view: ContentView(title: page.title, body: body)).render()
    }

    /// A site path from Markdown made to work in the snapshot: our own pages become relative files,
    /// other site paths go to the live store, and anything else (mailto:, other sites) stays.
    static func link(to url: String, from file: String, language: Language, source: TenantExportSource, paths: SnapshotPaths)
        -> String
    {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
        let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
        let path = String(url[..<fragmentStart])
        let fragment = String(url[fragmentStart...])
        if path == Paths.home {
            return SnapshotPaths.relative(from: file, to: paths.home(language)) + fragment
        }
        if let slug = DefaultContent.slugs.first(where: { Paths.page($0) == path }), source.page(slug, in: language) != nil {
            return SnapshotPaths.relative(from: file, to: paths.page(slug, language)) + fragment
        }
        return source.store.url(url)
    }

    /// The live chrome with snapshot links. `samePage` names this page's file in another language.
    private static func chrome(
        _ source: TenantExportSource, language: Language, file: String, paths: SnapshotPaths,
        samePage: (Language) -> String
    ) -> SiteChrome {
        let branding = source.branding
        let strings = language.strings
        func local(_ target: String) -> String { SnapshotPaths.relative(from: file, to: target) }
        let home = local(paths.home(language))
        return SiteChrome(
            language: language, siteName: branding.displayName, tagline: branding.tagline,
            logoURL: source.logoFileName.map(local), initials: branding.initials, themeURL: local("theme.css"),
            stylesheetURL: local("site.css"), whatsAppURL: branding.whatsAppDigits.map { "https://wa.me/\($0)" },
            whatsAppLabel: branding.contactWhatsApp, email: branding.contactEmail, address: branding.address,
            footerText: branding.footerText,
            navigation: [
                .init(title: strings.home, href: home),
                .init(title: strings.buyVoucher, href: home + "#catalogue"),
                .init(title: strings.customerPortal, href: source.store.url(Paths.Portal.home)),
                .init(title: strings.pageHowToBuy, href: local(paths.page("how-to-buy", language))),
            ],
            pages: DefaultContent.slugs.filter { source.page($0, in: language) != nil }.map {
                .init(title: strings.pageTitle(slug: $0), href: local(paths.page($0, language)))
            },
            languages: Language.allCases.map {
                .init(language: $0, href: local(samePage($0)), isCurrent: $0 == language)
            },
            homeURL: home, portalURL: source.store.url(Paths.Portal.home))
    }
}
