import Postgres

/// What the head-office handlers share: sessions, the login throttle, head-office admins, and the
/// cross-tenant registries they edit.
struct HeadOfficeServices: Sendable {
    let sessions: SessionStore
    let admins: HeadOfficeAdminRepository
    let throttle: LoginThrottle
    let tenants: TenantRegistry
    let domains: DomainApprovals
    let gateways: PaymentGatewayRepository
    let usage: UsageRepository
    /// The platform's base domain: a tenant's store is at `<slug>.<baseDomain>`.
    let baseDomain: String

    init(database: PostgresPool, gateways: PaymentGatewayRepository, baseDomain: String) {
        sessions = SessionStore(database: database)
        admins = HeadOfficeAdminRepository(database: database)
        throttle = LoginThrottle(database: database)
        tenants = TenantRegistry(database: database)
        domains = DomainApprovals(database: database)
        self.gateways = gateways
        usage = UsageRepository(database: database)
        self.baseDomain = baseDomain
    }

    var login: SessionLogin { SessionLogin(sessions: sessions, throttle: throttle) }
}
