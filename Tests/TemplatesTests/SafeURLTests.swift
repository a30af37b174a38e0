import Testing

@testable import Templates

@Suite struct SafeURLTests {
    @Test(arguments: [
        "javascript:alert(1)", " JAVASCRIPT:alert(1)", "\tjavascript:alert(1)", "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "\u{0}\u{1F} javascript:alert(1)", "javascript\r:x",
        "data:text/html,<script>alert(1)</script>", "DATA:image/svg+xml;base64,PHN2Zz4=", "vbscript:msgbox(1)",
        " VBScript:x", "file:///etc/passwd", "blob:https://x/y",
    ])
    func dangerousSchemesAreRefused(url: String) {
        let safe = SafeURL(url)
        #expect(safe.wasRefused)
        #expect(safe.value == "about:blank")
    }

    @Test(arguments: [
        "https://example.com/a?b=c#d", "http://example.com", "HTTPS://EXAMPLE.COM", "mailto:cs@isp.id",
        "tel:+6281234", "/portal/login", "vouchers/3", "?lang=en", "#catalogue", "//cdn.example.com/x.png",
        "/pages/terms?next=javascript:alert(1)", "", "./a:b",
    ])
    func safeURLsPass(url: String) {
        let safe = SafeURL(url)
        #expect(!safe.wasRefused)
        #expect(safe.value == url)
    }

    @Test func refusedURLsRenderAsAboutBlankInEveryURLAttribute() {
        let hostile = SafeURL(" JaVaScRiPt:alert(1)")
        let html = HTMLFragment {
            Element.a(.href(hostile)) { "x" }
            Element.img(.src(hostile))
            Element.form(.action(hostile)) { Element.button(.formaction(hostile)) { "y" } }
        }.renderString()
        #expect(!html.lowercased().contains("javascript"))
        #expect(
            html
                == "<a href=\"about:blank\">x</a><img src=\"about:blank\"><form action=\"about:blank\">"
                + "<button formaction=\"about:blank\">y</button></form>")
    }

    @Test func interpolatedURLsAreCheckedAsAWhole() {
        let scheme = "javascript"
        let url: SafeURL = "\(scheme):alert(1)"
        #expect(url.wasRefused)
        let id = 42
        let path: SafeURL = "/vouchers/\(id)"
        #expect(path.value == "/vouchers/42")
    }

    @Test func urlValuesAreAttributeEscaped() {
        let html = Element.a(.href(SafeURL("/search?q=\"><script>&x=1"))).renderString()
        #expect(html == "<a href=\"/search?q=&quot;&gt;&lt;script&gt;&amp;x=1\"></a>")
    }

    @Test func inlineImagesAreBase64DataURLsOfAllowedImageTypes() {
        let url = SafeURL.inlineImage(bytes: [0x89, 0x50, 0x4E, 0x47], mediaType: .png)
        #expect(url.value == "data:image/png;base64,iVBORw==")
        #expect(!url.wasRefused)
        #expect(Element.img(.src(url)).renderString() == "<img src=\"data:image/png;base64,iVBORw==\">")
    }

    @Test func metaRefreshTargetPassesTheURLCheck() {
        let refused = Element.metaRefresh(after: 5, to: SafeURL("javascript:alert(1)")).renderString()
        #expect(refused == "<meta http-equiv=\"refresh\" content=\"5; url=about:blank\">")
        let allowed = Element.metaRefresh(after: 3, to: "/orders/EV1?t=a&b").renderString()
        #expect(allowed == "<meta http-equiv=\"refresh\" content=\"3; url=/orders/EV1?t=a&amp;b\">")
    }
}
