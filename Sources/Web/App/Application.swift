import Foundation
import HTTP
import Postgres
import Templates

/// The composition root and the request pipeline, in the order a request meets them:
/// middleware → routes for every host → tenant resolution → language → site routes → error pages.
public final class Application: HTTPResponder {
    public let config: AppConfig
    let services: Services
    let logWriter = LogWriter()
    private let errors = ErrorResponder()
    private let routes: Routes
    private let appMiddleware: MiddlewareChain<GlobalContext>
    private let platformMiddleware: MiddlewareChain<PlatformContext>
    private let tenantMiddleware: MiddlewareChain<TenantContext>

    public init(config: AppConfig) throws {
        self.config = config
        Log.level = config.logLevel
        services = try Services(config: config)
        try SecretsAtRest(database: services.database, secrets: services.secrets).sealPlainValues()
        routes = Routes(services: services)
        // Middleware in order, one per line, the first outermost; built here because some need services.
        appMiddleware = MiddlewareChain([
            SecurityHeaders(),
            AddressRateLimit(gate: services.rateLimits, families: [.webhook], site: "any"),
        ])
        platformMiddleware = MiddlewareChain([
            LanguageCookie(),
            AddressRateLimit(gate: services.rateLimits, families: [.login], site: "platform"),
        ])
        tenantMiddleware = MiddlewareChain([
            TenantFraming(repository: FrameAncestorsRepository(database: services.database)),
            LanguageCookie(),
            UsageCounting(meter: services.usage),
            TenantRateLimit(gate: services.rateLimits),
        ])
    }

    public var serverConfiguration: HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.host = config.bindAddress
        server.port = config.port
        server.eventLoops = config.eventLoops
        server.workers = config.workers
        server.reusePort = config.reusePort
        server.trustedProxies = config.trustedProxies
        server.bodyLimit = { _, path in RequestLimits.bodyBytes(forPath: path) }
        if config.accessLog {
            let writer = logWriter
            server.accessLog = { line in writer.write(line) }
        } else {
            server.accessLog = nil
        }
        return server
    }

    /// Before the server accepts anything: subscribe to cache invalidations, so that no answer cached
    /// from the first request on can miss a change.
    public func prepare() {
        services.startListening()
    }

    /// Once the server listens: what runs beside the requests (the periodic sweeps).
    public func startBackgroundWork(listeningOn port: Int) {
        services.endpoint.listening(on: port)
        services.startSweeps()
    }

    public func stopBackgroundWork() {
        services.stopBackgroundWork()
        logWriter.flush()
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let started = ContinuousClock.now
        let response = answer(request)
        // Only tenant responses carry a log tag (the slug): it says which route table answered.
        services.metrics.record(
            request, response, route: routes.metricsLabel(for: request, onTenantSite: response.logTag != nil), since: started)
        return response
    }

    /// What a tenant's site can answer from memory, here on the event loop without a hand-off to a
    /// worker (the two hand-offs were most of a cached page's cost): a route's cached answer (the home
    /// page), and a remembered refusal for any route. The tenant, its site and every middleware's
    /// decision must be in memory too, and the request is counted only once the answer is at hand;
    /// anything else (`AnswerNeedsWorker`) goes to a worker, which answers it from the start. The same
    /// pipeline runs either way, so the answer is the same.
    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        guard case .notFound? = try? routes.global.match(method: request.method, path: request.path),
            let tenant = services.resolver.cachedTenant(host: request.host),
            let site = services.sites.cachedSite(for: tenant)
        else { return nil }
        let started = ContinuousClock.now
        guard
            let response = try? appMiddleware.run(
                request, context: GlobalContext(),
                endpoint: { request, _ in try tenantResponse(request, tenant: tenant, site: site, onEventLoop: true) })
        else { return nil }
        services.metrics.record(request, response, route: routes.metricsLabel(for: request, onTenantSite: true), since: started)
        return response
    }

    private func answer(_ request: HTTPRequest) -> HTTPResponse {
        do {
            return try appMiddleware.run(request, context: GlobalContext()) { request, _ in route(request) }
        } catch {
            return errors.page(for: error, request: request, chrome: .platform(language: .id, path: "/"))
        }
    }

    private func route(_ request: HTTPRequest) -> HTTPResponse {
        let fallback = LanguageChoice(request: request, default: .id)
        do {
            switch try routes.global.match(method: request.method, path: request.path) {
            case .found(let handler, let parameters, _):
                return try handler(request, GlobalContext(), parameters)
            case .methodNotAllowed(let allowed):
                throw HTTPError(.methodNotAllowed, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
            case .notFound:
                break
            }
            switch try services.resolver.resolve(host: request.host) {
            case .platform:
                return respondOnPlatform(request, language: fallback)
            case .tenant(let tenant):
                return try respondOnTenant(request, tenant: tenant)
            }
        } catch {
            // No site could be determined: answer in platform branding, revealing nothing about tenants.
            return errors.page(for: error, request: request, chrome: .platform(language: fallback.language, path: "/"))
        }
    }

    private func respondOnPlatform(_ request: HTTPRequest, language choice: LanguageChoice) -> HTTPResponse {
        let context = PlatformContext(
            language: choice.language, chrome: .platform(language: choice.language, path: request.pageAddress),
            languageCookie: choice.cookie)
        do {
            return try platformMiddleware.run(request, context: context) { request, context in
                do {
                    return try routes.platform.respond(to: request, context: context)
                } catch {
                    return errors.page(for: error, request: request, chrome: .platform(language: context.language, path: "/"))
                }
            }
        } catch {
            return errors.page(for: error, request: request, chrome: .platform(language: choice.language, path: "/"))
        }
    }

    private func respondOnTenant(_ request: HTTPRequest, tenant: Tenant) throws -> HTTPResponse {
        try tenantResponse(request, tenant: tenant, site: try services.sites.site(for: tenant), onEventLoop: false)
    }

    /// The tenant's middleware and routes, their errors as the tenant's pages. On the event loop the
    /// route's answer from memory stands in for the routes, and `AnswerNeedsWorker` passes through.
    private func tenantResponse(_ request: HTTPRequest, tenant: Tenant, site: TenantSite, onEventLoop: Bool) throws
        -> HTTPResponse
    {
        let choice = LanguageChoice(request: request, default: site.branding.defaultLanguage)
        var chrome = SiteChrome.tenant(site, language: choice.language, path: request.pageAddress)
        // The admin's pages say when something the store relies on is missing; the sign-in page is
        // public and says nothing about the store.
        if request.path.hasPrefix("/admin/"), request.path != AuthenticatedTenantAdmin.loginPath, !site.sendsWhatsApp {
            chrome.alerts.append(choice.language.adminSalesStrings.whatsAppNoSenderWarning)
        }
        var context = TenantContext(
            tenant: tenant, site: site, language: choice.language, chrome: chrome, languageCookie: choice.cookie)
        if onEventLoop {
            let (routes, routed) = (routes, context)
            // A route without an answer in memory, or not among them at all, is the workers' to answer.
            context.answering = .onEventLoop {
                do { return try routes.tenantFromMemory.respond(to: request, context: routed) } catch { throw AnswerNeedsWorker() }
            }
        }
        var response: HTTPResponse
        do {
            response = try tenantMiddleware.run(request, context: context) { request, context in
                if context.answering.isOnEventLoop { return try context.answering.answer() }
                do {
                    return try routes.tenant.respond(to: request, context: context)
                } catch {
                    return errors.page(for: error, request: request, chrome: .tenant(site, language: context.language, path: "/"))
                }
            }
        } catch let refusal as RateLimitExceeded {
            if let page = site.refusalPages[choice.language] {
                response = errors.refusal(refusal, page: page)
            } else {
                response = errors.page(for: refusal, request: request, chrome: .tenant(site, language: choice.language, path: "/"))
            }
        } catch let needsWorker as AnswerNeedsWorker {
            throw needsWorker
        } catch {
            response = errors.page(for: error, request: request, chrome: .tenant(site, language: choice.language, path: "/"))
        }
        response.logTag = tenant.slug
        return response
    }
}
