import Synchronization
import Templates

/// Where this process itself can be reached, known only once the server listens (the port may be 0
/// in the configuration). The sandbox gateway delivers its webhooks here.
final class LocalEndpoint: Sendable {
    private let port = Mutex(0)
    private let configuredWebhookURL: String?

    init(sandboxWebhookURL: String?) {
        configuredWebhookURL = sandboxWebhookURL
    }

    func listening(on port: Int) {
        self.port.withLock { $0 = port }
    }

    var sandboxWebhookURL: String {
        configuredWebhookURL ?? "http://127.0.0.1:\(port.withLock { $0 })" + Paths.webhook("sandbox")
    }
}
