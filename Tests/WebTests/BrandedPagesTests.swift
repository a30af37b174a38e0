import Foundation
import TestSupport
import Testing

@Suite struct BrandedPagesTests {
    static let hostile = #"<script>alert(1)</script> "Q" 'A' &amp; Net"#

    @Test func hostileBrandingIsEscapedInTextAttributesAndTitle() throws {
        let tenant = try TestDatabase.createTenant(
            name: "Hostile",
            branding: .init(
                displayName: Self.hostile, tagline: "<img src=x onerror=alert(2)>", whatsapp: "+62 812\"><script>",
                email: "a\"onmouseover=\"x@example.test", address: "<b>bold</b>", footer: "&lt;kept&gt;"))
        let page = try SharedServer.get("/", host: "\(tenant.slug).localhost").text
        #expect(!page.contains("<script>alert(1)"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("<b>bold"))
        #expect(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; \"Q\" 'A' &amp;amp; Net</title>"))
        #expect(page.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(page.contains("&amp;lt;kept&amp;gt;"))
        // In an attribute the quote is escaped, so it cannot close the value.
        #expect(page.contains("mailto:a&quot;onmouseover=&quot;x@example.test"))
        // Initials come from letters only.
        #expect(page.contains(#"<span class="initials" aria-hidden="true">SA</span>"#))
    }

    @Test func aColourThatIsNotHexNeverReachesTheDatabaseOrTheStylesheet() throws {
        #expect(throws: (any Error).self) {
            try TestDatabase.createTenant(name: "Bad colour", branding: .init(displayName: "Bad", primary: "red;}body{x:y"))
        }
        let tenant = try TestDatabase.createTenant(
            name: "Good colour", branding: .init(displayName: "Good", primary: "#0a0b0c", accent: "#ffffff"))
        let css = try SharedServer.get("/brand/theme.css", host: "\(tenant.slug).localhost")
        #expect(css.status == 200)
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(css.text.contains("--brand: #0a0b0c;"))
        #expect(css.text.contains("--brand-text: #ffffff;"))
        #expect(css.text.contains("--accent-text: #111827;"))
    }

    @Test func themeAndLogoAnswerConditionalRequestsWithNotModified() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        let tenant = try TestDatabase.createTenant(name: "Logo ISP", branding: .init(displayName: "Logo ISP", logo: png))
        let host = "\(tenant.slug).localhost"
        for path in ["/brand/theme.css", "/brand/logo"] {
            let first = try SharedServer.get(path, host: host)
            #expect(first.status == 200)
            let etag = try #require(first.headers["ETag"])
            let again = try SharedServer.get(path, host: host, headers: [("If-None-Match", etag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
        }
        #expect(try SharedServer.get("/brand/logo", host: host).body == png)
        let page = try SharedServer.get("/", host: host).text
        #expect(page.contains(#"<img src="/brand/logo?v=1""#))
    }

    @Test func aTenantWithoutALogoShowsInitialsAndHasNoLogoResource() throws {
        let tenant = try TestDatabase.createTenant(name: "Kopi Net", branding: .init(displayName: "Kopi Net Jaya"))
        let host = "\(tenant.slug).localhost"
        #expect(try SharedServer.get("/brand/logo", host: host).status == 404)
        #expect(try SharedServer.get("/", host: host).text.contains(#"<span class="initials" aria-hidden="true">KN</span>"#))
    }

    @Test func contactsAreLinkedAndTheWhatsAppNumberBecomesAWaMeLink() throws {
        let tenant = try TestDatabase.createTenant(
            name: "Contact ISP",
            branding: .init(displayName: "Contact ISP", whatsapp: "0812-3456-7890", email: "cs@contact.test", address: "Jl. Satu 1"))
        let page = try SharedServer.get("/", host: "\(tenant.slug).localhost").text
        #expect(page.contains(#"href="https://wa.me/6281234567890""#))
        #expect(page.contains(#"href="mailto:cs@contact.test""#))
        #expect(page.contains("Jl. Satu 1"))
    }

    @Test func everyPageCarriesTheSecurityHeaders() throws {
        let tenant = try TestDatabase.createTenant(name: "Header ISP")
        for (path, host) in [
            ("/", "\(tenant.slug).localhost"), ("/nope", "\(tenant.slug).localhost"), ("/", "localhost"), ("/", "unknown.example"),
        ] {
            let response = try SharedServer.get(path, host: host)
            #expect(response.headers["Content-Security-Policy"]?.contains("script-src 'self'") == true)
            #expect(response.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["Referrer-Policy"] != nil)
        }
    }
}
