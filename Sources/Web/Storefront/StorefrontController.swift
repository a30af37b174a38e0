import HTTP
import Templates

/// The tenant's home page.
struct StorefrontController: Sendable {
    func addRoutes(to router: inout Router<TenantContext>) {
        router.get("/") { _, context, _ in
            .page(HomePage(chrome: context.chrome, view: HomeView(packages: [])))
        }
    }
}
