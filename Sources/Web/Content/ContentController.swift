import HTTP
import Templates

/// `/pages/{slug}`: the tenant's Markdown pages.
struct ContentController: Sendable {
    let library: ContentLibrary

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/pages/{slug}") { request, context, parameters in
            let slug = try parameters.require("slug")
            guard
                let page = try library.renderedPage(
                    slug, in: context.language, for: context.tenant, site: context.site, storeURL: request.siteOrigin)
            else {
                throw HTTPError(.notFound)
            }
            return .page(ContentPageView(chrome: context.chrome, view: page))
        }
    }
}
