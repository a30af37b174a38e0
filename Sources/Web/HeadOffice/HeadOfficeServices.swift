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
    /// Forgotten after a central account is saved, so this instance's next checkout uses it at once.
    let gatewayAccounts: GatewayAccountCache
    let usage: UsageRepository
    let finance: FinanceLedger
    let auditTrail: AuditTrailQuery
    /// The platform's base domain: a tenant's store is at `<slug>.<baseDomain>`.
    let baseDomain: String

    init(database: PostgresPool, gatewayAccounts: GatewayAccountCache, baseDomain: String) {
        sessions = SessionStore(database: database)
        admins = HeadOfficeAdminRepository(database: database)
        throttle = LoginThrottle(database: database)
        tenants = TenantRegistry(database: database)
        domains = DomainApprovals(database: database)
        gateways = gatewayAccounts.repository
        self.gatewayAccounts = gatewayAccounts
        usage = UsageRepository(database: database)
        finance = FinanceLedger(database: database)
        auditTrail = AuditTrailQuery(database: database)
        self.baseDomain = baseDomain
    }

    var login: SessionLogin { SessionLogin(sessions: sessions, throttle: throttle) }
}
