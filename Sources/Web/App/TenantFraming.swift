import HTTP

/// A tenant's opt-in to being framed (admin branding form): its responses name the sites allowed in
/// `frame-ancestors` instead of `'none'`. Runs in the tenant's middleware, so no other tenant's pages
/// and no platform page are affected; `SecurityHeaders` keeps a policy that is already set, and leaves
/// out `X-Frame-Options`, which cannot name sites, whenever framing is allowed.
struct TenantFraming: Middleware {
    let repository: FrameAncestorsRepository

    func handle(
        _ request: HTTPRequest, context: TenantContext, next: (HTTPRequest, TenantContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        // On the event loop, the list must be known before anything after this counts the request.
        var cached: FrameAncestors?
        if context.answering.isOnEventLoop {
            guard let list = repository.cachedFrameAncestors(for: context.tenant, version: context.branding.version) else {
                throw AnswerNeedsWorker()
            }
            cached = list
        }
        var response = try next(request, context)
        guard !response.headers.contains("Content-Security-Policy") else { return response }
        // A database hiccup here must not turn a page into an error: the default ('none') is the safe side.
        let allowed = cached ?? (try? repository.frameAncestors(for: context.tenant, version: context.branding.version)) ?? .none
        if !allowed.origins.isEmpty {
            response.headers.set("Content-Security-Policy", SecurityHeaders<TenantContext>.policy(frameAncestors: allowed))
        }
        return response
    }
}
