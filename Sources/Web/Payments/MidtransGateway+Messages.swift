import Foundation

/// Midtrans's message formats: the Snap transaction we send, and the notification (or Get Status
/// answer) we read back.
extension MidtransGateway {
    /// The Snap request body. Items are sent only when they add up to the amount, which Midtrans
    /// checks (it answers 400 otherwise); empty customer fields are left out.
    static func transactionBody(for request: CheckoutRequest) -> [String: Any] {
        var body: [String: Any] = [
            "transaction_details": ["order_id": request.reference, "gross_amount": request.amount],
            "callbacks": ["finish": request.returnURL],
        ]
        var customer: [String: Any] = [:]
        if !request.customerName.isEmpty { customer["first_name"] = String(request.customerName.prefix(255)) }
        if !request.customerEmail.isEmpty { customer["email"] = request.customerEmail }
        if !request.customerPhone.isEmpty { customer["phone"] = request.customerPhone }
        if !customer.isEmpty { body["customer_details"] = customer }
        if !request.items.isEmpty {
            body["item_details"] = request.items.map { item -> [String: Any] in
                // Midtrans caps item names at 50 characters.
                ["id": item.id, "price": item.unitPrice, "quantity": item.quantity, "name": String(item.name.prefix(50))]
            }
        }
        let minutes = Int(request.expiresIn.components.seconds / 60)
        if minutes > 0 { body["expiry"] = ["unit": "minute", "duration": minutes] }
        return body
    }

    /// Reads a notification (already authenticated) or a Get Status answer: all values are strings.
    static func event(from json: GatewayJSON) throws(WebhookRejection) -> PaymentEvent {
        guard let orderID = json.nonEmptyString("order_id"), let statusCode = json.nonEmptyString("status_code"),
            let transactionStatus = json.nonEmptyString("transaction_status")
        else {
            throw WebhookRejection("order_id, status_code or transaction_status is missing")
        }
        guard
            let status = status(
                transactionStatus: transactionStatus, fraudStatus: json.nonEmptyString("fraud_status"),
                statusCode: statusCode)
        else {
            throw WebhookRejection("unknown transaction_status")
        }
        var amount: Int64?
        if let gross = json.string("gross_amount") {
            guard let parsed = RupiahAmount.parse(gross) else {
                throw WebhookRejection("gross_amount is not a whole rupiah amount")
            }
            amount = parsed
        }
        return PaymentEvent(
            reference: orderID, gatewayReference: json.nonEmptyString("transaction_id"), status: status, amount: amount,
            currency: json.nonEmptyString("currency"))
    }

    /// Midtrans's transaction status as ours. Paid only for `settlement`, or a `capture` whose fraud
    /// check passed (or did not run), and only with status code 200. Nil for a status we do not know.
    static func status(transactionStatus: String, fraudStatus: String?, statusCode: String) -> PaymentEvent.Status? {
        switch transactionStatus {
        case "settlement":
            return statusCode == "200" ? .paid : .pending
        case "capture":
            switch fraudStatus {
            case nil, "accept": return statusCode == "200" ? .paid : .pending
            case "challenge": return .pending
            case "deny": return .failed
            default: return nil
            }
        case "pending", "authorize": return .pending
        case "deny", "failure": return .failed
        case "cancel": return .cancelled
        case "expire": return .expired
        case "refund", "partial_refund": return .refunded
        default: return nil
        }
    }
}
