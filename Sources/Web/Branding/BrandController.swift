import HTTP
import Templates

/// `/brand/theme.css` and `/brand/logo`: the tenant's look as cacheable resources.
/// URLs carry the branding version, so browsers may keep them; ETags answer revalidation.
/// With `/favicon.ico` and `/robots.txt`, which browsers and crawlers ask every site for: none of these
/// needs the database, so none counts against the tenant's limits.
struct BrandController: Sendable {
    /// Crawlers may index the store and its pages, not the signed-in areas or pay links.
    static let robots = """
        User-agent: *
        Disallow: /admin/
        Disallow: /portal/
        Disallow: /pay/
        Disallow: /isolated

        """

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/robots.txt", isCounted: false, neverBlocks: true) { _, _, _ in .text(Self.robots) }
        router.get("/favicon.ico", isCounted: false, neverBlocks: true) { _, context, _ in
            guard context.branding.logo != nil else { throw HTTPError(.notFound) }
            return .redirect(to: Paths.logo, status: .found)
        }
        router.get("/brand/theme.css", isCounted: false, neverBlocks: true) { request, context, _ in
            .cacheable(
                context.site.themeCSS, contentType: "text/css; charset=utf-8", etag: context.site.themeETag,
                request: request, cacheControl: "public, max-age=300")
        }
        router.get("/brand/logo", isCounted: false, neverBlocks: true) { request, context, _ in
            guard let logo = context.branding.logo, let etag = context.site.logoETag else {
                throw HTTPError(.notFound)
            }
            return .cacheable(logo.bytes, contentType: logo.contentType, etag: etag, request: request, cacheControl: "public, max-age=300")
        }
    }
}
