import HTTP

/// A tenant's opt-in to being framed (admin branding form): its responses name the sites allowed in
/// `frame-ancestors` instead of `'none'`. Runs in the tenant's middleware, so no other tenant's pages
/// and no platform page are affected; `SecurityHeaders` keeps a policy that is already set, and leaves
/// out `X-Frame-Options`, which cannot name sites, whenever framing is allowed. The list comes with the
/// tenant's site (`TenantSite.frameAncestors`), so it never sends a request to a worker.
struct TenantFraming: Middleware {
    func handle(
        _ request: HTTPRequest, context: TenantContext, next: (HTTPRequest, TenantContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response = try next(request, context)
        let allowed = context.site.frameAncestors
        guard !allowed.origins.isEmpty, !response.headers.contains("Content-Security-Policy") else { return response }
        response.headers.set("Content-Security-Policy", SecurityHeaders<TenantContext>.policy(frameAncestors: allowed))
        return response
    }
}
