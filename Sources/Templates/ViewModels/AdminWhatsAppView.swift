/// `GET/POST /admin/whatsapp`: who sends the buyers' WhatsApp messages, and the form to send them from
/// the tenant's own number. The token never travels back to the browser: its field always renders
/// empty, and its hint names the stored token by its last four characters only.
public struct AdminWhatsAppView: Sendable, Hashable {
    public enum Field {
        public static let useOwnSender = "use_own_sender"
        public static let token = "fonnte_token"
        public static let csrf = "_csrf"
    }

    /// Who sends now, already in words.
    public let inEffect: String
    /// The values as last submitted, without the token.
    public let state: FormState
    /// The stored token, masked (`••••abcd`); nil when none is stored.
    public let storedToken: String?
    public let saved: Bool
    public let csrfToken: String

    public init(inEffect: String, state: FormState, storedToken: String?, saved: Bool = false, csrfToken: String) {
        self.inEffect = inEffect
        var state = state
        state.values[Field.token] = nil
        self.state = state
        self.storedToken = storedToken
        self.saved = saved
        self.csrfToken = csrfToken
    }
}
