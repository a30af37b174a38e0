import HTTP
import Templates

/// `/brand/theme.css` and `/brand/logo`: the tenant's look as cacheable resources.
/// URLs carry the branding version, so browsers may keep them; ETags answer revalidation.
struct BrandController: Sendable {
    func addRoutes(to router: inout Router<TenantContext>) {
        router.get("/brand/theme.css") { request, context, _ in
            .cacheable(
                context.site.themeCSS, contentType: "text/css; charset=utf-8", etag: context.site.themeETag,
                request: request, cacheControl: "public, max-age=300")
        }
        router.get("/brand/logo") { request, context, _ in
            guard let logo = context.branding.logo, let etag = context.site.logoETag else {
                throw HTTPError(.notFound)
            }
            return .cacheable(logo.bytes, contentType: logo.contentType, etag: etag, request: request, cacheControl: "public, max-age=300")
        }
    }
}
