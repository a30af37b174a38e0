import Foundation
import HTTP
import Synchronization

/// Plays Xendit's Invoice API as documented: Basic auth with the secret key, `POST /v2/invoices`
/// answering the invoice object, `GET /v2/invoices/{id}` and `GET /v2/invoices?external_id=…`,
/// 401 `INVALID_API_KEY` for a wrong key, 400 `API_VALIDATION_ERROR` for a bad body.
final class FakeXenditGateway: Sendable {
    let secretKey: String
    private let server: FakeGatewayServer
    private let state: State

    init(secretKey: String = "xnd_development_" + UUID().uuidString.lowercased()) throws {
        self.secretKey = secretKey
        let state = State(authorization: "Basic " + Data((secretKey + ":").utf8).base64EncodedString())
        self.state = state
        server = try FakeGatewayServer { request in state.handle(request) }
    }

    var baseURL: String { server.baseURL }
    var requests: [FakeGatewayServer.RecordedRequest] { server.requests }

    func setBehaviour(_ behaviour: FakeGatewayServer.Behaviour) { server.setBehaviour(behaviour) }

    /// Marks an invoice paid, as if the buyer had paid it.
    func markPaid(id: String) {
        state.invoices.withLock { invoices in
            guard let index = invoices.firstIndex(where: { $0.id == id }) else { return }
            invoices[index].status = "PAID"
            invoices[index].paidAmount = invoices[index].amount
        }
    }

    /// Puts an invoice in the fake's books as if Xendit had created it (for orders made by fixtures),
    /// replacing one with the same id: what `GET /v2/invoices/{id}` answers from then on.
    func setInvoice(id: String, externalID: String, status: String, amount: Int64, paidAmount: Int64? = nil) {
        let invoice = Invoice(
            id: id, externalID: externalID, status: status, amount: amount,
            paidAmount: paidAmount ?? (status == "PAID" || status == "SETTLED" ? amount : nil), currency: "IDR",
            payerEmail: nil, created: ISO8601DateFormatter().string(from: Date()))
        state.invoices.withLock { invoices in
            invoices.removeAll { $0.id == id }
            invoices.append(invoice)
        }
    }

    /// One invoice as the fake keeps it; `json` is how Xendit writes it.
    struct Invoice: Sendable {
        let id: String
        let externalID: String
        var status: String
        let amount: Int64
        var paidAmount: Int64?
        let currency: String
        let payerEmail: String?
        let created: String

        var json: [String: Any] {
            var object: [String: Any] = [
                "id": id, "external_id": externalID, "status": status, "amount": amount, "currency": currency,
                "invoice_url": "https://checkout-staging.xendit.co/web/" + id, "created": created,
            ]
            if let paidAmount { object["paid_amount"] = paidAmount }
            if let payerEmail { object["payer_email"] = payerEmail }
            return object
        }
    }

    func stop() { server.stop() }

    private final class State: Sendable {
        let authorization: String
        let invoices = Mutex<[Invoice]>([])

        init(authorization: String) {
            self.authorization = authorization
        }

        func handle(_ request: FakeGatewayServer.RecordedRequest) -> HTTPResponse {
            guard request.header("Authorization") == authorization else {
                return FakeGatewayServer.json(
                    ["error_code": "INVALID_API_KEY", "message": "API key is not authorized for this API service"],
                    status: .unauthorized)
            }
            if request.method == "POST", request.path == "/v2/invoices" { return create(request) }
            if request.method == "GET", request.path == "/v2/invoices" {
                let externalID = request.query.split(separator: "&").compactMap { pair -> String? in
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, parts[0] == "external_id" else { return nil }
                    return String(parts[1]).removingPercentEncoding
                }.first
                let found = invoices.withLock { $0.filter { $0.externalID == externalID } }
                return FakeGatewayServer.json(found.map(\.json), status: .ok)
            }
            if request.method == "GET", request.path.hasPrefix("/v2/invoices/") {
                let id = String(request.path.dropFirst("/v2/invoices/".count))
                if let invoice = invoices.withLock({ $0.first { $0.id == id } }) {
                    return FakeGatewayServer.json(invoice.json, status: .ok)
                }
                return FakeGatewayServer.json(
                    ["error_code": "INVOICE_NOT_FOUND_ERROR", "message": "Invoice not found"],
                    status: HTTPStatus(code: 404, reason: "Not Found"))
            }
            return FakeGatewayServer.json(
                ["error_code": "NOT_FOUND", "message": "not found"], status: HTTPStatus(code: 404, reason: "Not Found"))
        }

        private func create(_ request: FakeGatewayServer.RecordedRequest) -> HTTPResponse {
            guard let body = request.json, let externalID = body["external_id"] as? String, !externalID.isEmpty,
                let amount = body["amount"] as? NSNumber, String(cString: amount.objCType) != "c", amount.doubleValue > 0
            else {
                return FakeGatewayServer.json(
                    ["error_code": "API_VALIDATION_ERROR", "message": "external_id and amount are required"],
                    status: .badRequest)
            }
            let id = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24))
            let invoice = Invoice(
                id: id, externalID: externalID, status: "PENDING", amount: amount.int64Value,
                currency: body["currency"] as? String ?? "IDR", payerEmail: body["payer_email"] as? String,
                created: ISO8601DateFormatter().string(from: Date()))
            invoices.withLock { $0.append(invoice) }
            return FakeGatewayServer.json(invoice.json, status: .ok)
        }
    }
}
