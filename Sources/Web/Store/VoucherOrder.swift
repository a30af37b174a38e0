import Foundation

/// An order in the e-voucher store, with what it sold copied from the profile at order time.
public struct VoucherOrder: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case pending, paid, expired, failed, cancelled
    }

    public let id: UUID
    public let tenantID: UUID
    /// `EV` and 12 characters of an unambiguous alphabet: unique, not sequential.
    public let number: String
    public let profileID: UUID
    public let profileName: String
    public let unitPrice: Int64
    public let validityMinutes: Int
    public let dataQuotaMB: Int64?
    public let downloadKbps: Int?
    public let uploadKbps: Int?
    public let sharedUsers: Int
    public let radiusGroup: String
    public let codeLength: Int
    public let quantity: Int
    public let amount: Int64
    public let currency: String
    public let buyerName: String
    /// Normalised `+62…`.
    public let buyerPhone: String
    public let buyerEmail: String
    public let language: String
    public let status: Status
    public let gatewayID: UUID?
    public let gatewayProvider: String?
    public let gatewayReference: String?
    public let checkoutURL: String?
    public let createdAt: Date
    public let paidAt: Date?
    public let expiresAt: Date
    /// Whether the codes' validity counts from purchase (the payment) rather than from their first log-in.
    public var validityFromPurchase = false

    public init(
        id: UUID, tenantID: UUID, number: String, profileID: UUID, profileName: String, unitPrice: Int64,
        validityMinutes: Int, dataQuotaMB: Int64?, downloadKbps: Int?, uploadKbps: Int?, sharedUsers: Int,
        radiusGroup: String, codeLength: Int, quantity: Int, amount: Int64, currency: String, buyerName: String,
        buyerPhone: String, buyerEmail: String, language: String, status: Status, gatewayID: UUID?,
        gatewayProvider: String?, gatewayReference: String?, checkoutURL: String?, createdAt: Date, paidAt: Date?,
        expiresAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.number = number
        self.profileID = profileID
        self.profileName = profileName
        self.unitPrice = unitPrice
        self.validityMinutes = validityMinutes
        self.dataQuotaMB = dataQuotaMB
        self.downloadKbps = downloadKbps
        self.uploadKbps = uploadKbps
        self.sharedUsers = sharedUsers
        self.radiusGroup = radiusGroup
        self.codeLength = codeLength
        self.quantity = quantity
        self.amount = amount
        self.currency = currency
        self.buyerName = buyerName
        self.buyerPhone = buyerPhone
        self.buyerEmail = buyerEmail
        self.language = language
        self.status = status
        self.gatewayID = gatewayID
        self.gatewayProvider = gatewayProvider
        self.gatewayReference = gatewayReference
        self.checkoutURL = checkoutURL
        self.createdAt = createdAt
        self.paidAt = paidAt
        self.expiresAt = expiresAt
    }

    /// Pending past its deadline: shown and treated as expired even before the sweep writes it.
    public func effectiveStatus(now: Date = Date()) -> Status {
        status == .pending && expiresAt <= now ? .expired : status
    }
}
