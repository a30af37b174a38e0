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
    let routes: Routes
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
            TenantFraming(),
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
        server.bodyLimit = { [routes] method, path in routes.bodyLimit(method, path) }
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
        var label = Metrics.unmatchedRoute
        let response = answer(request, label: &label)
        services.metrics.record(request, response, route: label, since: started)
        return response
    }

    /// What a tenant's site can answer from memory, here on the event loop without a hand-off to a
    /// worker (the two hand-offs were most of a cached page's cost): a route's answer from memory (the
    /// home page), and a remembered refusal for any route. The tenant, its site and every middleware's
    /// decision must be in memory too, and the request is counted only once the answer is at hand;
    /// anything else (`AnswerNeedsWorker`) goes to a worker, which answers it from the start. The same
    /// pipeline runs either way, so the answer is the same.
    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        let global = RouteLookup(routes.global, request)
        let globalRules = global.rules(for: request.method)
        if global.isFound {
            // A route of every host (the static assets) whose handler never blocks.
            guard globalRules.neverBlocks else { return nil }
            let started = ContinuousClock.now
            let context = GlobalContext(route: globalRules)
            guard let response = try? appMiddleware.run(request, context: context, endpoint: global.respond) else { return nil }
            services.metrics.record(request, response, route: globalRules.label, since: started)
            return response
        }
        guard case .notFound = global,
            let tenant = services.resolver.cachedTenant(host: request.host),
            let site = services.sites.cachedSite(for: tenant)
        else { return nil }
        let started = ContinuousClock.now
        let lookup = RouteLookup(routes.tenant, request)
        guard
            let response = try? appMiddleware.run(
                request, context: GlobalContext(route: .unrouted(request.method, malformed: false)),
                endpoint: { request, _ in try tenantResponse(request, tenant: tenant, site: site, lookup: lookup, onEventLoop: true) })
        else { return nil }
        services.metrics.record(request, response, route: lookup.rules(for: request.method).label, since: started)
        return response
    }

    private func answer(_ request: HTTPRequest, label: inout String) -> HTTPResponse {
        let global = RouteLookup(routes.global, request)
        let context = GlobalContext(route: global.rules(for: request.method))
        do {
            return try appMiddleware.run(request, context: context) { request, _ in
                if !global.isNotFound {
                    label = context.route.label
                    return try global.respond(to: request, context: context)
                }
                return route(request, label: &label)
            }
        } catch {
            return errors.page(for: error, request: request, chrome: .platform(language: .id, path: Paths.home))
        }
    }

    private func route(_ request: HTTPRequest, label: inout String) -> HTTPResponse {
        let fallback = LanguageChoice(request: request, default: .id)
        do {
            switch try services.resolver.resolve(host: request.host) {
            case .platform:
                let lookup = RouteLookup(routes.platform, request)
                label = lookup.rules(for: request.method).label
                return respondOnPlatform(request, lookup: lookup, language: fallback)
            case .tenant(let tenant):
                let lookup = RouteLookup(routes.tenant, request)
                label = lookup.rules(for: request.method).label
                let site = try services.sites.site(for: tenant)
                return try tenantResponse(request, tenant: tenant, site: site, lookup: lookup, onEventLoop: false)
            }
        } catch {
            // No site could be determined: answer in platform branding, revealing nothing about tenants.
            return errors.page(for: error, request: request, chrome: .platform(language: fallback.language, path: Paths.home))
        }
    }

    private func respondOnPlatform(
        _ request: HTTPRequest, lookup: RouteLookup<PlatformContext>, language choice: LanguageChoice
    ) -> HTTPResponse {
        let context = PlatformContext(
            language: choice.language, chrome: .platform(language: choice.language, path: request.pageAddress),
            languageCookie: choice.cookie, route: lookup.rules(for: request.method))
        do {
            return try platformMiddleware.run(request, context: context) { request, context in
                do {
                    return try lookup.respond(to: request, context: context)
                } catch {
                    return errors.page(for: error, request: request, chrome: .platform(language: context.language, path: Paths.home))
                }
            }
        } catch {
            return errors.page(for: error, request: request, chrome: .platform(language: choice.language, path: Paths.home))
        }
    }

    /// The tenant's middleware and routes, their errors as the tenant's pages. On the event loop the
    /// route's answer from memory stands in for its handler, and `AnswerNeedsWorker` passes through.
    private func tenantResponse(
        _ request: HTTPRequest, tenant: Tenant, site: TenantSite, lookup: RouteLookup<TenantContext>, onEventLoop: Bool
    ) throws -> HTTPResponse {
        let choice = LanguageChoice(request: request, default: site.branding.defaultLanguage)
        let rules = lookup.rules(for: request.method)
        // A refusal remembered in memory is answered before the tenant's middleware: none of it changes
        // a refused answer (the rate limit is its innermost step), and a flood is refused at least as fast
        // as the home page is served.
        if onEventLoop,
            let client = TenantRateLimit.clientRules(request, route: rules, tenant: tenant, settings: services.rateLimits.settings),
            let refusal = services.rateLimits.rememberedRefusal(of: client)
        {
            var response = refusalPage(refusal, tenant: tenant, site: site, language: choice.language)
            response.logTag = tenant.slug
            return response
        }
        // Past that, the loop has nothing to give a route that is answered from the database: its rate
        // limit is counted where it is answered (`TenantRateLimit`), so the middleware is left to the worker.
        if onEventLoop, !rules.neverBlocks, rules.fromMemory == nil { throw AnswerNeedsWorker() }
        // The admin's pages say when something the store relies on is missing; the sign-in page is
        // public and says nothing about the store.
        let warnsOfNoSender =
            !site.sendsWhatsApp && request.path.hasPrefix(Paths.Admin.dashboard + "/")
            && request.path != AuthenticatedTenantAdmin.loginPath
        var context = TenantContext(
            tenant: tenant, site: site, language: choice.language, pageAddress: request.pageAddress,
            warnsOfNoSender: warnsOfNoSender, languageCookie: choice.cookie, route: rules)
        if onEventLoop {
            // A route without an answer in memory is the workers' to answer (unless a refusal is remembered).
            let routed = context
            context.answering = .onEventLoop {
                if rules.neverBlocks { return try lookup.respond(to: request, context: routed) }
                guard let fromMemory = rules.fromMemory else { throw AnswerNeedsWorker() }
                do { return try fromMemory(request, routed, lookup.parameters) } catch { throw AnswerNeedsWorker() }
            }
        }
        var response: HTTPResponse
        do {
            response = try tenantMiddleware.run(request, context: context) { request, context in
                if context.answering.isOnEventLoop { return try context.answering.answer() }
                do {
                    return try lookup.respond(to: request, context: context)
                } catch {
                    return errors.page(for: error, request: request, chrome: .tenant(site, language: context.language, path: Paths.home))
                }
            }
        } catch let refusal as RateLimitExceeded {
            response = refusalPage(refusal, tenant: tenant, site: site, language: choice.language)
        } catch let needsWorker as AnswerNeedsWorker {
            throw needsWorker
        } catch {
            response = errors.page(for: error, request: request, chrome: .tenant(site, language: choice.language, path: Paths.home))
        }
        response.logTag = tenant.slug
        return response
    }

    /// The tenant's 429 page, rendered once per language and kept with the site.
    private func refusalPage(_ refusal: RateLimitExceeded, tenant: Tenant, site: TenantSite, language: Language) -> HTTPResponse {
        errors.refusal(refusal, page: services.sites.refusalPage(for: tenant, site: site, language: language))
    }
}
