import HTTP

/// The limits on a tenant's site, per client first: every request counts against its client address's
/// share of the tenant's limit, and a `POST` to a sensitive route also against that address's family
/// limit; only what those let through counts against the tenant's tier, so one client can neither
/// deny the store to others nor spend the tenant's limit on refusals. Files that need no database (the
/// logo, the theme) are not counted.
struct TenantRateLimit: Middleware {
    let gate: RateLimitGate

    func handle(
        _ request: HTTPRequest, context: TenantContext, next: (HTTPRequest, TenantContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard let client = Self.clientRules(request, route: context.route, tenant: context.tenant, settings: gate.settings) else {
            return try next(request, context)
        }
        let tenant = [RateLimitRule.tenant(context.tenant, settings: gate.settings)]
        guard context.answering.isOnEventLoop else {
            return try gate.pass(request, stages: [client, tenant], tenantID: context.tenant.id) { try next($0, context) }
        }
        // A remembered refusal was answered before the tenant's middleware (`Application.tenantResponse`).
        // Counted only when the leases can take it and the answer is at hand: a request the worker
        // answers after all is counted there.
        guard gate.hasLeasedRequests(for: client + tenant) else { throw AnswerNeedsWorker() }
        var answered = context
        answered.answering = .answered(try context.answering.answer())
        guard let decision = gate.leasedDecision(for: client + tenant) else { throw AnswerNeedsWorker() }
        var response = try next(request, answered)
        decision.apply(to: &response.headers)
        return response
    }

    /// The first stage: the client's share, and its family's limit for a sensitive route; nil when the
    /// request is not limited at all.
    static func clientRules(
        _ request: HTTPRequest, route: RouteRules, tenant: Tenant, settings: RateLimitSettings
    ) -> [RateLimitRule]? {
        guard settings.isEnabled, route.isCounted else { return nil }
        var client = [RateLimitRule.client(request.clientAddress, of: tenant, settings: settings)]
        if let family = route.family {
            client.append(.address(request.clientAddress, family: family, site: tenant.idString, settings: settings))
        }
        return client
    }
}

/// Per-address limits outside tenant sites: the central webhook (on the application's outermost
/// chain, which sees every request, so it matches nothing else) and head office's login.
/// Any other request passes without touching the database.
struct AddressRateLimit<Context: RoutedContext>: Middleware {
    let gate: RateLimitGate
    /// The families this chain is responsible for (a tenant's `POST /orders` is the tenant chain's).
    let families: Set<SensitiveRoute>
    /// Names the counters of this chain's site (`platform`, `any`).
    let site: String

    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard gate.settings.isEnabled, let family = context.route.family, families.contains(family)
        else { return try next(request, context) }
        let rule = RateLimitRule.address(request.clientAddress, family: family, site: site, settings: gate.settings)
        return try gate.pass(request, stages: [[rule]], tenantID: nil) { try next($0, context) }
    }
}
