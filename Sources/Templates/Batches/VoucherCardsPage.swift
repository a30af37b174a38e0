/// `GET /admin/vouchers/{id}/print`: a batch's codes as cards in the tenant's brand, grouped into A4
/// sheets of `perPage` cards. Print CSS alone lays them out (one sheet per printed page, breaking after
/// each); the heading and the cards-per-page links are for the screen only.
public struct VoucherCardsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: VoucherCardsView

    public init(chrome: SiteChrome, view: VoucherCardsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminVoucherStrings
        let sheets = stride(from: 0, to: view.cards.count, by: max(view.perPage, 1)).map {
            view.cards[$0..<min($0 + max(view.perPage, 1), view.cards.count)]
        }
        return SiteLayout(chrome: chrome, title: words.printTitle) {
            Element.section(.class("panel no-print"), .ariaLabelledBy("print-heading")) {
                Element.h1(.id("print-heading")) { words.printTitle + ": " + view.packageName }
                Element.p { words.printHint }
                Element.p {
                    words.cardsPerPage + ": "
                    for link in view.perPageLinks {
                        if link.isCurrent {
                            Element.strong { String(link.count) }
                        } else {
                            Element.a(.href(SafeURL(link.href))) { String(link.count) }
                        }
                        " "
                    }
                }
                Element.p { Element.a(.href(SafeURL(view.backPath))) { words.title } }
            }
            for sheet in sheets {
                Element.div(.class("voucher-sheet per-\(view.perPage)")) {
                    for card in sheet { self.card(card, words: words) }
                }
            }
        }.body
    }

    private func card(_ card: VoucherCardsView.Card, words: AdminVoucherStrings) -> Element {
        Element.div(.class("voucher-card")) {
            Element.div(.class("voucher-brand")) {
                if let logo = chrome.inlineLogo {
                    Element.img(.src(logo), .alt(""), .width(24), .height(24))
                } else if let logo = chrome.logoURL {
                    Element.img(.src(SafeURL(logo)), .alt(""), .width(24), .height(24))
                }
                Element.span { view.tenantName }
            }
            Element.div(.class("voucher-package")) { view.packageName + " · " + view.price + " · " + view.validity }
            if let password = card.password {
                Element.div(.class("voucher-code")) { words.cardUser + " " + card.code }
                Element.div(.class("voucher-code")) { words.cardPassword + " " + password }
            } else {
                Element.div(.class("voucher-code")) { card.code }
            }
            if !view.loginURL.isEmpty {
                Element.div(.class("voucher-login")) { words.cardLogInAt + " " + view.loginURL }
            }
        }
    }
}
