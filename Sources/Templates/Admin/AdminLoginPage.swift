/// `GET/POST /admin/login`: a tenant admin's email and password, on the portal's login page.
public struct AdminLoginPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalLoginView

    public init(chrome: SiteChrome, view: PortalLoginView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let wording = PortalLoginPage.Wording(
            title: strings.adminLoginTitle, intro: strings.adminLoginIntro, action: SafeURL(Paths.Admin.login),
            loginLabel: strings.email, loginHint: nil, loginType: .email, loginMaxLength: 254)
        return PortalLoginPage(chrome: chrome, view: view, wording: wording).body
    }
}
