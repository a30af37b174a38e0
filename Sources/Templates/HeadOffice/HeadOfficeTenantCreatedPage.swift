/// `GET /head-office/tenants/{slug}/created`: the new tenant's addresses, its first admin, and a message
/// head office can copy to the ISP.
public struct HeadOfficeTenantCreatedPage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeTenantCreatedView

    public init(chrome: SiteChrome, view: HeadOfficeTenantCreatedView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.language.headOfficeStrings
        let words = chrome.language.tenantLifecycleStrings
        return SiteLayout(chrome: chrome, title: words.createdTitle(view.name)) {
            HeadOfficeNavigation(strings: strings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("created-heading")) {
                FormNotice(words.noticeCreated(view.name))
                Element.h1(.id("created-heading")) { words.createdTitle(view.name) }
                Element.p { words.createdIntro }
                Element.dl(.class("summary")) {
                    Element.dt { words.storeAddress }
                    Element.dd { Element.a(.href(SafeURL(view.storeURL))) { view.storeURL } }
                    Element.dt { words.adminAddress }
                    Element.dd { Element.a(.href(SafeURL(view.adminURL))) { view.adminURL } }
                    Element.dt { words.firstAdminEmail }
                    Element.dd { view.adminEmail }
                }
                Element.h2 { words.messageHeading }
                Element.p(.class("hint"), .id("handover-hint")) { words.messageHint }
                Element.textarea(
                    .class("markdown-input handover"), .readonly, .rows(7), .ariaLabel(words.messageHeading),
                    .ariaDescribedBy("handover-hint")
                ) {
                    words.message(view.name, view.storeURL, view.adminURL, view.adminEmail)
                }
                Element.p { Element.a(.class("button secondary"), .href(SafeURL(Paths.HeadOffice.home))) { words.backToTenants } }
            }
        }.body
    }
}
