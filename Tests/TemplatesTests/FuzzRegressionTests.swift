import Foundation
import TestSupport
import Testing

@testable import Templates

/// Replays the committed Markdown fuzz seeds (`Fuzz/corpus/markdown/`) through the invariants the libFuzzer
/// harness checks, so `make test` exercises them without running a fuzzer.
@Suite struct FuzzRegressionTests {
    @Test func markdownCorpusHasItsSeeds() throws {
        #expect(try FuzzSeeds.names("markdown").count >= 10, "Fuzz/corpus/markdown is missing or nearly empty")
    }

    @Test(arguments: FuzzSeeds.namesOrEmpty("markdown"))
    func markdownSeedKeepsEveryInvariant(seed: String) throws {
        #expect(MarkdownInvariants.violations(in: try FuzzSeeds.bytes("markdown", seed)) == [])
    }

    @Test(arguments: [
        "<p><script>alert(1)</script></p>", "<p><a href=\"JaVa\tscript:alert(1)\">x</a></p>",
        "<p><a href=\"\u{1} javascript:x\">x</a></p>", "<a href=\"&#106;avascript:x\">", "<img src=\"vbscript:x\" />",
        "<a href=\"data:text/html,x\">",
        "<p onclick=\"x\">", "<iframe src=\"x\">", "<p",
    ])
    func markupCheckerCatchesWhatCmarkMustNeverWrite(html: String) {
        #expect(!MarkdownInvariants.unsafeMarkup(in: html).isEmpty)
    }

    @Test func markupCheckerAcceptsWhatCmarkWrites() {
        let html =
            "<h1>T</h1>\n<p><a href=\"https://x.example/?a=1&amp;b=2\" title=\"t\">l</a> "
            + "<img src=\"data:image/png;base64,AA\" alt=\"i\" /><br />\n<!-- raw HTML omitted --></p>\n"
            + "<ol start=\"3\">\n<li><code>&lt;b&gt;</code></li>\n</ol>\n"
            + "<pre><code class=\"language-swift\">x\n</code></pre>\n<hr />\n"
        #expect(MarkdownInvariants.unsafeMarkup(in: html) == [])
    }

    @Test func combiningMarkAfterAnEntityStillReadsBackLiterally() {
        // Found by the harness: comparing `Character`s joined `&gt;` with a following U+07EC.
        #expect(MarkdownInvariants.violations(in: Array("x\u{1}=>\u{7EC}&\u{301}amp;".utf8)) == [])
    }
}
