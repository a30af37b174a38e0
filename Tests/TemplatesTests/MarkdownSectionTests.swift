import Testing

@testable import Templates

@Suite struct MarkdownSectionTests {
    static let page = """
        - Pay online.
        {{#whatsapp}}
        - Your codes are sent to WhatsApp.
        {{/whatsapp}}
        {{^whatsapp}}
        - Your codes appear on the order page.
        {{/whatsapp}}
        - Log in.

        Codes are shown on the order page{{#whatsapp}} and sent to WhatsApp{{/whatsapp}}.
        """

    @Test func aStoreThatSendsWhatsAppKeepsThePromiseAndDropsTheAlternative() {
        let resolved = Markdown.resolveSections(Self.page, conditions: ["whatsapp": true])
        #expect(
            resolved == """
                - Pay online.
                - Your codes are sent to WhatsApp.
                - Log in.

                Codes are shown on the order page and sent to WhatsApp.
                """)
    }

    @Test func aStoreWithoutASenderPromisesNothingAndTheListStaysOneList() {
        let resolved = Markdown.resolveSections(Self.page, conditions: ["whatsapp": false])
        #expect(
            resolved == """
                - Pay online.
                - Your codes appear on the order page.
                - Log in.

                Codes are shown on the order page.
                """)
        let html = Element.div { Markdown.render(resolved) }.renderString()
        #expect(html.matches(of: /<ul>/).count == 1, "one tight list, not two: \(html)")
        #expect(!html.contains("<p>Your codes"), "a tight list")
    }

    @Test func unknownNamesAndUnclosedSectionsStayAsWritten() {
        let text = "a {{#other}}b{{/other}} c {{#whatsapp}}never closed"
        #expect(Markdown.resolveSections(text, conditions: ["whatsapp": false]) == text)
    }

    @Test func aPlaceholderValueCannotOpenASection() {
        let placeholders = ContentPlaceholders(
            tenantName: "{{^whatsapp}}", storeURL: "https://x.test", contactWhatsApp: "", contactEmail: "", address: "",
            sendsWhatsApp: true)
        let filled = placeholders.fill("{{tenant_name}} sells{{^whatsapp}} nothing{{/whatsapp}}.", language: .en)
        #expect(filled == "\\{\\{\\^whatsapp\\}\\} sells.")
    }
}
