import Foundation

/// An ISP served by this deployment.
///
/// A class: every request shares the instance the host cache holds. As a struct, each request copied
/// it and retained its texts, a cache miss each when hosts are many and random. Equal when every field is.
public final class Tenant: Sendable, Hashable, Identifiable {
    public enum Tier: String, Sendable, CaseIterable {
        case starter, professional, enterprise
    }

    public let id: UUID
    public let slug: String
    public let name: String
    public let tier: Tier
    public let usesCustomPaymentGateway: Bool
    /// The id in lower case, as rate-limit keys spell it: formatted once here, since formatting a UUID
    /// showed in the profile of every rate-limited request.
    public let idString: String

    init(id: UUID, slug: String, name: String, tier: Tier, usesCustomPaymentGateway: Bool) {
        self.id = id
        self.slug = slug
        self.name = name
        self.tier = tier
        self.usesCustomPaymentGateway = usesCustomPaymentGateway
        idString = id.uuidString.lowercased()
    }

    public static func == (lhs: Tenant, rhs: Tenant) -> Bool {
        lhs.id == rhs.id && lhs.slug == rhs.slug && lhs.name == rhs.name && lhs.tier == rhs.tier
            && lhs.usesCustomPaymentGateway == rhs.usesCustomPaymentGateway
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// What a request's host resolves to.
public enum Site: Sendable, Hashable {
    /// The platform's own site on the bare base domain (head office).
    case platform
    case tenant(Tenant)
}
