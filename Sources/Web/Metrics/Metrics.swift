import HTTP
import Synchronization

/// What this process counts about itself for `/metrics`: requests, webhooks, outbox deliveries and cache notifications.
/// The gauges (database pool, cache sizes) are read from their owners at scrape time instead.
final class Metrics: Sendable {
    let requests = RequestMetrics()
    let webhooks = WebhookMetrics()
    let notifications = NotificationMetrics()
    /// `tenant_changed` notifications received; each one empties or trims the in-memory caches.
    let tenantChanges = Atomic<UInt64>(0)
    /// Reconnections of the listener; each one empties every cache (notifications may have been missed).
    let listenerReconnects = Atomic<UInt64>(0)

    /// Called once per request, after the response is built. `route` is the matched pattern.
    func record(_ request: HTTPRequest, _ response: HTTPResponse, route: String, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        requests.record(method: request.method, route: route, status: response.status.code, seconds: seconds)
        if route == Self.webhookRoute { webhooks.record(path: request.path, body: response.body) }
    }

    func tenantChanged() { tenantChanges.wrappingAdd(1, ordering: .relaxed) }
    func listenerReconnected() { listenerReconnects.wrappingAdd(1, ordering: .relaxed) }

    static let webhookRoute = WebhookController.pathPrefix + "{provider}"
    /// The label of requests no route took (404s, 405s): one series, not one per made-up path.
    static let unmatchedRoute = "unmatched"
}
