import HTTP

extension Routes {
    /// The pattern of the route that answered `request` (`/vouchers/{id}`), or `unmatched`: a metric
    /// label bounded by the route table, where the raw path would give every scanner its own series.
    ///
    /// Matching again costs a tree walk of a few segments, well under a microsecond, and keeps the
    /// routers and handlers unaware of metrics.
    func metricsLabel(for request: HTTPRequest, onTenantSite: Bool) -> String {
        if let pattern = Self.pattern(in: global, for: request) { return pattern }
        let site = onTenantSite ? Self.pattern(in: tenant, for: request) : Self.pattern(in: platform, for: request)
        return site ?? Metrics.unmatchedRoute
    }

    private static func pattern<Context>(in router: Router<Context>, for request: HTTPRequest) -> String? {
        guard case .found(_, _, let pattern) = try? router.match(method: request.method, path: request.path) else {
            return nil
        }
        return pattern.description
    }
}
