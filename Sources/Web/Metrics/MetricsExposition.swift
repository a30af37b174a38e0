import HTTP
import Synchronization

/// Everything `/metrics` shows, gathered at scrape time and written in the Prometheus text format.
/// Series are sorted, so two scrapes list the same series in the same order.
struct MetricsExposition {
    let metrics: Metrics
    let pool: (open: Int, inUse: Int, waiting: Int)
    let caches: [(name: String, statistics: CacheStatistics)]
    var supervisor: SupervisorCounters? = nil

    func render() -> String {
        var out = PrometheusText()
        writeRequests(to: &out)
        writeWebhooks(to: &out)
        writeNotifications(to: &out)
        writePool(to: &out)
        writeCaches(to: &out)
        if let supervisor { writeSupervisor(supervisor, to: &out) }
        return out.text
    }

    private func writeRequests(to out: inout PrometheusText) {
        let snapshot = metrics.requests.snapshot
        out.family("gerbang_http_requests_total", .counter, help: "Requests answered, by method, route pattern and status.")
        let series = snapshot.counts.sorted { lhs, rhs in
            (lhs.key.route, lhs.key.method.rawValue, lhs.key.status) < (rhs.key.route, rhs.key.method.rawValue, rhs.key.status)
        }
        for (key, count) in series {
            out.sample(
                "gerbang_http_requests_total",
                ["method": key.method.rawValue, "route": key.route, "status": String(key.status)], count)
        }
        let name = "gerbang_http_request_duration_seconds"
        out.family(name, .histogram, help: "Time from a parsed request to its response bytes, by route pattern.")
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            let cumulative = histogram.cumulativeCounts
            for (index, bound) in LatencyHistogram.bounds.enumerated() {
                out.sample(name + "_bucket", ["route": route, "le": PrometheusText.number(bound)], cumulative[index])
            }
            out.sample(name + "_bucket", ["route": route, "le": "+Inf"], histogram.count)
            out.sample(name + "_sum", ["route": route], histogram.sum)
            out.sample(name + "_count", ["route": route], histogram.count)
        }
    }

    private func writeWebhooks(to out: inout PrometheusText) {
        out.family("gerbang_webhooks_total", .counter, help: "Webhook deliveries by provider and outcome.")
        for (key, count) in metrics.webhooks.snapshot.sorted(by: { $0.key < $1.key }) {
            out.sample("gerbang_webhooks_total", ["provider": key.provider, "outcome": key.outcome], count)
        }
    }

    private func writeNotifications(to out: inout PrometheusText) {
        out.family("gerbang_notifications_total", .counter, help: "Attempts to deliver outbox messages, by channel and outcome.")
        for outcome in NotificationMetrics.Outcome.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            out.sample(
                "gerbang_notifications_total", ["channel": "whatsapp", "outcome": outcome.rawValue],
                metrics.notifications.count(outcome))
        }
    }

    private func writePool(to out: inout PrometheusText) {
        out.family("gerbang_db_pool_connections", .gauge, help: "Database connections open in the pool.")
        out.sample("gerbang_db_pool_connections", [:], pool.open)
        out.family("gerbang_db_pool_in_use", .gauge, help: "Database connections lent to a request right now.")
        out.sample("gerbang_db_pool_in_use", [:], pool.inUse)
        out.family("gerbang_db_pool_waiting", .gauge, help: "Requests waiting for a database connection right now.")
        out.sample("gerbang_db_pool_waiting", [:], pool.waiting)
    }

    private func writeCaches(to out: inout PrometheusText) {
        let counters: [(String, String, KeyPath<CacheStatistics, UInt64>)] = [
            ("gerbang_cache_hits_total", "Lookups answered from memory, by cache.", \.hits),
            ("gerbang_cache_misses_total", "Lookups that went to the database, by cache.", \.misses),
            ("gerbang_cache_invalidations_total", "Invalidations (by NOTIFY or reconnect), by cache.", \.invalidations),
            ("gerbang_cache_evictions_total", "Entries dropped to stay within the cache's memory bound, by cache.", \.evictions),
        ]
        let gauges: [(String, String, KeyPath<CacheStatistics, Int>)] = [
            ("gerbang_cache_entries", "Entries held now, by cache.", \.entries),
            ("gerbang_cache_bytes", "Estimated bytes held now, by cache.", \.bytes),
            ("gerbang_cache_capacity_bytes", "The cache's share of CACHE_MEMORY_MB, by cache.", \.capacity),
        ]
        let sorted = caches.sorted { $0.name < $1.name }
        for (name, help, value) in counters {
            out.family(name, .counter, help: help)
            for cache in sorted { out.sample(name, ["cache": cache.name], cache.statistics[keyPath: value]) }
        }
        for (name, help, value) in gauges {
            out.family(name, .gauge, help: help)
            for cache in sorted { out.sample(name, ["cache": cache.name], cache.statistics[keyPath: value]) }
        }
        out.family("gerbang_tenant_change_notifications_total", .counter, help: "NOTIFY tenant_changed received.")
        out.sample("gerbang_tenant_change_notifications_total", [:], metrics.tenantChanges.load(ordering: .relaxed))
        out.family("gerbang_listener_reconnects_total", .counter, help: "Reconnections of the NOTIFY listener; each empties every cache.")
        out.sample("gerbang_listener_reconnects_total", [:], metrics.listenerReconnects.load(ordering: .relaxed))
    }

    /// The supervisor's numbers, the same whichever worker answers the scrape.
    private func writeSupervisor(_ counters: SupervisorCounters, to out: inout PrometheusText) {
        out.family("gerbang_worker_processes", .gauge, help: "Worker processes the supervisor keeps running.")
        out.sample("gerbang_worker_processes", [:], counters.workers)
        out.family("gerbang_worker_starts_total", .counter, help: "Worker processes started, replacements included.")
        out.sample("gerbang_worker_starts_total", [:], counters.starts)
        out.family(
            "gerbang_worker_exits_total", .counter,
            help: "Worker processes ended: signal (a crash or kill), exit (on its own), replaced (SIGHUP, stop).")
        for reason in SupervisorCounters.ExitReason.allCases {
            out.sample("gerbang_worker_exits_total", ["reason": reason.rawValue], counters.exits[reason, default: 0])
        }
        out.family("gerbang_supervisor_reloads_total", .counter, help: "SIGHUPs: rolling replacements of every worker.")
        out.sample("gerbang_supervisor_reloads_total", [:], counters.reloads)
    }
}
