import Foundation
import HTTP

/// `POST /payments/webhook/{provider}` on every host: gateways call it server to server, so there is
/// no session, no CSRF and no page, only a small JSON answer (200 for processed, duplicate or ignored;
/// 4xx for rejected, 5xx when the gateway should retry).
struct WebhookController: Sendable {
    /// Webhook bodies are small JSON documents; anything larger is not from a gateway.
    static let bodyLimit = 64 * 1024
    static let pathPrefix = "/payments/webhook/"

    let processor: WebhookProcessor
    /// Whether this server takes a provider's webhooks at all (the sandbox's only where it is on).
    let accepts: @Sendable (PaymentProvider) -> Bool

    func addRoutes(to router: inout RouteGroup<GlobalContext>) {
        router.post(Self.pathPrefix + "{provider}", bodyLimit: Self.bodyLimit, limit: .webhook) { request, _, parameters in
            respond(to: request, provider: try parameters.require("provider"))
        }
    }

    private func respond(to request: HTTPRequest, provider name: String) -> HTTPResponse {
        guard let provider = PaymentProvider(rawValue: name), accepts(provider) else {
            return Self.answer(.notFound, outcome: "rejected", reason: "unknown provider")
        }
        guard request.body.count <= Self.bodyLimit else {
            return Self.answer(.contentTooLarge, outcome: "rejected", reason: "body too large")
        }
        let headers = request.headers.map { (name: $0.name, value: $0.value) }
        do {
            let outcome = try processor.handle(
                provider: provider, headers: headers, body: request.body, clientAddress: request.clientAddress)
            var response = Self.answer(outcome.status, outcome: outcome.kind.rawValue, reason: outcome.reason)
            if outcome.kind == .failed { response.headers.set("Retry-After", "30") }
            if outcome.status == .tooManyRequests, let window = processor.unverifiedLimit?.settings.window {
                // Unverifiable deliveries are counted per window: a window is the longest wait.
                response.headers.set("Retry-After", String(window.components.seconds))
            }
            return response
        } catch {
            Log.error("webhook \(provider.rawValue) could not be stored: \(error)")
            var response = Self.answer(.serviceUnavailable, outcome: "failed", reason: "try again later")
            response.headers.set("Retry-After", "30")
            return response
        }
    }

    private static func answer(_ status: HTTPStatus, outcome: String, reason: String?) -> HTTPResponse {
        var object = ["outcome": outcome]
        // A failure's reason is internal (it may name tables); gateways only need to know to retry.
        if let reason, outcome != "failed" { object["reason"] = reason }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        return HTTPResponse(status: status, headers: headers, body: StringJSONObject(object).bytes)
    }
}
