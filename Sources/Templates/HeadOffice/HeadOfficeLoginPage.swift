/// `GET/POST /head-office/login`: a head-office admin's email and password, on the portal's login page.
public struct HeadOfficeLoginPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalLoginView

    public init(chrome: SiteChrome, view: PortalLoginView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.language.headOfficeStrings
        let wording = PortalLoginPage.Wording(
            title: strings.loginTitle, intro: strings.loginIntro, action: SafeURL(Paths.HeadOffice.login),
            loginLabel: chrome.strings.email, loginHint: nil, loginType: .email, loginMaxLength: 254)
        return PortalLoginPage(chrome: chrome, view: view, wording: wording).body
    }
}
