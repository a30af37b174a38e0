import Testing

@testable import Templates

@Suite struct EscapingTests {
    private func text(_ value: String) -> String {
        Element.p { value }.renderString()
    }

    @Test func textChildrenEscapeMarkupCharacters() {
        #expect(text("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    }

    @Test func alreadyEscapedTextIsEscapedAgainSoTheUserSeesWhatTheyTyped() {
        #expect(text("&amp; &lt;") == "<p>&amp;amp; &amp;lt;</p>")
    }

    @Test func quotesInTextNeedNoEscaping() {
        #expect(text("\"Rock 'n' roll\"") == "<p>\"Rock 'n' roll\"</p>")
    }

    @Test func nulAndControlCharactersBecomeReplacementCharacters() {
        #expect(text("a\u{0}b\u{1B}c\u{7F}d\u{85}e") == "<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e</p>")
    }

    @Test func tabsNewlinesAndCarriageReturnsAreKept() {
        #expect(text("a\tb\nc\r\nd") == "<p>a\tb\nc\r\nd</p>")
    }

    @Test func emojiAndNonLatinTextPassThroughUnchanged() {
        let value = "Paket 🚀 Hemat — ñ 漢字 👩🏽‍💻 \u{A0}"
        #expect(text(value) == "<p>\(value)</p>")
    }

    @Test func escapingBoundariesAtStartAndEndOfTextAreHandled() {
        #expect(text("<") == "<p>&lt;</p>")
        #expect(text("&x&") == "<p>&amp;x&amp;</p>")
        #expect(text("") == "<p></p>")
    }

    @Test func attributeValuesEscapeQuotesAmpersandsAndAngleBrackets() {
        let html = Element.div(.title("\"'<>&amp;")).renderString()
        #expect(html == "<div title=\"&quot;&#39;&lt;&gt;&amp;amp;\"></div>")
    }

    @Test func attributeInjectionStaysInsideTheQuotedValue() {
        let html = Element.input(.value("\" onmouseover=\"alert(1)\" x=\"")).renderString()
        #expect(html == "<input value=\"&quot; onmouseover=&quot;alert(1)&quot; x=&quot;\">")
        #expect(!html.contains("\" onmouseover"))
    }

    @Test func controlCharactersInAttributesAreReplaced() {
        #expect(Element.input(.value("a\u{0}b")).renderString() == "<input value=\"a\u{FFFD}b\">")
    }

    @Test func integerChildrenAndValuesRenderAsDecimal() {
        let html = Element.p(.value(-42), .maxlength(0)) {
            1_234_567
            " "
            -9
            " "
            0
            Int.min
        }.renderString()
        #expect(html == "<p value=\"-42\" maxlength=\"0\">1234567 -9 0\(Int.min)</p>")
    }

    @Test func longTextWithManySpecialCharactersEscapesEveryOne() {
        let value = String(repeating: "a<&>\"", count: 10_000)
        let html = text(value)
        #expect(html == "<p>" + String(repeating: "a&lt;&amp;&gt;\"", count: 10_000) + "</p>")
    }
}
