/// The payment gateway failed or is not set up: the order is kept, and one button posts the same form
/// again (same idempotency key, so the same order).
public struct OrderRetryPage: HTMLComponent {
    let chrome: SiteChrome
    let view: OrderRetryView

    public init(chrome: SiteChrome, view: OrderRetryView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.gatewayDownTitle) {
            Element.section(.class("panel")) {
                Element.h1 { strings.gatewayDownTitle }
                Element.p { strings.gatewayDownText(view.orderNumber) }
                Element.form(.method(.post), .action("/orders")) {
                    for field in view.fields { HiddenInput(name: field.name, value: field.value) }
                    Element.button(.class("button accent"), .type(.submit)) { strings.retryPayment }
                }
            }
        }.body
    }
}
