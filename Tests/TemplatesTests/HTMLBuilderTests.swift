import Testing

@testable import Templates

@Suite struct HTMLBuilderTests {
    @Test func ifElseAndIfLetChooseTheirBranch() {
        func badge(_ count: Int, note: String?) -> String {
            Element.div {
                if count > 0 {
                    Element.strong { count }
                } else {
                    "kosong"
                }
                if let note { Element.small { note } }
            }.renderString()
        }
        #expect(badge(3, note: "baru") == "<div><strong>3</strong><small>baru</small></div>")
        #expect(badge(0, note: nil) == "<div>kosong</div>")
    }

    @Test func forLoopsRenderEveryItemInOrder() {
        let names = ["Harian", "<Mingguan>", "Bulanan"]
        let html = Element.ul { for name in names { Element.li { name } } }.renderString()
        #expect(html == "<ul><li>Harian</li><li>&lt;Mingguan&gt;</li><li>Bulanan</li></ul>")
        #expect(Element.ul { for name in [String]() { Element.li { name } } }.renderString() == "<ul></ul>")
    }

    @Test func switchStatementsSelectOneCase() {
        enum Status { case paid, pending, failed }
        func label(_ status: Status) -> String {
            Element.span {
                switch status {
                case .paid: "Lunas"
                case .pending: Element.em { "Menunggu" }
                case .failed: RawHTML(trustedLiteral: "&#10007;")
                }
            }.renderString()
        }
        #expect(label(.paid) == "<span>Lunas</span>")
        #expect(label(.pending) == "<span><em>Menunggu</em></span>")
        #expect(label(.failed) == "<span>&#10007;</span>")
    }

    @Test func optionalStringsRenderNothingWhenAbsent() {
        let tagline: String? = nil
        let motto: String? = "Cepat & murah"
        #expect(
            Element.p {
                tagline
                motto
            }.renderString() == "<p>Cepat &amp; murah</p>")
    }

    @Test func rawHTMLLiteralsAreWrittenUnescapedWhileStringsAreEscaped() {
        let html = Element.p {
            RawHTML(trustedLiteral: "<b>&copy;</b>")
            "<b>&copy;</b>"
        }.renderString()
        #expect(html == "<p><b>&copy;</b>&lt;b&gt;&amp;copy;&lt;/b&gt;</p>")
    }

    @Test func documentsStartWithTheDoctypeAndCarryTheirLanguage() {
        let html = HTMLDocument(lang: "id\"") {
            Element.head { Element.title { "A & B" } }
            Element.body { Element.main { "x" } }
        }.renderString()
        #expect(
            html
                == "<!DOCTYPE html><html lang=\"id&quot;\"><head><title>A &amp; B</title></head>"
                + "<body><main>x</main></body></html>")
    }

    @Test func renderReturnsTheSameBytesAsRenderString() {
        let page = Element.p { "Halo 👋 <dunia>" }
        #expect(page.render() == Array(page.renderString().utf8))
    }
}
