import Foundation

/// An ISP served by this deployment.
public struct Tenant: Sendable, Hashable, Identifiable {
    public enum Tier: String, Sendable, CaseIterable {
        case starter, professional, enterprise
    }

    public let id: UUID
    public let slug: String
    public let name: String
    public let tier: Tier
    public let usesCustomPaymentGateway: Bool
}

/// What a request's host resolves to.
public enum Site: Sendable, Hashable {
    /// The platform's own site on the bare base domain (head office).
    case platform
    case tenant(Tenant)
}
