/// The frame of every signed-in portal page: the site's layout, the portal's own navigation and the
/// sign-out button (a POST with the session's CSRF token, never a link a third party could trigger).
public struct PortalLayout: HTMLComponent {
    let chrome: SiteChrome
    let frame: PortalFrame
    let title: String
    let content: HTMLFragment

    public init(chrome: SiteChrome, frame: PortalFrame, title: String, @HTMLBuilder content: () -> HTMLFragment) {
        self.chrome = chrome
        self.frame = frame
        self.title = title
        self.content = content()
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let links: [(PortalFrame.Section, String, String)] = [
            (.overview, strings.portalOverview, Paths.Portal.home),
            (.invoices, strings.invoicesHeading, Paths.Portal.invoices),
            (.payments, strings.paymentsHeading, Paths.Portal.payments),
            (.password, chrome.language.portalAccountStrings.passwordNav, Paths.Portal.password),
        ]
        return SiteLayout(chrome: chrome, title: title) {
            Element.nav(.class("portal-nav"), .ariaLabel(strings.customerPortal)) {
                Element.ul {
                    for (section, label, href) in links {
                        Element.li {
                            Element.a(.href(SafeURL(href)), section == frame.section ? .ariaCurrent(.page) : .none) { label }
                        }
                    }
                }
                Element.form(.class("sign-out"), .method(.post), .action(SafeURL(Paths.Portal.logout))) {
                    HiddenInput(name: PortalLoginView.Field.csrf, value: frame.csrfToken)
                    Element.button(.class("button secondary"), .type(.submit)) { strings.signOut }
                }
            }
            content
        }.body
    }
}

/// An invoice's state as a short badge; overdue stands out, in words as well as colour.
struct PortalInvoiceBadge: HTMLComponent {
    let state: PortalInvoiceSummary.State
    let strings: Strings

    var body: HTMLFragment {
        switch state {
        case .unpaid(let overdue):
            if overdue {
                Element.strong(.class("badge overdue")) { strings.invoiceOverdue }
            } else {
                Element.span(.class("badge unpaid")) { strings.invoiceUnpaid }
            }
        case .paid:
            Element.span(.class("badge paid")) { strings.invoicePaid }
        case .void:
            Element.span(.class("badge void")) { strings.invoiceVoid }
        }
    }
}

/// The pay button: a POST form carrying a CSRF token.
struct PortalPayButton: HTMLComponent {
    let action: String
    let csrfToken: String
    let label: String

    var body: HTMLFragment {
        Element.form(.class("pay"), .method(.post), .action(SafeURL(action))) {
            HiddenInput(name: PortalLoginView.Field.csrf, value: csrfToken)
            Element.button(.class("button accent"), .type(.submit)) { label }
        }
    }
}
