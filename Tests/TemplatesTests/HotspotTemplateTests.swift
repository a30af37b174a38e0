import Testing

@testable import Templates

@Suite struct HotspotTemplateTests {
    private func view(name: String = "Net", language: Language = .id) -> HotspotView {
        HotspotView(
            chrome: SiteChrome(
                language: language, siteName: name, initials: "N", stylesheetURL: "hotspot.css", homeURL: "$(link-login)"),
            storeURL: "https://wifi.example.id/")
    }

    @Test func routerVariablesSurviveEscapingInTextAndAttributes() {
        let login = String(decoding: HotspotPage.login.render(view()), as: UTF8.self)
        #expect(login.contains("action=\"$(link-login-only)\""))
        #expect(login.contains("name=\"dst\" value=\"$(link-orig)\""))
        #expect(login.contains("$(if error)<p class=\"hotspot-error\" id=\"hotspot-error\" role=\"alert\">$(error)</p>$(endif)"))
        #expect(login.contains("$(if chap-id)['$(chap-id)', '$(chap-challenge)']$(else)null$(endif)"))
        let status = String(decoding: HotspotPage.status.render(view()), as: UTF8.self)
        for variable in ["$(username)", "$(ip)", "$(mac)", "$(uptime)", "$(bytes-in-nice)", "$(bytes-out-nice)", "$(link-logout)"] {
            #expect(status.contains(variable), "status.html lost \(variable)")
        }
        let redirect = String(decoding: HotspotPage.redirect.render(view()), as: UTF8.self)
        #expect(redirect.contains("content=\"0; url=$(link-redirect)\""))
    }

    @Test func tenantNameWithMarkupIsEscapedOnEveryPage() {
        let hostile = "<script>alert('x')</script> \"Net\""
        for page in HotspotPage.allCases {
            let html = String(decoding: page.render(view(name: hostile)), as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(page.fileName) lets markup through")
            #expect(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; \"Net\""), "\(page.fileName) lost the name")
        }
    }

    @Test func pagesSpeakTheTenantLanguage() {
        let indonesian = String(decoding: HotspotPage.login.render(view(language: .id)), as: UTF8.self)
        let english = String(decoding: HotspotPage.login.render(view(language: .en)), as: UTF8.self)
        #expect(indonesian.contains("Kode voucher") && indonesian.contains("lang=\"id\""))
        #expect(english.contains("Voucher code") && english.contains("lang=\"en\""))
    }

    @Test func scriptTranslatesRouterErrorsWithEscapedStrings() {
        let script = HotspotScript.source(language: .id)
        #expect(script.contains("\"invalid username or password\""))
        #expect(script.contains(HotspotScript.javaScriptString(Language.id.hotspotStrings.errorInvalidCredentials)))
        #expect(!script.contains("=>"), "arrow functions break old phone browsers")
        #expect(HotspotScript.javaScriptString("</script>\"'\\") == "\"\\u003c\\u002fscript\\u003e\\u0022\\u0027\\u005c\"")
    }

    @Test func stylesheetRefusesColoursThatAreNotHex() {
        let css = HotspotStylesheet.css(brand: "red;}body{x:y", brandText: "#ffffff", accent: "#AbCdEf", accentText: "#000000")
        #expect(!css.contains("red;}"))
        #expect(css.contains("background:#0b5fff"))
        #expect(css.contains("#AbCdEf"))
    }
}
