/// The payment gateway failed or is not set up: nothing is lost, and one button posts the same form again.
public struct PaymentRetryPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PaymentRetryView

    public init(chrome: SiteChrome, view: PaymentRetryView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.gatewayDownTitle) {
            Element.section(.class("panel")) {
                Element.h1 { strings.gatewayDownTitle }
                Element.p { view.message }
                Element.form(.method(.post), .action(SafeURL(view.action))) {
                    for field in view.fields { HiddenInput(name: field.name, value: field.value) }
                    Element.button(.class("button accent"), .type(.submit)) { strings.retryPayment }
                }
            }
        }.body
    }
}
