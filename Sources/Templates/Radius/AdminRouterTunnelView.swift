/// The tunnel part of one router's page: a button to give it a WireGuard tunnel, or the tunnel it has
/// with the RouterOS commands to paste (the private key in them only on the page right after giving).
public struct AdminRouterTunnelView: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// `WIREGUARD_NETWORK` is not set on this platform.
        case unavailable
        case offered(givePath: String)
        case given(address: String, commands: String, showsPrivateKey: Bool, removePath: String)
    }

    public let state: State
    /// Why the last action failed (pool used up, address taken), shown as an alert.
    public let alert: String?
    public let csrfToken: String

    public init(state: State, alert: String? = nil, csrfToken: String) {
        self.state = state
        self.alert = alert
        self.csrfToken = csrfToken
    }
}

/// Rendered under the router's form.
struct AdminRouterTunnelSection: HTMLComponent {
    let view: AdminRouterTunnelView
    let language: Language

    var body: HTMLFragment {
        let words = language.routerTunnelStrings
        return HTMLFragment {
            Element.section(.class("panel"), .ariaLabelledBy("tunnel-heading")) {
                Element.h2(.id("tunnel-heading")) { words.heading }
                if let alert = view.alert { Element.p(.class("form-alert"), .role("alert")) { alert } }
                switch view.state {
                case .unavailable:
                    Element.p(.class("muted")) { words.unavailable }
                case .offered(let givePath):
                    Element.p { words.intro }
                    Element.form(.method(.post), .action(SafeURL(givePath))) {
                        HiddenInput(name: AdminRouterFormView.Field.csrf, value: view.csrfToken)
                        Element.button(.class("button"), .type(.submit)) { words.give }
                    }
                case .given(let address, let commands, let showsPrivateKey, let removePath):
                    Element.p {
                        words.addressLabel + " "
                        Element.code { address }
                    }
                    Element.p { showsPrivateKey ? words.pasteOnce : words.pasteAgain }
                    Element.pre(.class("router-commands")) { Element.code { commands } }
                    Element.form(.method(.post), .action(SafeURL(removePath))) {
                        HiddenInput(name: AdminRouterFormView.Field.csrf, value: view.csrfToken)
                        Element.button(.class("button secondary"), .type(.submit)) { words.remove }
                    }
                }
            }
        }
    }
}
