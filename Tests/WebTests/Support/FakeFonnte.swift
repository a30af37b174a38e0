import Foundation
import HTTP
import Synchronization

/// Plays Fonnte's send API as documented: `POST /send` with the device token as `Authorization` and
/// `target`, `message`, `countryCode` as form fields; `{"status": true, "id": [...]}` when queued,
/// `{"status": false, "reason": "..."}` (HTTP 200) for a wrong token, a missing target or a device
/// that is not connected.
final class FakeFonnte: Sendable {
    /// One message Fonnte took.
    struct Message: Sendable {
        let id: String
        /// The device token it was sent with: which WhatsApp number sent it.
        let deviceToken: String
        let target: String
        let text: String
        let countryCode: String?
    }

    let token: String
    private let server: FakeGatewayServer
    private let state: State

    /// - Parameter otherDevices: further device tokens it accepts (tenants' own numbers).
    init(token: String = "fonnte-" + UUID().uuidString.lowercased(), otherDevices: Set<String> = []) throws {
        self.token = token
        let state = State(tokens: otherDevices.union([token]))
        self.state = state
        server = try FakeGatewayServer { request in state.handle(request) }
    }

    var baseURL: String { server.baseURL }
    var requests: [FakeGatewayServer.RecordedRequest] { server.requests }
    var messages: [Message] { state.messages.withLock { $0 } }

    /// Messages whose text contains `fragment` (other tests' messages share the database and the sender).
    func messages(containing fragment: String) -> [Message] {
        messages.filter { $0.text.contains(fragment) }
    }

    /// Answers `{"status": false, "reason": reason}` to every send until called with nil.
    func refuse(_ reason: String?) { state.refusal.withLock { $0 = reason } }

    /// Answers `{"status": false, "reason": reason}` to every send from one device (a disconnected
    /// phone) until called with nil; the other devices keep sending.
    func refuse(_ reason: String?, device: String) { state.deviceRefusals.withLock { $0[device] = reason } }

    func setBehaviour(_ behaviour: FakeGatewayServer.Behaviour) { server.setBehaviour(behaviour) }

    func stop() { server.stop() }

    private final class State: Sendable {
        let tokens: Set<String>
        let messages = Mutex<[Message]>([])
        let refusal = Mutex<String?>(nil)
        let deviceRefusals = Mutex<[String: String]>([:])

        init(tokens: Set<String>) {
            self.tokens = tokens
        }

        func handle(_ request: FakeGatewayServer.RecordedRequest) -> HTTPResponse {
            guard request.method == "POST", request.path == "/send" else {
                return FakeGatewayServer.json(["reason": "unknown endpoint", "status": false], status: .notFound)
            }
            guard let deviceToken = request.header("Authorization"), tokens.contains(deviceToken) else {
                return Self.refused("token invalid")
            }
            guard let contentType = request.header("Content-Type"),
                let form = try? MultipartForm(body: request.body, contentType: contentType),
                let target = form["target"], !target.isEmpty
            else {
                return Self.refused("target invalid")
            }
            if let reason = refusal.withLock({ $0 }) ?? deviceRefusals.withLock({ $0[deviceToken] }) {
                return Self.refused(reason)
            }
            let id = messages.withLock { messages in
                let id = String(80_000_000 + messages.count)
                messages.append(
                    Message(
                        id: id, deviceToken: deviceToken, target: target, text: form["message"] ?? "",
                        countryCode: form["countryCode"]))
                return id
            }
            return FakeGatewayServer.json(
                ["detail": "success! message in queue", "id": [id], "process": "pending", "status": true, "target": [target]],
                status: .ok)
        }

        static func refused(_ reason: String) -> HTTPResponse {
            FakeGatewayServer.json(["reason": reason, "status": false], status: .ok)
        }
    }
}
