/// `GET /portal`: the subscriber, their plan and status (isolation said plainly), and the next invoice.
public struct PortalDashboardPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalDashboardView

    public init(chrome: SiteChrome, view: PortalDashboardView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return PortalLayout(chrome: chrome, frame: view.frame, title: strings.customerPortal) {
            Element.section(.class("panel")) {
                Element.h1 { strings.portalGreeting(view.name) }
                if view.status == .isolated {
                    Element.p(.class("form-alert isolated"), .role("alert")) { strings.isolatedNotice }
                }
                Element.dl(.class("summary")) {
                    Element.dt { strings.labelCustomerNumber }
                    Element.dd { view.customerNumber }
                    Element.dt { strings.labelPPPoEUsername }
                    Element.dd { view.pppoeUsername }
                    Element.dt { strings.labelPlan }
                    Element.dd { view.planName }
                    if let speed = view.speed {
                        Element.dt { chrome.language.portalAccountStrings.labelSpeed }
                        Element.dd { speed }
                    }
                    Element.dt { strings.labelMonthlyPrice }
                    Element.dd { view.monthlyPrice }
                    Element.dt { strings.labelStatus }
                    Element.dd { statusText(strings) }
                }
            }
            PortalUsagePanel(view: view, words: chrome.language.portalAccountStrings)
            Element.section(.class("panel"), .ariaLabelledBy("next-heading")) {
                Element.h2(.id("next-heading")) { strings.nextInvoiceHeading }
                if let invoice = view.nextInvoice {
                    PortalInvoiceDetails(invoice: invoice, strings: strings, csrfToken: view.frame.csrfToken)
                } else {
                    Element.p { strings.noUnpaidInvoices }
                }
            }
        }.body
    }

    @HTMLBuilder
    private func statusText(_ strings: Strings) -> HTMLFragment {
        switch view.status {
        case .active: Element.span(.class("badge paid")) { strings.subscriberActive }
        case .isolated: Element.strong(.class("badge overdue")) { strings.subscriberIsolated }
        case .suspended: Element.span(.class("badge void")) { strings.subscriberSuspended }
        case .terminated: Element.span(.class("badge void")) { strings.subscriberTerminated }
        }
    }
}

/// This month's sessions, time online and data, or that none was recorded.
struct PortalUsagePanel: HTMLComponent {
    let view: PortalDashboardView
    let words: PortalAccountStrings

    var body: HTMLFragment {
        Element.section(.class("panel"), .ariaLabelledBy("usage-heading")) {
            Element.h2(.id("usage-heading")) { words.usageHeading(view.usageMonth) }
            if let usage = view.usage {
                Element.dl(.class("summary usage")) {
                    Element.dt { words.usageSessions }
                    Element.dd { String(usage.sessions) + (usage.isOnline ? " · " + words.usageOnlineNow : "") }
                    Element.dt { words.usageTimeOnline }
                    Element.dd { usage.timeOnline }
                    Element.dt { words.usageDownload }
                    Element.dd { usage.download }
                    Element.dt { words.usageUpload }
                    Element.dd { usage.upload }
                }
                Element.p(.class("muted")) { words.usageNote }
            } else {
                Element.p { words.usageNone }
            }
        }
    }
}

/// One invoice's facts and its actions (pay, receipt, details), as on the dashboard and the detail page.
struct PortalInvoiceDetails: HTMLComponent {
    let invoice: PortalInvoiceSummary
    let strings: Strings
    let csrfToken: String

    var body: HTMLFragment {
        Element.dl(.class("summary")) {
            Element.dt { strings.labelInvoiceNumber }
            Element.dd { invoice.number }
            Element.dt { strings.labelPeriod }
            Element.dd { invoice.period }
            Element.dt { strings.labelAmount }
            Element.dd(.class("price")) { invoice.amount }
            Element.dt { strings.labelDueDate }
            Element.dd { invoice.dueDate }
            Element.dt { strings.labelStatus }
            Element.dd { PortalInvoiceBadge(state: invoice.state, strings: strings) }
            if case .paid(let paidAt) = invoice.state {
                Element.dt { strings.labelPaidAt }
                Element.dd { paidAt }
            }
        }
        Element.div(.class("actions")) {
            if let payURL = invoice.payURL {
                PortalPayButton(action: payURL, csrfToken: csrfToken, label: strings.payInvoice)
            }
            if let receiptURL = invoice.receiptURL {
                Element.a(.class("button secondary"), .href(SafeURL(receiptURL))) { strings.viewReceipt }
            }
            if let detailURL = invoice.detailURL {
                Element.a(.class("button secondary"), .href(SafeURL(detailURL))) { strings.viewInvoice }
            }
        }
    }
}
