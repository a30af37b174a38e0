/// `GET /admin/routers`: the tenant's routers, each with its masked secret and how many are online on it.
public struct AdminRoutersView: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let identifier: String
        public let address: String
        /// `••••cdef`
        public let maskedSecret: String
        public let kind: String
        public let coaPort: Int
        public let online: Int
        public let editPath: String
        public let deletePath: String

        public init(
            name: String, identifier: String, address: String, maskedSecret: String, kind: String, coaPort: Int,
            online: Int, editPath: String, deletePath: String
        ) {
            self.name = name
            self.identifier = identifier
            self.address = address
            self.maskedSecret = maskedSecret
            self.kind = kind
            self.coaPort = coaPort
            self.online = online
            self.editPath = editPath
            self.deletePath = deletePath
        }
    }

    public let entries: [Entry]
    public let newPath: String
    public let csrfToken: String
    public let saved: Bool

    public init(entries: [Entry], newPath: String, csrfToken: String, saved: Bool) {
        self.entries = entries
        self.newPath = newPath
        self.csrfToken = csrfToken
        self.saved = saved
    }
}

/// `GET/POST /admin/routers/new` and `/admin/routers/{id}`: one router's form. The secret is never put
/// back into the form; a stored one is shown masked.
public struct AdminRouterFormView: Sendable, Hashable {
    public enum Field {
        public static let name = "name"
        public static let identifier = "identifier"
        public static let address = "address"
        public static let secret = "secret"
        public static let kind = "kind"
        public static let coaPort = "coa_port"
        public static let csrf = "_csrf"
    }

    public let isNew: Bool
    public let state: FormState
    /// `••••cdef` for a router that has one.
    public let storedSecret: String?
    public let formPath: String
    public let csrfToken: String
    /// A stored router's tunnel section; nil on the new-router form.
    public let tunnel: AdminRouterTunnelView?

    public init(
        isNew: Bool, state: FormState, storedSecret: String?, formPath: String, csrfToken: String,
        tunnel: AdminRouterTunnelView? = nil
    ) {
        self.tunnel = tunnel
        self.isNew = isNew
        self.state = state
        self.storedSecret = storedSecret
        self.formPath = formPath
        self.csrfToken = csrfToken
    }
}
