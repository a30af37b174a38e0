/// The built-in sandbox gateway's checkout page, on the tenant's own host. Clearly not a real payment.
public struct SandboxCheckoutPage: HTMLComponent {
    let chrome: SiteChrome
    let view: SandboxCheckoutView

    public init(chrome: SiteChrome, view: SandboxCheckoutView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.sandboxTitle) {
            Element.p(.class("sandbox-banner"), .role("note")) { strings.sandboxBanner }
            Element.section(.class("panel sandbox")) {
                Element.h1 { strings.sandboxTitle }
                Element.dl(.class("summary")) {
                    Element.dt { strings.sandboxMerchant }
                    Element.dd { view.merchantName }
                    for line in view.lines {
                        Element.dt { line.label }
                        Element.dd { line.value }
                    }
                    Element.dt { strings.sandboxAmount }
                    Element.dd(.class("price")) { view.amount }
                }
                Element.form(.method(.post), .action(SafeURL(view.action)), .class("actions")) {
                    HiddenInput(name: "_csrf", value: view.csrfToken)
                    Element.button(.class("button accent big"), .type(.submit), .name("outcome"), .value("pay")) {
                        strings.sandboxPay
                    }
                    Element.button(.class("button secondary"), .type(.submit), .name("outcome"), .value("fail")) {
                        strings.sandboxFail
                    }
                }
            }
        }.body
    }
}
