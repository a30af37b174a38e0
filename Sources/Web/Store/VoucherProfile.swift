import Foundation

/// A voucher package a tenant sells: price, how long it lasts, how much and how fast.
public struct VoucherProfile: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let name: String
    public let description: String
    public let price: Int64
    public let validityMinutes: Int
    public let dataQuotaMB: Int64?
    public let downloadKbps: Int?
    public let uploadKbps: Int?
    public let sharedUsers: Int
    public let radiusGroup: String
    public let codeLength: Int
    public let isOnSale: Bool
    public let sort: Int
    /// Whether its codes' validity counts from purchase rather than from their first log-in.
    public var validityFromPurchase = false

    public init(
        id: UUID, name: String, description: String, price: Int64, validityMinutes: Int, dataQuotaMB: Int64?,
        downloadKbps: Int?, uploadKbps: Int?, sharedUsers: Int, radiusGroup: String, codeLength: Int, isOnSale: Bool, sort: Int
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.validityMinutes = validityMinutes
        self.dataQuotaMB = dataQuotaMB
        self.downloadKbps = downloadKbps
        self.uploadKbps = uploadKbps
        self.sharedUsers = sharedUsers
        self.radiusGroup = radiusGroup
        self.codeLength = codeLength
        self.isOnSale = isOnSale
        self.sort = sort
    }
}
