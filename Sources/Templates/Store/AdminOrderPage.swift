/// `GET /admin/orders/{orderNumber}`: one order, its codes and the webhook deliveries about it.
public struct AdminOrderPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminOrderView

    public init(chrome: SiteChrome, view: AdminOrderView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.orderTitle(view.number)) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.orders)
            Element.section(.class("panel admin-detail"), .ariaLabelledBy("order-heading")) {
                Element.p { Element.a(.href(SafeURL(Paths.Admin.orders))) { sales.backToOrders } }
                Element.h1(.id("order-heading")) { sales.orderTitle(view.number) }
                Element.p { view.status }
                Element.h2 { sales.buyerHeading }
                AdminSalesSummary(lines: view.buyer)
                Element.h2 { strings.labelPackage }
                AdminSalesSummary(lines: view.package)
                Element.h2 { sales.paymentHeading }
                AdminSalesSummary(lines: view.payment)
                Element.h2 { sales.vouchersHeading }
                if view.voucherCodes.isEmpty {
                    Element.p(.class("muted")) { sales.noVouchers }
                } else {
                    Element.ul(.class("admin-codes")) {
                        for code in view.voucherCodes {
                            Element.li {
                                Element.code { code }
                                if let state = view.voucherStates[code] {
                                    " "
                                    Element.span(.class("code-state")) { state }
                                }
                            }
                        }
                    }
                }
                Element.h2 { sales.webhookEventsHeading }
                AdminSalesTable(
                    headers: [sales.labelReceived, sales.labelProvider, sales.labelOutcome, sales.labelDetail],
                    rows: view.webhookEvents.map { event in
                        [
                            HTMLFragment { event.receivedAt }, HTMLFragment { event.provider },
                            HTMLFragment { event.outcome }, HTMLFragment { event.detail },
                        ]
                    }, emptyText: sales.noWebhookEvents)
                Element.h2 { sales.messagesHeading }
                AdminSalesTable(
                    headers: [sales.labelQueued, sales.labelPhone, sales.labelOutcome, sales.labelAttempts, sales.labelDetail],
                    rows: view.messages.map { message in
                        [
                            HTMLFragment { message.queuedAt }, HTMLFragment { message.recipient },
                            HTMLFragment { message.status }, HTMLFragment { message.attempts }, HTMLFragment { message.detail },
                        ]
                    }, emptyText: sales.noMessages)
                if view.resent {
                    FormNotice(sales.resendQueued)
                }
                if !view.messages.isEmpty {
                    Element.form(
                        .class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.orderMessages(view.number))), .novalidate
                    ) {
                        FormErrorSummary(state: view.resendState, message: strings.formHasErrors)
                        HiddenInput(name: AdminOrderView.Field.csrf, value: view.csrfToken)
                        TextField(
                            name: AdminOrderView.Field.phone, label: sales.resendLabel, state: view.resendState, type: .tel,
                            autocomplete: "off", inputMode: .tel)
                        Element.button(.class("button"), .type(.submit)) { sales.resendButton }
                    }
                }
            }
        }.body
    }
}
