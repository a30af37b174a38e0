/// A short message about an order, with the way back home: "payment sent", "already paid".
public struct OrderNoticePage: HTMLComponent {
    let chrome: SiteChrome
    let view: OrderNoticeView

    public init(chrome: SiteChrome, view: OrderNoticeView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        SiteLayout(chrome: chrome, title: view.title) {
            Element.section(.class("panel")) {
                Element.h1 { view.title }
                Element.p { view.message }
                if let number = view.orderNumber {
                    Element.p {
                        "\(chrome.strings.labelOrderNumber): "
                        Element.strong { number }
                    }
                }
                Element.a(.class("button"), .href(SafeURL(Paths.home))) { chrome.strings.backHome }
            }
        }.body
    }
}
