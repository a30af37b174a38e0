import Foundation

/// `GET /admin/profiles`: every voucher profile of the tenant, hidden and deleted ones included, in
/// the store's order, with the buttons that change each.
public struct AdminProfilesView: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case onSale, hidden, deleted
    }

    public struct Entry: Sendable, Hashable {
        public let name: String
        /// `Rp 5.000`
        public let price: String
        /// `1 day`
        public let validity: String
        public let radiusGroup: String
        public let status: Status
        /// The profile's editor is `Paths.Admin.profile(id)`; each button posts to `Paths.Admin.profileAction`.
        public let id: UUID

        public init(id: UUID, name: String, price: String, validity: String, radiusGroup: String, status: Status) {
            self.id = id
            self.name = name
            self.price = price
            self.validity = validity
            self.radiusGroup = radiusGroup
            self.status = status
        }
    }

    public let entries: [Entry]
    public let csrfToken: String
    public let saved: Bool

    public init(entries: [Entry], csrfToken: String, saved: Bool = false) {
        self.entries = entries
        self.csrfToken = csrfToken
        self.saved = saved
    }
}
