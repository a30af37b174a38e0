/// A Markdown content page (terms, FAQ …) inside the site layout.
public struct ContentPageView: HTMLComponent {
    let chrome: SiteChrome
    let view: ContentView

    public init(chrome: SiteChrome, view: ContentView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        SiteLayout(chrome: chrome, title: view.title) {
            Element.article(.class("prose")) { view.body }
        }.body
    }
}
