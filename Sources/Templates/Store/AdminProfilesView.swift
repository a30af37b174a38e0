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
        public let editPath: String
        /// Each button posts to `actionPath + "/" + action` (`hide`, `show`, `delete`, `restore`, `up`, `down`).
        public let actionPath: String

        public init(
            name: String, price: String, validity: String, radiusGroup: String, status: Status, editPath: String,
            actionPath: String
        ) {
            self.name = name
            self.price = price
            self.validity = validity
            self.radiusGroup = radiusGroup
            self.status = status
            self.editPath = editPath
            self.actionPath = actionPath
        }
    }

    public let entries: [Entry]
    public let newPath: String
    public let csrfToken: String
    public let saved: Bool

    public init(entries: [Entry], newPath: String, csrfToken: String, saved: Bool = false) {
        self.entries = entries
        self.newPath = newPath
        self.csrfToken = csrfToken
        self.saved = saved
    }
}
