/// One voucher package and its order form (`GET /vouchers/{id}`, and again with errors after `POST /orders`).
public struct VoucherPage: HTMLComponent {
    let chrome: SiteChrome
    let view: VoucherView

    public init(chrome: SiteChrome, view: VoucherView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let title = view.form.state.hasErrors ? "\(strings.formHasErrors) \(view.name)" : view.name
        return SiteLayout(chrome: chrome, title: title) {
            Element.section(.class("panel package")) {
                Element.h1 { view.name }
                Element.p(.class("price")) {
                    view.price
                    " "
                    Element.span(.class("muted")) { strings.perVoucher }
                }
                if !view.description.isEmpty { Element.p { view.description } }
                Element.ul { for detail in view.details { Element.li { detail } } }
            }
            Element.section(.class("panel"), .ariaLabelledBy("order-heading")) {
                Element.h2(.id("order-heading")) { strings.orderFormHeading }
                OrderForm(form: view.form, strings: strings, sendsWhatsApp: chrome.sendsWhatsApp)
            }
        }.body
    }
}
