import Foundation
import HTTP
import Synchronization

/// Plays Midtrans Snap and the Get Status API as documented: Basic auth with the server key,
/// JSON in and out, 201 with a token and redirect URL, 401 for a wrong key, 400 with
/// `error_messages` for a body Midtrans would refuse, and status answers for known orders.
final class FakeMidtransGateway: Sendable {
    let serverKey: String
    private let server: FakeGatewayServer
    private let state: State

    init(serverKey: String = "SB-Mid-server-" + UUID().uuidString.prefix(12)) throws {
        self.serverKey = serverKey
        let state = State(authorization: "Basic " + Data((serverKey + ":").utf8).base64EncodedString())
        self.state = state
        server = try FakeGatewayServer { request in state.handle(request) }
        state.baseURL.withLock { $0 = server.baseURL }
    }

    var baseURL: String { server.baseURL }
    var requests: [FakeGatewayServer.RecordedRequest] { server.requests }

    func setBehaviour(_ behaviour: FakeGatewayServer.Behaviour) { server.setBehaviour(behaviour) }

    /// What Get Status answers for `orderID` (the same string fields as a notification).
    func setStatus(orderID: String, fields: [String: String]) {
        state.statuses.withLock { $0[orderID] = fields }
    }

    func stop() { server.stop() }

    private final class State: Sendable {
        let authorization: String
        let baseURL = Mutex("")
        let statuses = Mutex<[String: [String: String]]>([:])
        let usedOrderIDs = Mutex<Set<String>>([])

        init(authorization: String) {
            self.authorization = authorization
        }

        func handle(_ request: FakeGatewayServer.RecordedRequest) -> HTTPResponse {
            guard request.header("Authorization") == authorization else {
                return FakeGatewayServer.json(
                    [
                        "status_code": "401",
                        "error_messages": [
                            "Access denied due to unauthorized transaction, please check client or server key"
                        ],
                    ], status: .unauthorized)
            }
            guard request.header("Accept") == "application/json" else {
                return badRequest("Accept header must be application/json")
            }
            if request.method == "POST", request.path == "/snap/v1/transactions" {
                return createTransaction(request)
            }
            let parts = request.path.split(separator: "/")
            if request.method == "GET", parts.count == 3, parts[0] == "v2", parts[2] == "status" {
                let orderID = String(parts[1]).removingPercentEncoding ?? String(parts[1])
                guard let fields = statuses.withLock({ $0[orderID] }) else {
                    return FakeGatewayServer.json(
                        ["status_code": "404", "status_message": "Transaction doesn't exist."],
                        status: HTTPStatus(code: 404, reason: "Not Found"))
                }
                return FakeGatewayServer.json(fields, status: .ok)
            }
            return FakeGatewayServer.json(["error_messages": ["Not found"]], status: HTTPStatus(code: 404, reason: "Not Found"))
        }

        private func createTransaction(_ request: FakeGatewayServer.RecordedRequest) -> HTTPResponse {
            guard request.header("Content-Type") == "application/json", let body = request.json else {
                return badRequest("request body must be JSON")
            }
            guard let details = body["transaction_details"] as? [String: Any],
                let orderID = details["order_id"] as? String, !orderID.isEmpty, orderID.count <= 50,
                orderID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_~.".contains($0)) })
            else {
                return badRequest("transaction_details.order_id is invalid")
            }
            guard let gross = Self.integer(details["gross_amount"]), gross > 0 else {
                return badRequest("transaction_details.gross_amount is required and must be an integer")
            }
            if let items = body["item_details"] as? [[String: Any]] {
                var sum: Int64 = 0
                for item in items {
                    guard let price = Self.integer(item["price"]), let quantity = Self.integer(item["quantity"]),
                        item["name"] is String
                    else {
                        return badRequest("item_details is invalid")
                    }
                    sum += price * quantity
                }
                guard sum == gross else {
                    return badRequest("transaction_details.gross_amount is not equal to the sum of item_details")
                }
            }
            guard usedOrderIDs.withLock({ $0.insert(orderID).inserted }) else {
                return badRequest("transaction_details.order_id sudah digunakan")
            }
            let token = UUID().uuidString.lowercased()
            let redirect = baseURL.withLock { $0 } + "/snap/v2/vtweb/" + token
            return FakeGatewayServer.json(["token": token, "redirect_url": redirect], status: .created)
        }

        private func badRequest(_ message: String) -> HTTPResponse {
            FakeGatewayServer.json(["status_code": "400", "error_messages": [message]], status: .badRequest)
        }

        /// Midtrans wants integers: a JSON number without a fraction (not a string, not a boolean).
        static func integer(_ value: Any?) -> Int64? {
            guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
                number.doubleValue.rounded() == number.doubleValue
            else { return nil }
            return number.int64Value
        }
    }
}
