/// `GET /admin/hotspot`: the router's login pages to download, one file at a time, and how to install them.
public struct AdminHotspotPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminHotspotView

    public init(chrome: SiteChrome, view: AdminHotspotView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.adminHotspotTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.hotspot)
            Element.section(.class("panel"), .ariaLabelledBy("hotspot-heading")) {
                Element.h1(.id("hotspot-heading")) { strings.adminHotspotTitle }
                Element.p { strings.adminHotspotIntro }
                Element.ol { for step in strings.adminHotspotSteps { Element.li { step } } }
                Element.ul(.class("hotspot-files")) {
                    for file in view.files {
                        Element.li {
                            Element.code { file.name }
                            " · "
                            strings.adminHotspotFileSize(file.byteCount)
                            " · "
                            Element.a(.href(SafeURL(Paths.Admin.hotspotFile(file.name)))) { strings.adminHotspotDownload }
                        }
                    }
                }
            }
        }.body
    }
}
