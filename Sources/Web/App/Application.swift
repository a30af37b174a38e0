import Foundation
import HTTP
import Postgres
import Synchronization
import Templates

/// The composition root and the request pipeline:
/// global routes → tenant resolution → language → site routes → errors → security headers.
public final class Application: HTTPResponder {
    public let config: AppConfig
    let database: PostgresPool
    let listener: PostgresListener
    let resolver: TenantResolver
    let sites: TenantSiteCache
    let content: ContentLibrary
    let errors = ErrorResponder()
    let logWriter = LogWriter()
    let digests: Digests
    let expirySweep: OrderExpirySweep
    /// The port this process listens on, known once the server has started.
    let listeningPort = Mutex(0)
    private let globalRoutes: Router<GlobalContext>
    private let platformRoutes: Router<PlatformContext>
    private let tenantRoutes: Router<TenantContext>

    public init(config: AppConfig) throws {
        self.config = config
        Log.level = config.logLevel
        var databaseConfiguration = try PostgresConfiguration(url: config.databaseURL)
        databaseConfiguration.poolSize = config.databasePoolSize
        database = PostgresPool(configuration: databaseConfiguration)
        digests = Digests(database: database)
        listener = PostgresListener(configuration: databaseConfiguration)
        resolver = TenantResolver(baseDomain: config.baseDomain, directory: TenantDirectory(database: database))
        sites = TenantSiteCache(repository: BrandingRepository(database: database))
        content = ContentLibrary(
            defaults: try DefaultContent(directory: config.contentDirectory),
            overrides: ContentPageRepository(database: database))
        let assets = StaticFiles(root: config.publicDirectory, urlPrefix: "/assets/")

        var global = Router<GlobalContext>()
        HealthController(database: database, migrationsDirectory: config.migrationsDirectory).addRoutes(to: &global)
        global.get("/assets/{path...}") { request, _, _ in assets.respond(to: request) }
        WebhookController(processor: .central(database: database, config: config, digests: digests)).addRoutes(to: &global)
        expirySweep = OrderExpirySweep(database: database, interval: config.expirySweepInterval)
        globalRoutes = global

        var platform = Router<PlatformContext>()
        PlatformController().addRoutes(to: &platform)
        platformRoutes = platform

        var tenant = Router<TenantContext>()
        // Store: the gateway factory reaches the finished application for its port (sandbox webhooks).
        let application = WeakReference<Application>()
        let gateways = GatewayFactory(
            config: config, digests: digests, sandboxWebhookURL: { application.object?.sandboxWebhookURL ?? "" })
        let profiles = VoucherProfileRepository(database: database)
        let orders = VoucherOrderRepository(database: database)
        let accounts = PaymentGatewayRepository(database: database)
        StorefrontController(profiles: profiles).addRoutes(to: &tenant)
        OrderController(
            profiles: profiles, orders: orders,
            checkout: OrderCheckout(database: database, orders: orders, accounts: accounts, gateways: gateways),
            orderExpiry: config.orderExpiry
        ).addRoutes(to: &tenant)
        SandboxCheckoutController(orders: orders, accounts: accounts, gateways: gateways).addRoutes(to: &tenant)
        BrandController().addRoutes(to: &tenant)
        ContentController(library: content).addRoutes(to: &tenant)
        let portal = PortalServices(database: database)
        PortalLoginController(services: portal).addRoutes(to: &tenant)
        PortalController(services: portal).addRoutes(to: &tenant)
        PayLinkController(services: portal).addRoutes(to: &tenant)
        tenantRoutes = tenant
        application.set(self)
    }

    public var serverConfiguration: HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.host = config.bindAddress
        server.port = config.port
        server.eventLoops = config.eventLoops
        server.workers = config.workers
        server.reusePort = config.reusePort
        server.trustedProxies = config.trustedProxies
        if config.accessLog {
            let writer = logWriter
            server.accessLog = { line in writer.write(line) }
        } else {
            server.accessLog = nil
        }
        return server
    }

    /// Where the sandbox gateway delivers webhooks: configured, or this very process on loopback.
    var sandboxWebhookURL: String {
        config.sandboxWebhookURL ?? "http://127.0.0.1:\(listeningPort.withLock { $0 })/payments/webhook/sandbox"
    }

    /// Listens for changes made by any instance, and drops what they make stale.
    public func startBackgroundWork(listeningOn port: Int) {
        listeningPort.withLock { $0 = port }
        listener.onReconnect = { [resolver, sites, content] in
            // Notifications may have been missed while disconnected: forget everything.
            resolver.invalidate()
            sites.invalidateAll()
            content.invalidateAll()
        }
        listener.listen("tenant_changed") { [resolver, sites, content] payload in
            resolver.invalidate()
            if let id = UUID(uuidString: payload) { sites.invalidate(id) } else { sites.invalidateAll() }
            content.invalidateAll()
        }
        listener.start()
        expirySweep.start()
    }

    public func stopBackgroundWork() {
        listener.stop()
        expirySweep.stop()
        logWriter.flush()
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        var response = route(request)
        SecurityHeaders.apply(to: &response, isSecure: request.isSecure)
        return response
    }

    private func route(_ request: HTTPRequest) -> HTTPResponse {
        let fallbackLanguage = LanguageChoice(request: request, default: .id)
        do {
            switch try globalRoutes.match(method: request.method, path: request.path) {
            case .found(let handler, let parameters, _):
                return try handler(request, GlobalContext(), parameters)
            case .methodNotAllowed(let allowed):
                throw HTTPError(.methodNotAllowed, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
            case .notFound:
                break
            }
            switch try resolver.resolve(host: request.host) {
            case .platform:
                return respondOnPlatform(request, language: fallbackLanguage)
            case .tenant(let tenant):
                return try respondOnTenant(request, tenant: tenant)
            }
        } catch {
            // No site could be determined: answer in platform branding, revealing nothing about tenants.
            let chrome = SiteChrome.platform(language: fallbackLanguage.language, path: "/")
            return errors.page(for: error, request: request, chrome: chrome)
        }
    }

    private func respondOnPlatform(_ request: HTTPRequest, language choice: LanguageChoice) -> HTTPResponse {
        let context = PlatformContext(
            language: choice.language, chrome: .platform(language: choice.language, path: request.pageAddress))
        var response: HTTPResponse
        do {
            response = try platformRoutes.respond(to: request, context: context)
        } catch {
            response = errors.page(for: error, request: request, chrome: .platform(language: choice.language, path: "/"))
        }
        if choice.remember, let cookie = choice.cookie { response.setCookie(cookie) }
        return response
    }

    private func respondOnTenant(_ request: HTTPRequest, tenant: Tenant) throws -> HTTPResponse {
        let site = try sites.site(for: tenant)
        let choice = LanguageChoice(request: request, default: site.branding.defaultLanguage)
        let context = TenantContext(
            tenant: tenant, site: site, language: choice.language,
            chrome: .tenant(site, language: choice.language, path: request.pageAddress))
        var response: HTTPResponse
        do {
            response = try tenantRoutes.respond(to: request, context: context)
        } catch {
            let chrome = SiteChrome.tenant(site, language: choice.language, path: "/")
            response = errors.page(for: error, request: request, chrome: chrome)
        }
        if choice.remember, let cookie = choice.cookie { response.setCookie(cookie) }
        response.logTag = tenant.slug
        return response
    }
}
