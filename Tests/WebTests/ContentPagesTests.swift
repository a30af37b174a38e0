import Foundation
import TestSupport
import Testing

@Suite struct ContentPagesTests {
    @Test(arguments: ["about", "how-to-buy", "faq", "terms", "privacy"])
    func defaultPagesRenderWithTheTenantsDetailsFilledIn(_ slug: String) throws {
        let tenant = try TestDatabase.createTenant(
            name: "Content ISP", branding: .init(displayName: "Kabel Kita", email: "cs@kabel.test", locale: "id"))
        for language in ["id", "en"] {
            let response = try SharedServer.get("/pages/\(slug)?lang=\(language)", host: "\(tenant.slug).localhost")
            #expect(response.status == 200)
            #expect(response.text.contains("<html lang=\"\(language)\">"))
            #expect(!response.text.contains("{{"))
            #expect(response.text.contains("<h1>"))
        }
        let about = try SharedServer.get("/pages/about", host: "\(tenant.slug).localhost").text
        #expect(about.contains("Kabel Kita"))
    }

    @Test func unknownPageIsNotFound() throws {
        let tenant = try TestDatabase.createTenant(name: "Content ISP")
        for path in ["/pages/nope", "/pages/..%2Fetc%2Fpasswd", "/pages/" + String(repeating: "a", count: 500)] {
            #expect(try SharedServer.get(path, host: "\(tenant.slug).localhost").status == 404)
        }
    }

    @Test func tenantOverrideRendersInSafeModeWithoutExecutableMarkup() throws {
        let tenant = try TestDatabase.createTenant(name: "Override ISP")
        let markdown = """
            # Our terms

            <script>alert(1)</script>

            <img src=x onerror=alert(2)>

            [click](javascript:alert(3)) and [shout](JAVASCRIPT:alert(4)) and [ok](https://example.test/)
            """
        try TestDatabase.owner.query(
            "insert into content_pages (tenant_id, slug, locale, title, markdown) values ($1, 'terms', 'en', 'Our terms', $2)",
            tenant.id, markdown)
        try eventually {
            try SharedServer.get("/pages/terms?lang=en", host: "\(tenant.slug).localhost").text.contains("Our terms")
        }
        let page = try SharedServer.get("/pages/terms?lang=en", host: "\(tenant.slug).localhost").text
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("onerror=alert"))
        #expect(!page.lowercased().contains("javascript:"))
        #expect(page.contains(#"<a href="https://example.test/">ok</a>"#))
        // The Indonesian page still comes from the default.
        let indonesian = try SharedServer.get("/pages/terms?lang=id", host: "\(tenant.slug).localhost").text
        #expect(!indonesian.contains("Our terms"))
    }

    @Test func aTenantNameFullOfMarkdownCannotInjectLinks() throws {
        let tenant = try TestDatabase.createTenant(
            name: "Markdown ISP", branding: .init(displayName: "[evil](javascript:alert(1)) <b>x</b>"))
        let page = try SharedServer.get("/pages/about?lang=en", host: "\(tenant.slug).localhost").text
        // The name shows as text, never as a link or markup.
        #expect(!page.lowercased().contains("href=\"javascript:"))
        #expect(page.contains("[evil](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt; is a local internet service provider"))
        #expect(!page.contains("<b>x</b>"))
    }

    /// A store just created by head office has a name and nothing else: every placeholder must still read well.
    @Test func everyDefaultPageOfAFreshStoreNamesItsAddressAndLeavesNoBlank() throws {
        let tenant = try TestDatabase.createTenant(name: "Fresh ISP")
        let host = "\(tenant.slug).localhost"
        for language in ["id", "en"] {
            for slug in ["about", "how-to-buy", "faq", "terms", "privacy"] {
                let page = try SharedServer.get("/pages/\(slug)?lang=\(language)", host: host).text
                let article = try #require(Self.article(of: page), "\(language)/\(slug)")
                let text = article.replacing(/<[^>]*>/, with: "")
                #expect(!text.contains("{{"), "\(language)/\(slug)")
                // A value that came out as "/" or as nothing leaves a lone slash or a gap before punctuation.
                #expect(text.firstMatch(of: /(^|\s)\/(\s|[.,;:)]|$)/) == nil, "bare slash in \(language)/\(slug)")
                #expect(text.firstMatch(of: /\s[.,;]|\(\s*\)/) == nil, "gap in \(language)/\(slug)")
                #expect(article.firstMatch(of: /<\/strong>\s*<\/li>|href="mailto:"/) == nil, "empty value in \(language)/\(slug)")
            }
            for slug in ["about", "how-to-buy", "terms", "privacy"] {
                let page = try SharedServer.get("/pages/\(slug)?lang=\(language)", host: host).text
                #expect(page.contains("href=\"http://\(host)\""), "\(language)/\(slug) names the store's address")
            }
        }
        let about = try SharedServer.get("/pages/about?lang=en", host: host).text
        #expect(about.contains("our WhatsApp number (not published yet)"))
    }

    /// The test server has no platform sender: a store promises codes by WhatsApp only once it links its own number.
    @Test func theDefaultPagesPromiseCodesByWhatsAppOnlyWhenASenderSendsThem() throws {
        let tenant = try TestDatabase.createTenant(name: "Sender ISP")
        let host = "\(tenant.slug).localhost"
        let promises: [String: [String: String]] = [
            "en": [
                "how-to-buy": "are also sent to your WhatsApp number", "faq": "look for the WhatsApp message we sent you",
                "terms": "codes that go astray", "privacy": "deliver your voucher codes and notifications by WhatsApp",
            ],
            "id": [
                "how-to-buy": "juga dikirim ke WhatsApp Anda", "faq": "cari pesan WhatsApp yang kami kirim",
                "terms": "kode yang terkirim ke nomor yang salah",
                "privacy": "mengirim kode voucher dan pemberitahuan melalui WhatsApp",
            ],
        ]
        let withoutSender = [
            "en": "Your voucher codes appear on the order page after payment",
            "id": "Kode voucher tampil di halaman pesanan setelah pembayaran",
        ]
        func article(_ slug: String, _ language: String) throws -> String {
            let page = try SharedServer.get("/pages/\(slug)?lang=\(language)", host: host).text
            return try #require(Self.article(of: page), "\(language)/\(slug)")
        }
        for (language, pages) in promises {
            for (slug, promise) in pages {
                let text = try article(slug, language)
                #expect(!text.contains(promise), "\(language)/\(slug) promises WhatsApp without a sender")
                #expect(!text.contains("{{"), "\(language)/\(slug)")
            }
            #expect(try article("how-to-buy", language).contains(withoutSender[language] ?? "?"))
        }

        try WhatsAppSenderTruthTests.linkOwnSender(tenantID: tenant.id)
        try eventually { try article("how-to-buy", "en").contains(promises["en"]?["how-to-buy"] ?? "?") }
        for (language, pages) in promises {
            for (slug, promise) in pages {
                #expect(try article(slug, language).contains(promise), "\(language)/\(slug) with a sender")
            }
            #expect(!(try article("how-to-buy", language).contains(withoutSender[language] ?? "?")))
        }
    }

    private static func article(of page: String) -> String? {
        guard let start = page.range(of: "<article class=\"prose\">"), let end = page.range(of: "</article>") else { return nil }
        return String(page[start.upperBound..<end.lowerBound])
    }
}
