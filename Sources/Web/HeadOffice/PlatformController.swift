import HTTP
import Templates

/// The platform's own site on the bare base domain.
struct PlatformController: Sendable {
    func addRoutes(to router: inout RouteGroup<PlatformContext>) {
        router.get("/") { _, context, _ in .page(PlatformHomePage(chrome: context.chrome)) }
    }
}
