/// Every error a visitor can meet, in the site's own layout and language.
public struct ErrorPage: HTMLComponent {
    let chrome: SiteChrome
    let view: ErrorView

    public init(chrome: SiteChrome, view: ErrorView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        SiteLayout(chrome: chrome, title: view.title) {
            Element.section(.class("panel")) {
                Element.h1 { view.title }
                Element.p { view.message }
                if let requestID = view.requestID {
                    Element.p(.class("error-code")) { "\(view.status) · \(chrome.strings.requestID): \(requestID)" }
                } else {
                    Element.p(.class("error-code")) { "\(view.status)" }
                }
                Element.a(.class("button"), .href(SafeURL(Paths.home))) { chrome.strings.backHome }
            }
        }.body
    }
}
