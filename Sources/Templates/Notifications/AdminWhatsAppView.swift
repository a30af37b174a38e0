/// `GET/POST /admin/whatsapp`: who sends the buyers' WhatsApp messages, the tenant's own senders and the
/// form to add one. Tokens never travel back to the browser: the token field always renders empty, and
/// a stored token is named by its last four characters only.
public struct AdminWhatsAppView: Sendable, Hashable {
    public enum Field {
        public static let name = "name"
        public static let token = "fonnte_token"
        public static let perMinute = "per_minute"
        public static let active = "active"
        public static let csrf = "_csrf"
    }

    /// One of the tenant's own senders, already in words.
    public struct Sender: Sendable, Hashable {
        public let name: String
        /// `••••abcd`.
        public let maskedToken: String
        public let perMinute: Int
        public let isActive: Bool
        public let editPath: String
        public let deletePath: String

        public init(name: String, maskedToken: String, perMinute: Int, isActive: Bool, editPath: String, deletePath: String) {
            (self.name, self.maskedToken, self.perMinute, self.isActive) = (name, maskedToken, perMinute, isActive)
            (self.editPath, self.deletePath) = (editPath, deletePath)
        }
    }

    /// Who sends now, already in words.
    public let inEffect: String
    public let senders: [Sender]
    /// The add form as last submitted, without the token.
    public let state: FormState
    public let saved: Bool
    public let csrfToken: String

    public init(inEffect: String, senders: [Sender], state: FormState, saved: Bool = false, csrfToken: String) {
        self.inEffect = inEffect
        self.senders = senders
        self.state = state.withoutToken
        self.saved = saved
        self.csrfToken = csrfToken
    }
}

/// `GET/POST /admin/whatsapp/senders/{id}`: one of the tenant's own senders, edited.
public struct AdminWhatsAppSenderView: Sendable, Hashable {
    public let state: FormState
    /// The stored token, masked.
    public let storedToken: String
    public let formPath: String
    public let csrfToken: String

    public init(state: FormState, storedToken: String, formPath: String, csrfToken: String) {
        self.state = state.withoutToken
        self.storedToken = storedToken
        self.formPath = formPath
        self.csrfToken = csrfToken
    }
}

extension FormState {
    /// The state with the token field emptied: a token is never written back into a page.
    var withoutToken: FormState {
        var state = self
        state.values[AdminWhatsAppView.Field.token] = nil
        return state
    }
}
