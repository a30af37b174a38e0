import Foundation

/// The gateways Gerbang speaks to (how they are used: docs/ARCHITECTURE.md §6).
public enum PaymentProvider: String, Sendable, CaseIterable, Hashable {
    case sandbox, midtrans, xendit
}

/// One payment gateway account: it opens checkouts and vouches for webhook deliveries.
/// Implementations are built from a `payment_gateways` row (keys, sandbox or production) and are
/// the only code that knows a gateway's wire format.
public protocol PaymentGateway: Sendable {
    var provider: PaymentProvider { get }

    /// Asks the gateway for a checkout page for one order or invoice.
    /// - Throws: `GatewayError`; the caller keeps the order and offers a retry.
    func createCheckout(_ request: CheckoutRequest) throws(GatewayError) -> Checkout

    /// Decides whether a webhook delivery really comes from this account, and reads it.
    /// - Throws: `WebhookRejection` for anything not proven authentic or not understood.
    func verify(_ delivery: WebhookDelivery) throws(WebhookRejection) -> PaymentEvent

    /// Asks the gateway what became of a payment, where it can tell (nil: it knows nothing yet).
    func fetchStatus(reference: String) throws(GatewayError) -> PaymentEvent?

    /// Whether the gateway answers status queries. Where it does, its answer alone decides a payment:
    /// a notification only says when to ask, since its signature may not cover the fields that matter.
    var hasStatusAPI: Bool { get }

    /// What the gateway says about the payment for `reference` now, asked with the checkout's own id
    /// where the gateway looks payments up by it (nil: it knows nothing of it).
    func currentStatus(reference: String, gatewayReference: String?) throws(GatewayError) -> PaymentEvent?
}

extension PaymentGateway {
    public var hasStatusAPI: Bool { true }

    public func currentStatus(reference: String, gatewayReference: String?) throws(GatewayError) -> PaymentEvent? {
        try fetchStatus(reference: reference)
    }
}

/// What to sell in one checkout. `reference` is our order or invoice number, the gateway's order id.
public struct CheckoutRequest: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let id: String
        public let name: String
        public let unitPrice: Int64
        public let quantity: Int

        public init(id: String, name: String, unitPrice: Int64, quantity: Int) {
            self.id = id
            self.name = name
            self.unitPrice = unitPrice
            self.quantity = quantity
        }
    }

    public let reference: String
    public let amount: Int64
    public let currency: String
    public let description: String
    public let customerName: String
    public let customerEmail: String
    public let customerPhone: String
    public let items: [Item]
    /// Where the gateway sends the buyer back (absolute URL); never proof of payment.
    public let returnURL: String
    public let expiresIn: Duration

    public init(
        reference: String, amount: Int64, currency: String = "IDR", description: String, customerName: String,
        customerEmail: String, customerPhone: String, items: [Item], returnURL: String, expiresIn: Duration
    ) {
        self.reference = reference
        self.amount = amount
        self.currency = currency
        self.description = description
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerPhone = customerPhone
        self.items = items
        self.returnURL = returnURL
        self.expiresIn = expiresIn
    }
}

/// Where to send the buyer, and the gateway's own id for the payment.
public struct Checkout: Sendable, Hashable {
    public let redirectURL: String
    public let gatewayReference: String

    public init(redirectURL: String, gatewayReference: String) {
        self.redirectURL = redirectURL
        self.gatewayReference = gatewayReference
    }
}

/// A webhook request as it arrived: headers with lower-cased names, and the raw body bytes.
public struct WebhookDelivery: Sendable {
    public let headers: [String: String]
    public let body: [UInt8]

    public init(headers: [String: String], body: [UInt8]) {
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What a verified delivery (or a status query) says about one payment.
public struct PaymentEvent: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case paid, pending, failed, expired, cancelled, refunded
    }

    /// Our order or invoice number.
    public let reference: String
    public let gatewayReference: String?
    public let status: Status
    /// Whole rupiah, when the gateway states an amount.
    public let amount: Int64?
    public let currency: String?

    public init(reference: String, gatewayReference: String?, status: Status, amount: Int64?, currency: String?) {
        self.reference = reference
        self.gatewayReference = gatewayReference
        self.status = status
        self.amount = amount
        self.currency = currency
    }
}

public enum GatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Network failure, timeout or 5xx: worth retrying later.
    case unavailable(String)
    /// The gateway refused the request (4xx): retrying the same request will not help.
    case rejected(String)
    /// Keys or settings are missing or wrong.
    case misconfigured(String)

    public var description: String {
        switch self {
        case .unavailable(let why): "gateway unavailable: \(why)"
        case .rejected(let why): "gateway rejected the request: \(why)"
        case .misconfigured(let why): "gateway misconfigured: \(why)"
        }
    }
}

/// Why a webhook delivery was not believed. Stored with the event; answered with 4xx.
public struct WebhookRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
