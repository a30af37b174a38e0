import HTTP

/// Every head-office route (`/head-office/...`), on the platform host only: the tenant router has none of
/// them, so `/head-office` on a tenant's host is that tenant's 404.
struct HeadOfficeRoutes: Sendable {
    let services: HeadOfficeServices

    init(services: Services) {
        self.services = HeadOfficeServices(
            database: services.database, gatewayAccounts: services.gatewayAccounts, baseDomain: services.config.baseDomain)
    }

    func addRoutes(to router: inout RouteGroup<PlatformContext>) {
        HeadOfficeLoginController(services: services).addRoutes(to: &router)
        HeadOfficeTenantsController(services: services).addRoutes(to: &router)
        HeadOfficeTenantLifecycleController(services: services).addRoutes(to: &router)
        HeadOfficeDomainsController(services: services).addRoutes(to: &router)
        HeadOfficeGatewaysController(services: services).addRoutes(to: &router)
        HeadOfficeUsageController(services: services).addRoutes(to: &router)
        HeadOfficeFinanceController(services: services).addRoutes(to: &router)
        HeadOfficeAccountsController(services: services).addRoutes(to: &router)
        HeadOfficeAuditController(services: services).addRoutes(to: &router)
    }
}
