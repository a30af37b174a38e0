/// `GET /portal/receipts/{number}`: a paid invoice's receipt, inside the portal's frame (hidden in print).
public struct PortalReceiptPage: HTMLComponent {
    let chrome: SiteChrome
    let frame: PortalFrame
    let receipt: PortalReceiptView

    public init(chrome: SiteChrome, frame: PortalFrame, receipt: PortalReceiptView) {
        self.chrome = chrome
        self.frame = frame
        self.receipt = receipt
    }

    public var body: HTMLFragment {
        PortalLayout(chrome: chrome, frame: frame, title: chrome.strings.receiptHeading) {
            PortalReceipt(receipt: receipt, strings: chrome.strings)
        }.body
    }
}

/// The receipt itself, also shown by the pay-by-link page once the invoice is paid. `site.css` prints
/// only this block (`@media print`), on A4 as on a phone screen.
struct PortalReceipt: HTMLComponent {
    let receipt: PortalReceiptView
    let strings: Strings

    var body: HTMLFragment {
        Element.article(.class("panel receipt"), .ariaLabelledBy("receipt-heading")) {
            Element.h1(.id("receipt-heading")) { strings.receiptHeading }
            Element.dl(.class("summary")) {
                Element.dt { strings.labelReceiptNumber }
                Element.dd { Element.strong { receipt.receiptNumber } }
                Element.dt { strings.receiptIssuer }
                Element.dd {
                    Element.strong { receipt.issuerName }
                    if !receipt.issuerAddress.isEmpty {
                        Element.br()
                        receipt.issuerAddress
                    }
                    if !receipt.issuerContact.isEmpty {
                        Element.br()
                        receipt.issuerContact
                    }
                }
                Element.dt { strings.receiptCustomer }
                Element.dd { "\(receipt.customerName) (\(receipt.customerNumber))" }
                Element.dt { strings.labelInvoiceNumber }
                Element.dd { receipt.invoiceNumber }
                Element.dt { strings.labelPeriod }
                Element.dd { receipt.period }
                Element.dt { strings.labelAmount }
                Element.dd(.class("price")) { receipt.amount }
                Element.dt { strings.labelPaidAt }
                Element.dd { receipt.paidAt }
                if !receipt.paymentMethod.isEmpty {
                    Element.dt { strings.labelPaymentMethod }
                    Element.dd { receipt.paymentMethod }
                }
                Element.dt { strings.labelStatus }
                Element.dd { Element.span(.class("badge paid")) { strings.invoicePaid } }
            }
            Element.p(.class("muted no-print")) { strings.receiptPrintHint }
        }
    }
}
