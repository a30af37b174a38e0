import Testing

@testable import Templates

@Suite struct MarkdownPlaceholderTests {
    @Test func placeholdersAreReplacedByTheirValues() {
        let filled = Markdown.fillPlaceholders(
            "Selamat datang di {{tenant_name}}. Hubungi {{ contact_email }}.",
            values: ["tenant_name": "NetKu", "contact_email": "cs"])
        #expect(filled == "Selamat datang di NetKu. Hubungi cs.")
    }

    @Test func unknownPlaceholdersBecomeEmptyAndMalformedOnesStay() {
        let filled = Markdown.fillPlaceholders("a{{missing}}b {{ }} {{x y}} {{open {single} }}", values: [:])
        #expect(filled == "ab {{ }} {{x y}} {{open {single} }}")
    }

    @Test func valuesAreEscapedSoTheyCannotInjectMarkdown() {
        let values = ["name": "*evil* <script>alert(1)</script> [x](javascript:alert(1)) ![i](/x.png) `c` &amp;"]
        let filled = Markdown.fillPlaceholders("Hello {{name}}!", values: values)
        let output = Element.div { Markdown.render(filled) }.renderString()
        #expect(
            output
                == "<div><p>Hello *evil* &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) ![i](/x.png)"
                + " `c` &amp;amp;!</p>\n</div>")
    }

    @Test func valuesCannotStartNewBlocks() {
        let filled = Markdown.fillPlaceholders("{{name}}", values: ["name": "# Title\n\n- item\n1. one\n<div>"])
        let output = Element.div { Markdown.render(filled) }.renderString()
        #expect(output == "<div><p># Title  - item 1. one &lt;div&gt;</p>\n</div>")
    }

    @Test func placeholderValuesAreNotThemselvesExpanded() {
        let filled = Markdown.fillPlaceholders("{{a}}", values: ["a": "{{b}}", "b": "no"])
        #expect(filled == "\\{\\{b\\}\\}")
    }

    @Test func plainTextTakesItsValuesAsTheyAreAndNeverExpandsThem() {
        let filled = Markdown.fillPlaceholders(
            "Halo {{name}}, bayar {{ amount }} di {{link}}{{missing}}.",
            values: ["name": "*Budi* & {{link}}", "amount": "Rp 150.000", "link": "https://isp.id/pay/ab"], escaping: { $0 })
        #expect(filled == "Halo *Budi* & {{link}}, bayar Rp 150.000 di https://isp.id/pay/ab.")
    }

    @Test func placeholderNamesAreListedInOrderAndMalformedOnesAreNot() {
        #expect(Markdown.placeholderNames(in: "{{link}} {{ name }} {{x y}} {{}} {{link}} {single}") == ["link", "name", "link"])
        #expect(Markdown.placeholderNames(in: "").isEmpty)
        #expect(Markdown.placeholderNames(in: "{{").isEmpty)
    }

    @Test func escapedTextKeepsLettersDigitsAndUnicode() {
        #expect(Markdown.escaped("NetKu 2 ✓ ñ") == "NetKu 2 ✓ ñ")
        #expect(Markdown.escaped("a_b\\c") == "a\\_b\\\\c")
    }
}
