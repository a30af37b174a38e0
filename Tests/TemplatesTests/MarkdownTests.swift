import Testing

@testable import Templates

@Suite struct MarkdownTests {
    private func html(_ markdown: String) -> String {
        Element.div { Markdown.render(markdown) }.renderString()
    }

    @Test func commonMarkBecomesHTML() {
        #expect(
            html("# Syarat\n\n*Harga* termasuk **PPN**.")
                == "<div><h1>Syarat</h1>\n<p><em>Harga</em> termasuk <strong>PPN</strong>.</p>\n</div>")
    }

    @Test func markdownOutputIsWrittenRawWhileStringChildrenAreEscaped() {
        let rendered = Element.div {
            Markdown.render("**a**")
            "**<b>**"
        }.renderString()
        #expect(rendered == "<div><p><strong>a</strong></p>\n**&lt;b&gt;**</div>")
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "hi <script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "a <img src=x onerror=alert(1)> b", "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>", "<div onclick=\"alert(1)\">x</div>",
    ])
    func rawHTMLInMarkdownIsOmitted(markdown: String) {
        let output = html(markdown)
        #expect(output.contains("<!-- raw HTML omitted -->"))
        #expect(!output.contains("<script"))
        #expect(!output.contains("<img"))
        #expect(!output.contains("<iframe"))
        #expect(!output.contains("<svg"))
        #expect(!output.contains("onerror"))
        #expect(!output.contains("onclick"))
        #expect(!output.contains("onload"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[y](JAVASCRIPT:alert(1))", "[z](vbscript:msgbox(1))",
        "[w](data:text/html;base64,PHNjcmlwdD4=)", "![i](javascript:alert(1))", "<javascript:alert(1)>",
        "[r][ref]\n\n[ref]: javascript:alert(1)", "[t](  JaVaScRiPt:alert(1))",
    ])
    func dangerousLinkSchemesLoseTheirURL(markdown: String) {
        let urls = urlAttributeValues(in: html(markdown))
        #expect(!urls.isEmpty)
        for url in urls {
            #expect(!SafeURL(url).wasRefused, "\(url) survived in an href or src")
        }
    }

    /// The values of every `href="…"` and `src="…"` in cmark's output (which always double-quotes them).
    private func urlAttributeValues(in html: String) -> [String] {
        var values: [String] = []
        for marker in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: marker) {
                let tail = rest[start.upperBound...]
                let end = tail.firstIndex(of: "\"") ?? tail.endIndex
                values.append(String(tail[..<end]))
                rest = tail[end...]
            }
        }
        return values
    }

    @Test func safeLinksAreKept() {
        #expect(html("[Bantuan](https://isp.id/help)") == "<div><p><a href=\"https://isp.id/help\">Bantuan</a></p>\n</div>")
    }

    @Test func nulBytesAndEmptyInputDoNotBreakRendering() {
        #expect(html("") == "<div></div>")
        #expect(Markdown.render("").isEmpty)
        #expect(html("a\u{0}b") == "<div><p>a\u{FFFD}b</p>\n</div>")
    }

    @Test func oneMegabyteDocumentRenders() {
        let paragraph = "Paket **hemat** untuk [semua](https://isp.id) <b>x</b> & teman.\n\n"
        let markdown = String(repeating: paragraph, count: 1_048_576 / paragraph.utf8.count + 1)
        #expect(markdown.utf8.count > 1_048_576)
        let output = Markdown.render(markdown)
        let rendered = Element.div { output }.renderString()
        let count = rendered.components(separatedBy: "<strong>hemat</strong>").count - 1
        #expect(count == markdown.components(separatedBy: "**hemat**").count - 1)
        #expect(!rendered.contains("<b>"))
    }
}
