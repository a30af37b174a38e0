import HTTP

/// Every head-office route (`/head-office/...`), on the platform host only: the tenant router has none of
/// them, so `/head-office` on a tenant's host is that tenant's 404. Only the sign-in form is open to
/// anyone; every other route is in the signed-in head-office group.
struct HeadOfficeRoutes: Sendable {
    let services: HeadOfficeServices

    init(services: Services) {
        self.services = HeadOfficeServices(
            database: services.database, gatewayAccounts: services.gatewayAccounts, baseDomain: services.config.baseDomain)
    }

    func addRoutes(to anyone: inout RouteGroup<PlatformContext>, signedIn: inout RouteGroup<AuthenticatedHeadOffice>) {
        HeadOfficeLoginController(services: services).addRoutes(to: &anyone, signedIn: &signedIn)
        HeadOfficeTenantsController(services: services).addRoutes(to: &signedIn)
        HeadOfficeTenantLifecycleController(services: services).addRoutes(to: &signedIn)
        HeadOfficeDomainsController(services: services).addRoutes(to: &signedIn)
        HeadOfficeGatewaysController(services: services).addRoutes(to: &signedIn)
        HeadOfficeUsageController(services: services).addRoutes(to: &signedIn)
        HeadOfficeFinanceController(services: services).addRoutes(to: &signedIn)
        HeadOfficeAccountsController(services: services).addRoutes(to: &signedIn)
        HeadOfficeAuditController(services: services).addRoutes(to: &signedIn)
    }
}
