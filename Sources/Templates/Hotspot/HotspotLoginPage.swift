/// `login.html`: a voucher code (used as username and password), or a username and password for
/// subscriber accounts behind a `<details>` toggle, and the way out to the store.
///
/// The visible forms never post themselves when script runs: `hotspot.js` fills the hidden `sendin` form
/// (MikroTik's own pattern), hashing the password for HTTP-CHAP. Without script the account form still
/// posts directly, which is enough for HTTP-PAP.
struct HotspotLoginPage: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        let strings = view.strings
        return SiteLayout(chrome: view.chrome, title: strings.loginTitle) {
            Element.section(.class("panel"), .ariaLabelledBy("login-heading")) {
                Element.h1(.id("login-heading")) { strings.loginTitle }
                HotspotErrorMessage()
                Element.p(.class("muted")) { strings.loginIntro }
                Element.p(.class("muted"), .id("hotspot-nojs")) { strings.needsJavaScript }
                Element.form(.id("voucher-form"), .name("login"), .action(SafeURL(HotspotVariable.linkLoginOnly)), .method(.post)) {
                    routerFields
                    Element.label(.for("voucher-code")) { strings.voucherCode }
                    Element.input(
                        .id("voucher-code"), .name("username"), .type(.text), .autocomplete("off"), .required,
                        .ariaDescribedBy("voucher-hint"))
                    Element.p(.class("hint muted"), .id("voucher-hint")) { strings.voucherCodeHint }
                    Element.button(.class("button"), .type(.submit)) { strings.logIn }
                }
                Element.details {
                    Element.summary { strings.accountToggle }
                    Element.form(.id("account-form"), .action(SafeURL(HotspotVariable.linkLoginOnly)), .method(.post)) {
                        routerFields
                        Element.label(.for("account-username")) { strings.username }
                        Element.input(
                            .id("account-username"), .name("username"), .type(.text), .autocomplete("username"), .required)
                        Element.label(.for("account-password")) { strings.password }
                        Element.input(
                            .id("account-password"), .name("password"), .type(.password),
                            .autocomplete("current-password"), .required)
                        Element.button(.class("button"), .type(.submit)) { strings.logIn }
                    }
                }
                Element.form(.id("sendin"), .name("sendin"), .action(SafeURL(HotspotVariable.linkLoginOnly)), .method(.post)) {
                    Element.input(.type(.hidden), .name("username"))
                    Element.input(.type(.hidden), .name("password"))
                    routerFields
                }
            }
            HotspotBuyPanel(view: view)
            // Octal escapes such as \311 only mean bytes inside a JS string literal, as MikroTik writes them.
            RawHTML(
                trustedLiteral:
                    "<script>var hotspotChap = $(if chap-id)['$(chap-id)', '$(chap-challenge)']$(else)null$(endif);</script>")
            RawHTML(trustedLiteral: "<script src=\"hotspot.js\"></script>")
        }.body
    }

    /// Where to go after login, and MikroTik's status pop-up.
    private var routerFields: HTMLFragment {
        HTMLFragment {
            Element.input(.type(.hidden), .name("dst"), .value(HotspotVariable.linkOrig))
            Element.input(.type(.hidden), .name("popup"), .value("true"))
        }
    }
}
