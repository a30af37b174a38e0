import HTTP
import Postgres

/// `GET /metrics` on every host, in the Prometheus text format, for the addresses in `METRICS_ALLOW`
/// only (default: loopback). Anyone else gets the same 404 as for a path that does not exist, so the
/// endpoint is not advertised.
struct MetricsController: Sendable {
    static let path = "/metrics"

    let allowed: [IPAddressRange]
    let metrics: Metrics
    let database: PostgresPool
    /// The per-tenant caches' counters and sizes, by cache.
    let caches: @Sendable () -> [(name: String, statistics: CacheStatistics)]
    /// A worker's view of its supervisor's counters (restarts, reloads); nil when there is no supervisor.
    let supervisorCountersFile: String?

    func addRoutes(to router: inout RouteGroup<GlobalContext>) {
        router.get(Self.path) { request, _, _ in
            // `clientAddress` is the forwarded one only when the peer is a trusted proxy.
            guard allowed.contains(where: { $0.contains(request.clientAddress) }) else { throw HTTPError(.notFound) }
            let exposition = MetricsExposition(
                metrics: metrics, pool: database.statistics, caches: caches(),
                supervisor: supervisorCountersFile.flatMap(SupervisorCounters.read(from:)))
            var headers = HTTPHeaders()
            headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            headers.set("Cache-Control", "no-store")
            return HTTPResponse(status: .ok, headers: headers, body: Array(exposition.render().utf8))
        }
    }
}
