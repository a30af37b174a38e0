import Testing

@testable import Templates

@Suite struct ElementTests {
    @Test func voidElementsRenderWithoutClosingTags() {
        let html = HTMLFragment {
            Element.br()
            Element.hr(.class("rule"))
            Element.img(.src("/logo.png"), .alt("Logo"), .width(40), .height(40), .loading(.lazy))
            Element.input(.type(.email), .name("email"))
            Element.meta(.charset("utf-8"))
            Element.link(.rel("stylesheet"), .href("/assets/site.css"))
            Element.source(.mimeType("image/webp"))
            Element.wbr()
        }.renderString()
        #expect(
            html
                == "<br><hr class=\"rule\"><img src=\"/logo.png\" alt=\"Logo\" width=\"40\" height=\"40\" loading=\"lazy\">"
                + "<input type=\"email\" name=\"email\"><meta charset=\"utf-8\">"
                + "<link rel=\"stylesheet\" href=\"/assets/site.css\"><source type=\"image/webp\"><wbr>")
        #expect(Element.br().isVoid)
        #expect(!Element.div().isVoid)
    }

    @Test func emptyContainersStillCloseTheirTags() {
        #expect(Element.div().renderString() == "<div></div>")
        #expect(Element.span(.class("x")).renderString() == "<span class=\"x\"></span>")
    }

    @Test func booleanAttributesRenderAsBareNamesAndFalseOnesDisappear() {
        let html = Element.input(.required, .disabled(false), .checked(true), .readonly(false), .autofocus)
            .renderString()
        #expect(html == "<input required checked autofocus>")
        #expect(Element.option(.selected(false), .value("a")) { "A" }.renderString() == "<option value=\"a\">A</option>")
        #expect(Element.option(.selected, .value("b")) { "B" }.renderString() == "<option selected value=\"b\">B</option>")
    }

    @Test func conditionalAttributesRenderOnlyWhenTheConditionHolds() {
        #expect(Element.li(.when(true, .class("on"))).renderString() == "<li class=\"on\"></li>")
        #expect(Element.li(.when(false, .class("on")), .none).renderString() == "<li></li>")
        #expect(Element.input(.ariaInvalid(true)).renderString() == "<input aria-invalid=\"true\">")
        #expect(Element.input(.ariaInvalid(false)).renderString() == "<input>")
    }

    @Test func accessibilityAndDataAttributesUseTheirFullNames() {
        let html = Element.nav(
            .ariaLabel("Menu \"utama\""), .ariaCurrent(.page), .ariaDescribedBy("a b"), .ariaLabelledBy("h"),
            .role("navigation"), .data("tenant-slug", "<acme>"), .ariaHidden
        ).renderString()
        #expect(
            html
                == "<nav aria-label=\"Menu &quot;utama&quot;\" aria-current=\"page\" aria-describedby=\"a b\""
                + " aria-labelledby=\"h\" role=\"navigation\" data-tenant-slug=\"&lt;acme&gt;\" aria-hidden=\"true\"></nav>")
    }

    @Test func dataAttributeNamesMustBeLowerCaseLettersDigitsAndDashes() {
        #expect(Attribute.isValidDataName("order-id2"))
        #expect(!Attribute.isValidDataName("x onclick"))
        #expect(!Attribute.isValidDataName("Upper"))
        #expect(!Attribute.isValidDataName(""))
    }

    @Test func newTabLinksAlwaysCarryNoopenerAndNoreferrer() {
        let html = Element.a(.href("https://wa.me/62812"), .openInNewTab) { "WhatsApp" }.renderString()
        #expect(html == "<a href=\"https://wa.me/62812\" target=\"_blank\" rel=\"noopener noreferrer\">WhatsApp</a>")
    }

    @Test func formsRenderTheirTypedAttributes() {
        let html = Element.form(.method(.post), .action("/orders"), .enctype(.multipart), .novalidate) {
            Element.label(.for("qty")) { "Jumlah" }
            Element.input(
                .id("qty"), .type(.number), .inputmode(.numeric), .min(1), .max(10), .step(1), .pattern("[0-9]+"),
                .autocomplete("off"), .placeholder("1"))
            Element.button(.type(.submit)) { "Beli" }
        }.renderString()
        #expect(
            html
                == "<form method=\"post\" action=\"/orders\" enctype=\"multipart/form-data\" novalidate>"
                + "<label for=\"qty\">Jumlah</label><input id=\"qty\" type=\"number\" inputmode=\"numeric\" min=\"1\""
                + " max=\"10\" step=\"1\" pattern=\"[0-9]+\" autocomplete=\"off\" placeholder=\"1\">"
                + "<button type=\"submit\">Beli</button></form>")
    }

    @Test func textareaAndPreKeepAValueThatStartsWithANewline() {
        #expect(
            Element.textarea(.name("note"), .rows(3)) { "\nhalo" }.renderString()
                == "<textarea name=\"note\" rows=\"3\">\n\nhalo</textarea>")
        #expect(Element.pre { "x" }.renderString() == "<pre>\nx</pre>")
    }

    @Test func textareaContentCannotCloseTheTextarea() {
        let html = Element.textarea { "</textarea><script>alert(1)</script>" }.renderString()
        #expect(html == "<textarea>\n&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>")
    }

    @Test func tablesNestInOrder() {
        let rows = [("EV1", 5000), ("EV2", 10000)]
        let html = Element.table {
            Element.thead {
                Element.tr {
                    Element.th(.scope(.col)) { "No" }
                    Element.th(.scope(.col)) { "Rp" }
                }
            }
            Element.tbody {
                for (number, amount) in rows {
                    Element.tr {
                        Element.td { number }
                        Element.td(.colspan(1)) { amount }
                    }
                }
            }
        }.renderString()
        #expect(
            html
                == "<table><thead><tr><th scope=\"col\">No</th><th scope=\"col\">Rp</th></tr></thead><tbody>"
                + "<tr><td>EV1</td><td colspan=\"1\">5000</td></tr><tr><td>EV2</td><td colspan=\"1\">10000</td></tr>"
                + "</tbody></table>")
    }
}
