import Foundation

/// One row of `payment_gateways`: a central account (no tenant) or a tenant's own.
/// `settings` holds the keys; it is never logged or shown except masked.
public struct PaymentGatewayAccount: Sendable, Hashable {
    public let id: UUID
    public let tenantID: UUID?
    public let provider: PaymentProvider
    public let settings: [String: String]
    public let isSandbox: Bool
    public let isActive: Bool

    public init(id: UUID, tenantID: UUID?, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool) {
        self.id = id
        self.tenantID = tenantID
        self.provider = provider
        self.settings = settings
        self.isSandbox = isSandbox
        self.isActive = isActive
    }

    /// `••••cdef`: enough for an admin to recognise a key, never enough to use it.
    public static func masked(_ secret: String) -> String {
        secret.count <= 4 ? "••••" : "••••" + secret.suffix(4)
    }
}
