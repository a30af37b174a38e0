import Testing

@testable import Templates

/// The hotspot pages a MikroTik router serves, beyond what `HotspotTemplateTests` checks (the router's
/// variables on the login and status pages, escaping of the tenant's name, the login page's language):
/// what a customer sees after logging in, on the status page, after logging out and on an error.
@Suite struct HotspotPagesRenderingTests {
    private static let storeURL = "https://wifi.example.id/?from=hotspot&lang=id"

    private func view(_ language: Language = .en) -> HotspotView {
        var chrome = PageRendering.chrome(language)
        // As `HotspotExport` sets it: the brand links to the router's own login page.
        chrome.homeURL = "$(link-login)"
        return HotspotView(chrome: chrome, storeURL: Self.storeURL)
    }

    private func rendered(_ page: HotspotPage, _ language: Language = .en) -> String {
        String(decoding: page.render(view(language)), as: UTF8.self)
    }

    @Test func loggedInPageSendsTheCustomerOnAfterAMoment() {
        let html = rendered(.alogin)
        #expect(html.contains("<h1>You are connected</h1>"))
        #expect(html.contains("content=\"2; url=$(link-redirect)\""))
        #expect(html.contains("<a class=\"button\" href=\"$(link-redirect)\">Continue</a>"))
        #expect(html.contains("<a href=\"$(link-status)\">See connection status</a>"))
        #expect(!html.contains("hotspot-buy"))
    }

    @Test func statusPageShowsTheSessionTimeLeftAndLogsOutByPost() {
        let html = rendered(.status)
        #expect(html.contains("<h1>Connection status</h1>"))
        // `bytes-out` is what the router sent to the customer: their download.
        #expect(html.contains("<dt>Downloaded</dt><dd>$(bytes-out-nice)</dd>"))
        #expect(html.contains("<dt>Uploaded</dt><dd>$(bytes-in-nice)</dd>"))
        #expect(html.contains("$(if session-time-left)<dl><dt>Time left</dt><dd>$(session-time-left)</dd></dl>$(endif)"))
        #expect(html.contains("action=\"$(link-logout)\" method=\"post\""))
        #expect(html.contains("name=\"erase-cookie\" value=\"true\""))
        #expect(html.contains(">Log out</button>"))
    }

    @Test func pagesWithTheBuyPanelLinkToTheLiveStoreEscaped() {
        for page in [HotspotPage.login, .status, .logout, .error] {
            let html = rendered(page)
            #expect(html.contains("No voucher yet?"), "\(page.fileName) lost the buy panel")
            #expect(
                html.contains("href=\"https://wifi.example.id/?from=hotspot&amp;lang=id\">Buy a voucher</a>"),
                "\(page.fileName) lost the store link")
        }
    }

    @Test func loggedOutPageShowsTheEndedSessionAndTheWayBackIn() {
        let html = rendered(.logout)
        #expect(html.contains("<h1>You have logged out</h1>"))
        #expect(html.contains("Thank you. Your internet session has ended."))
        #expect(html.contains("<dt>User</dt><dd>$(username)</dd>"))
        #expect(html.contains("$(uptime)"))
        #expect(html.contains("<a class=\"button\" href=\"$(link-login)\">Log in again</a>"))
    }

    @Test func errorPageShowsTheRoutersMessageAndTranslatesItByScript() {
        let html = rendered(.error)
        #expect(html.contains("<h1>Could not log in</h1>"))
        #expect(html.contains("$(if error)<p class=\"hotspot-error\" id=\"hotspot-error\" role=\"alert\">$(error)</p>$(endif)"))
        #expect(html.contains("<a class=\"button\" href=\"$(link-login)\">Try again</a>"))
        #expect(html.contains("<script src=\"hotspot.js\"></script>"))
    }

    @Test func loginPageOffersAnAccountFormBehindAToggle() {
        let html = rendered(.login)
        #expect(html.contains("<summary>Log in with a username and password</summary>"))
        #expect(html.contains("id=\"account-password\" name=\"password\" type=\"password\""))
        #expect(html.contains("The code is in your WhatsApp message or on your order page."))
        #expect(html.contains("Turn on JavaScript in your browser to log in."))
        #expect(html.contains("<form id=\"sendin\" name=\"sendin\" action=\"$(link-login-only)\" method=\"post\">"))
        #expect(PageRendering.repeatedIDs(in: html).isEmpty)
    }

    @Test func everyPageSpeaksIndonesian() {
        let titles: [(HotspotPage, String, String)] = [
            (.login, "Masuk ke hotspot", "Log in to the hotspot"),
            (.alogin, "Anda sudah terhubung", "You are connected"),
            (.status, "Status koneksi", "Connection status"),
            (.logout, "Anda sudah keluar", "You have logged out"),
            (.error, "Tidak bisa masuk", "Could not log in"),
            (.redirect, "Mengalihkan…", "Redirecting…"),
            (.rlogin, "Mengalihkan…", "Redirecting…"),
        ]
        for (page, indonesian, english) in titles {
            let html = rendered(page, .id)
            #expect(html.contains(">\(indonesian)</h1>"), "\(page.fileName) is not in Indonesian")
            #expect(!html.contains(english), "\(page.fileName) kept English")
            #expect(html.contains("lang=\"id\""))
        }
        #expect(rendered(.status, .id).contains("<dt>Data diunduh</dt><dd>$(bytes-out-nice)</dd>"))
        #expect(rendered(.logout, .id).contains("Beli voucher"))
    }
}
