/// `GET /orders/{number}?t=…`: waiting (refreshes itself), the codes once paid, or a way to order again.
public struct OrderStatusPage: HTMLComponent {
    let chrome: SiteChrome
    let view: OrderStatusView

    public init(chrome: SiteChrome, view: OrderStatusView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        // In the head: HTML allows a refresh nowhere else.
        let refresh = view.refreshes ? SiteLayout.Refresh(after: 5, to: SafeURL(view.refreshURL)) : nil
        return SiteLayout(chrome: chrome, title: strings.orderHeading(view.number), refresh: refresh) {
            Element.section(.class("panel order"), .ariaLive(.polite)) {
                Element.h1 { strings.orderHeading(view.number) }
                stateSection(strings)
                Element.dl(.class("summary")) {
                    for line in view.summary {
                        Element.dt { line.label }
                        Element.dd { line.value }
                    }
                }
            }
            followUp(strings)
        }.body
    }

    @HTMLBuilder
    private func stateSection(_ strings: Strings) -> HTMLFragment {
        switch view.state {
        case .pending(let checkoutURL):
            Element.h2 { strings.orderPendingHeading }
            Element.p { strings.orderPendingText }
            if let checkoutURL {
                Element.a(.class("button accent"), .href(SafeURL(checkoutURL))) { strings.continueToPayment }
            }
        case .paid(let codes, _):
            Element.h2 { strings.orderPaidHeading }
            if codes.isEmpty {
                Element.p { strings.orderCodesPreparing }
            } else {
                Element.ul(.class("codes")) {
                    for code in codes {
                        Element.li {
                            Element.code { code }
                            if let state = view.codeStates[code] {
                                " "
                                Element.span(.class("code-state")) { state }
                            }
                        }
                    }
                }
                Element.p(.class("muted")) { strings.orderCodesHint }
                Element.p(.class("muted")) { strings.keepThisLink }
            }
        case .closed(let outcome, _):
            switch outcome {
            case .expired:
                Element.h2 { strings.orderExpiredHeading }
                Element.p { strings.orderExpiredText }
            case .failed:
                Element.h2 { strings.orderFailedHeading }
                Element.p { strings.orderFailedText }
            case .cancelled:
                Element.h2 { strings.orderCancelledHeading }
                Element.p { strings.orderFailedText }
            }
        }
    }

    @HTMLBuilder
    private func followUp(_ strings: Strings) -> HTMLFragment {
        switch view.state {
        case .pending:
            HTMLFragment()
        case .paid(_, let loginURL):
            Element.section(.class("panel")) {
                Element.h2 { strings.howToUseHeading }
                Element.ol { for step in strings.howToUseSteps { Element.li { step } } }
                if let loginURL {
                    Element.a(.class("button"), .href(SafeURL(loginURL))) { strings.openHotspotLogin }
                }
            }
        case .closed(_, let payAgain):
            Element.section(.class("panel"), .ariaLabelledBy("again-heading")) {
                Element.h2(.id("again-heading")) { strings.payAgainHeading }
                if let payAgain {
                    OrderForm(form: payAgain, strings: strings, sendsWhatsApp: chrome.sendsWhatsApp)
                } else {
                    Element.p { strings.packageNoLongerSold }
                    Element.a(.class("button"), .href(SafeURL(Paths.catalogue))) { strings.buyVoucher }
                }
            }
        }
    }
}
