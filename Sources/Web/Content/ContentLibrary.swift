import Foundation
import Templates

/// Content pages as the visitor sees them: the tenant's override or the default, with the tenant's
/// details filled in, rendered by cmark in safe mode, and kept rendered until the tenant changes.
public final class ContentLibrary: Sendable {
    private struct Key: Hashable, Sendable {
        let tenant: UUID
        let slug: String
        let language: Language
        let brandingVersion: Int
        let sendsWhatsApp: Bool
        /// The page names the store by the address the visitor used, so one rendering per address.
        let storeURL: String
    }

    /// The shipped pages, read once at start (exports use them too).
    let defaults: DefaultContent
    let overrides: ContentPageRepository
    private let rendered: GenerationalCache<Key, ContentView?>

    public init(defaults: DefaultContent, overrides: ContentPageRepository, capacity: Int = CacheBudget.standard.contentPages) {
        self.defaults = defaults
        self.overrides = overrides
        rendered = GenerationalCache(timeToLive: .seconds(300), capacity: capacity) { key, view in
            key.slug.utf8.count + key.storeURL.utf8.count + (view.map { $0.title.utf8.count + $0.body.byteCount } ?? 0)
        }
    }

    /// nil for a slug the tenant has no page for. `storeURL` is the store's address as the visitor reached it.
    func renderedPage(_ slug: String, in language: Language, for tenant: Tenant, site: TenantSite, storeURL: String)
        throws -> ContentView?
    {
        guard slug.utf8.count <= 40 else { return nil }
        let key = Key(
            tenant: tenant.id, slug: slug, language: language, brandingVersion: site.branding.version,
            sendsWhatsApp: site.sendsWhatsApp, storeURL: storeURL)
        return try rendered.value(for: key) {
            guard let page = try current(slug, in: language, for: tenant) else { return nil }
            return render(title: page.title, markdown: page.markdown, language: language, site: site, storeURL: storeURL)
        }
    }

    /// What the site shows for the page now, unrendered: the tenant's override, else the default.
    func current(_ slug: String, in language: Language, for tenant: Tenant) throws -> ContentPage? {
        try overrides.override(slug, in: language, for: tenant) ?? defaults.page(slug, in: language)
    }

    /// A page as the visitor would see it, by the same path as `renderedPage`: the tenant's details
    /// filled in, then cmark in safe mode. The admin's preview of an unsaved draft uses it too.
    func render(title: String, markdown: String, language: Language, site: TenantSite, storeURL: String) -> ContentView {
        let branding = site.branding
        let placeholders = ContentPlaceholders(
            tenantName: branding.displayName, storeURL: storeURL, contactWhatsApp: branding.contactWhatsApp,
            contactEmail: branding.contactEmail, address: branding.address, sendsWhatsApp: site.sendsWhatsApp)
        return ContentView(title: title, body: Markdown.render(placeholders.fill(markdown, language: language)))
    }

    func invalidateAll() { rendered.invalidateAll() }

    /// One tenant's pages, after its content or branding changed.
    func invalidate(_ tenantID: UUID) { rendered.invalidate { key, _ in key.tenant == tenantID } }
}
