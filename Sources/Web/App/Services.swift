import Foundation
import HTTP
import Postgres

/// The long-lived parts every request shares: the database, the caches, the gateways, the sweeps.
/// Built once at start; handlers receive the pieces they need, never this whole bag.
final class Services: Sendable {
    let config: AppConfig
    let database: PostgresPool
    let listener: PostgresListener
    let digests: Digests
    let endpoint: LocalEndpoint
    let resolver: TenantResolver
    let sites: TenantSiteCache
    let content: ContentLibrary
    let catalogue: CatalogueCache
    let metrics = Metrics()
    let gateways: GatewayFactory
    let gatewayAccounts: GatewayAccountCache
    let expirySweep: OrderExpirySweep
    let staleSessionSweep: StaleSessionSweep
    let voucherStateSweep: VoucherStateSweep
    let isolationSweep: IsolationSweep
    let billingRun: BillingRun
    let audit: SecurityAudit
    let rateLimits: RateLimitGate
    let usage: UsageMeter
    let whatsAppDelivery: WhatsAppDelivery
    let reconciliation: PaymentReconciliation
    let retention: RetentionSweep
    let secrets: SecretsKey
    /// The platform's end of the routers' tunnels; nil without `WIREGUARD_NETWORK`.
    let wireGuard: WireGuardServer?

    init(config: AppConfig) throws {
        self.config = config
        secrets = try config.requireSecretsKey()
        wireGuard = try config.wireGuard.map(WireGuardServer.init(settings:))
        var databaseConfiguration = try PostgresConfiguration(url: config.databaseURL)
        databaseConfiguration.poolSize = config.databasePoolSize
        databaseConfiguration.preparesStatements = config.databasePreparedStatements
        databaseConfiguration.statementTimeout = config.databaseStatementTimeout
        database = PostgresPool(configuration: databaseConfiguration)
        listener = PostgresListener(configuration: try PostgresConfiguration(url: config.listenDatabaseURL))
        digests = Digests(database: database)
        endpoint = LocalEndpoint(sandboxWebhookURL: config.sandboxWebhookURL)
        let budget = config.cacheBudget
        resolver = TenantResolver(baseDomain: config.baseDomain, directory: TenantDirectory(database: database), budget: budget)
        sites = TenantSiteCache(
            repository: BrandingRepository(database: database), platformSendsWhatsApp: config.whatsApp.hasPlatformSender,
            capacity: budget.sites)
        catalogue = CatalogueCache(repository: VoucherProfileRepository(database: database), budget: budget)
        content = ContentLibrary(
            defaults: try DefaultContent(directory: config.contentDirectory),
            overrides: ContentPageRepository(database: database), capacity: budget.contentPages)
        let endpoint = endpoint
        gateways = GatewayFactory(config: config, digests: digests, sandboxWebhookURL: { endpoint.sandboxWebhookURL })
        gatewayAccounts = GatewayAccountCache(
            repository: PaymentGatewayRepository(database: database, secrets: secrets), allowsSandbox: config.sandboxGateway,
            capacity: budget.gatewayAccounts)
        expirySweep = OrderExpirySweep(database: database, interval: config.expirySweepInterval)
        staleSessionSweep = StaleSessionSweep(database: database)
        voucherStateSweep = VoucherStateSweep(database: database, grace: config.expiredCodeGrace)
        isolationSweep = IsolationSweep(database: database, interval: config.isolationSweepInterval ?? .seconds(300))
        billingRun = BillingRun(database: database, baseDomain: config.baseDomain, interval: config.billingRunInterval)
        audit = SecurityAudit(database: database)
        rateLimits = RateLimitGate(
            limiter: RateLimiter(database: database, settings: config.rateLimits, memory: budget.rateLimits), audit: audit)
        usage = UsageMeter(database: database, interval: config.usageFlushInterval)
        let fonnte: @Sendable (String) -> any WhatsAppSender = { [config] token in
            FonnteSender(token: token, baseURL: config.whatsApp.fonnteAPIURL, http: GatewayHTTPClient(timeout: config.gatewayTimeout))
        }
        whatsAppDelivery = WhatsAppDelivery(
            database: database, secrets: secrets, central: config.whatsApp.senders, fonnte: fonnte, interval: config.whatsApp.pollInterval,
            sendTimeout: config.gatewayTimeout,
            metrics: metrics.notifications)
        reconciliation = PaymentReconciliation(
            database: database,
            processor: .central(database: database, accounts: gatewayAccounts, gateways: gateways, usage: usage),
            interval: config.reconcileInterval, after: config.reconcileAfter)
        retention = RetentionSweep(database: database, settings: config.retention)
    }

    /// The per-tenant caches that hold the bulk of `CACHE_MEMORY_MB`, for `/metrics`.
    var cacheStatistics: [(name: String, statistics: CacheStatistics)] {
        resolver.statistics + sites.allStatistics + catalogue.statistics
    }

    /// Subscribes to `tenant_changed` and waits (briefly) until the subscription is live, so nothing
    /// cached after this point can miss its invalidation.
    func startListening() {
        listener.onReconnect = { [resolver, sites, content, catalogue, gatewayAccounts, metrics] in
            metrics.listenerReconnected()
            // Notifications may have been missed while disconnected: forget everything.
            resolver.invalidate()
            sites.invalidateAll()
            content.invalidateAll()
            catalogue.invalidateAll()
            gatewayAccounts.invalidateAll()
        }
        listener.listen("tenant_changed") { [resolver, sites, content, catalogue, gatewayAccounts, metrics] payload in
            metrics.tenantChanged()
            // One tenant's change forgets only what is that tenant's: on a platform of thousands, every
            // other store keeps answering from memory.
            if let id = UUID(uuidString: payload) {
                resolver.invalidate(tenantID: id)
                sites.invalidate(id)
                catalogue.invalidate(id)
                gatewayAccounts.invalidate(id)
                content.invalidate(id)
            } else {
                resolver.invalidate()
                sites.invalidateAll()
                catalogue.invalidateAll()
                gatewayAccounts.invalidateAll()
                content.invalidateAll()
            }
        }
        listener.start()
        if !listener.waitUntilListening(timeout: .seconds(5)) {
            Log.warning("not yet listening for tenant changes; caches may be stale until the listener connects")
        }
    }

    func startSweeps() {
        // Tunnels given or removed while no process was running reach the file an operator's wg-quick reads.
        if let wireGuard {
            do {
                try wireGuard.writePeersFile(database: database)
            } catch {
                Log.warning("WireGuard peers file not written: \(error)")
            }
        }
        expirySweep.start()
        staleSessionSweep.start()
        voucherStateSweep.start()
        if config.isolationSweepInterval != nil { isolationSweep.start() }
        if config.billingRun { billingRun.start() }
        usage.start()
        reconciliation.start()
        retention.start()
        guard config.whatsApp.sendsFromThisProcess else { return }
        whatsAppDelivery.start()
        if whatsAppDelivery.central.isEmpty {
            Log.info("no platform WhatsApp sender (WHATSAPP_PROVIDER): only tenants with their own number get messages")
        }
    }

    func stopBackgroundWork() {
        listener.stop()
        expirySweep.stop()
        staleSessionSweep.stop()
        voucherStateSweep.stop()
        isolationSweep.stop()
        billingRun.stop()
        usage.stop()
        reconciliation.stop()
        retention.stop()
        whatsAppDelivery.stop()
    }
}
