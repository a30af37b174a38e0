import Foundation
import TestSupport
import Testing

/// `/admin/pages`: edit, preview, save (versioned) and revert a tenant's content pages; tenant-scoped,
/// CSRF-protected and audited, and the public page follows at once.
@Suite struct AdminPagesTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    func signedInOnEditor(_ path: String = "/admin/pages/faq/en") throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get(path)
        return browser
    }

    func publicPage(_ slug: String, _ language: String, host: String? = nil) throws -> String {
        try SharedServer.get("/pages/\(slug)?lang=\(language)", host: host ?? admin.host).text
    }

    static func override(tenantID: UUID, slug: String, locale: String) throws -> (title: String, markdown: String, version: Int)? {
        try TestDatabase.owner.query(
            "select title, markdown, version from content_pages where tenant_id = $1 and slug = $2 and locale = $3",
            tenantID, slug, locale
        ).first.map {
            (
                try $0.decode("title", as: String.self), try $0.decode("markdown", as: String.self),
                try $0.decode("version", as: Int.self)
            )
        }
    }

    static func savedVersions(tenantID: UUID, slug: String, locale: String) throws -> [(version: Int, body: String, savedBy: String)] {
        try TestDatabase.owner.query(
            """
            select version, body, saved_by from content_page_versions
            where tenant_id = $1 and slug = $2 and locale = $3 order by version
            """, tenantID, slug, locale
        ).map {
            (
                try $0.decode("version", as: Int.self), try $0.decode("body", as: String.self),
                try $0.decode("saved_by", as: String.self)
            )
        }
    }

    @Test func theListShowsEveryPageInEveryLanguageAndWhichOnesTheTenantEdited() throws {
        try TestDatabase.owner.query(
            "insert into content_pages (tenant_id, slug, locale, title, markdown, version) values ($1, 'terms', 'en', 'T', '# T', 3)",
            admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)
        let list = try browser.get("/admin/pages")
        #expect(list.status == 200)
        for slug in ["about", "how-to-buy", "faq", "terms", "privacy"] {
            for language in ["en", "id"] {
                #expect(list.text.contains(#"href="/admin/pages/\#(slug)/\#(language)""#), "\(slug)/\(language)")
            }
        }
        #expect(list.text.contains("Your text (version 3)"))
        #expect(list.text.components(separatedBy: "Default text").count - 1 == 9)
    }

    @Test func theEditorShowsTheDefaultTextUntilTheTenantHasItsOwn() throws {
        let browser = try AdminFixtures.signedIn(admin)
        let editor = try browser.get("/admin/pages/faq/id")
        #expect(editor.status == 200)
        #expect(editor.text.contains(#"value="Pertanyaan yang Sering Diajukan""#))
        #expect(editor.text.contains("# Pertanyaan yang Sering Diajukan"))
        #expect(editor.text.contains("{{tenant_name}}"))
        // A default page has nothing to revert.
        #expect(!editor.text.contains("/admin/pages/faq/id/revert"))
    }

    @Test func savingKeepsEveryVersionAuditsEachSaveAndThePublicPageShowsItAtOnce() throws {
        let browser = try signedInOnEditor()
        #expect(!(try publicPage("faq", "en")).contains("First answer"))
        let first = try browser.post(
            "/admin/pages/faq/en", ["title": "Our FAQ", "markdown": "# Our FAQ\r\n\r\nFirst answer from {{tenant_name}}."])
        #expect(first.status == 303)
        #expect(first.headers["Location"] == "/admin/pages/faq/en?saved=1")
        let page = try publicPage("faq", "en")
        #expect(page.contains("First answer from "))
        #expect(!page.contains("{{tenant_name}}"))

        try browser.post("/admin/pages/faq/en", ["title": "Our FAQ", "markdown": "# Our FAQ\n\nSecond answer."])
        #expect(try publicPage("faq", "en").contains("Second answer."))
        #expect(try Self.override(tenantID: admin.tenantID, slug: "faq", locale: "en")?.version == 2)
        let versions = try Self.savedVersions(tenantID: admin.tenantID, slug: "faq", locale: "en")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.first?.body == "# Our FAQ\n\nFirst answer from {{tenant_name}}.")
        #expect(versions.allSatisfy { $0.savedBy == admin.email.lowercased() })
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
        let audit = try TestDatabase.owner.query(
            """
            select action, before->>'markdown' as before, after->>'markdown' as after from audit_log
            where tenant_id = $1 order by id
            """, admin.tenantID)
        #expect(try audit.map { try $0.decode("action", as: String.self) } == ["content_page.save", "content_page.save"])
        #expect(audit[0].decode("before", as: String?.self) == nil)
        #expect(audit[1].decode("before", as: String?.self) == "# Our FAQ\n\nFirst answer from {{tenant_name}}.")
        #expect(audit[1].decode("after", as: String?.self) == "# Our FAQ\n\nSecond answer.")
        // The other language keeps its default text; the editor lists both versions.
        #expect(!(try publicPage("faq", "id")).contains("Second answer."))
        let editor = try browser.get("/admin/pages/faq/en?saved=1")
        #expect(editor.text.contains("Changes saved."))
        #expect(editor.text.contains("Version 2, saved by"))
        #expect(editor.text.contains("Version 1, saved by"))
    }

    @Test func aPreviewRendersTheDraftLikeThePublicPageAndSavesNothing() throws {
        let browser = try signedInOnEditor()
        let draft = "# Draft\n\n**bold** from {{tenant_name}}\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))"
        let preview = try browser.post("/admin/pages/faq/en/preview", ["title": "Draft", "markdown": draft])
        #expect(preview.status == 200)
        #expect(preview.text.contains("<strong>bold</strong> from "))
        #expect(!preview.text.contains("<script>alert(1)"))
        #expect(!preview.text.contains(#"href="javascript:"#))
        // The draft stays in the textarea, escaped.
        #expect(preview.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(try Self.override(tenantID: admin.tenantID, slug: "faq", locale: "en") == nil)
        #expect(try Self.savedVersions(tenantID: admin.tenantID, slug: "faq", locale: "en").isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func theHelpListsEveryPlaceholderAndEachOneResolvesInThePreview() throws {
        let browser = try signedInOnEditor()
        let names = ["tenant_name", "store_url", "contact_whatsapp", "contact_email", "address"]
        for language in ["en", "id"] {
            let editor = try browser.get("/admin/pages/faq/\(language)")
            for name in names { #expect(editor.text.contains("{{\(name)}}"), "\(language) help lists \(name)") }
        }
        let markdown = names.map { "- \($0): {{\($0)}}" }.joined(separator: "\n")
        let preview = try browser.post("/admin/pages/faq/en/preview", ["title": "All", "markdown": markdown]).text
        #expect(preview.contains("<li>store_url: http://\(admin.host)</li>"))
        #expect(preview.contains("<li>contact_email: "))
        #expect(!preview.contains("<li>contact_whatsapp: </li>"))
    }

    @Test func revertingDeletesTheOverrideKeepsTheHistoryAndIsAudited() throws {
        let browser = try signedInOnEditor("/admin/pages/terms/en")
        try browser.post("/admin/pages/terms/en", ["title": "Ours", "markdown": "# Ours\n\nOur own terms."])
        #expect(try publicPage("terms", "en").contains("Our own terms."))
        try browser.get("/admin/pages/terms/en")
        let revert = try browser.post("/admin/pages/terms/en/revert")
        #expect(revert.status == 303)
        #expect(!(try publicPage("terms", "en")).contains("Our own terms."))
        #expect(try Self.override(tenantID: admin.tenantID, slug: "terms", locale: "en") == nil)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
        // Reverting again changes nothing and writes nothing.
        try browser.post("/admin/pages/terms/en/revert")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
        // The history outlives the revert, and numbering carries on.
        try browser.post("/admin/pages/terms/en", ["title": "Ours again", "markdown": "# Again"])
        #expect(try Self.savedVersions(tenantID: admin.tenantID, slug: "terms", locale: "en").map(\.version) == [1, 2])
        #expect(try Self.override(tenantID: admin.tenantID, slug: "terms", locale: "en")?.version == 2)
    }

    @Test func anUntitledOrTooLongPageIsRefusedWithItsMessagesAndTheInputKept() throws {
        let browser = try signedInOnEditor()
        let long = "# Long\n\n" + String(repeating: "marker text ", count: 6_000)
        for path in ["/admin/pages/faq/en", "/admin/pages/faq/en/preview"] {
            let response = try browser.post(path, ["title": "  ", "markdown": long])
            #expect(response.status == 422, "\(path)")
            #expect(response.text.contains("f-title-error"))
            #expect(response.text.contains("f-markdown-error"))
            #expect(response.text.contains("at most 64 KiB"))
            #expect(response.text.contains(String(repeating: "marker text ", count: 50)))
        }
        let empty = try browser.post("/admin/pages/faq/en", ["title": "Fine", "markdown": " \r\n "])
        #expect(empty.status == 422)
        #expect(empty.text.contains("Write the page's text"))
        #expect(empty.text.contains(#"value="Fine""#))
        #expect(try Self.override(tenantID: admin.tenantID, slug: "faq", locale: "en") == nil)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func unknownPagesAndLanguagesAreNotFound() throws {
        let browser = try signedInOnEditor()
        for path in ["/admin/pages/nope/en", "/admin/pages/terms/fr", "/admin/pages/..%2F..%2Fetc/en"] {
            #expect(try browser.get(path).status == 404, "\(path)")
            #expect(try browser.post(path, ["title": "x", "markdown": "y"]).status == 404, "\(path)")
        }
    }

    @Test func everyPagePostWithoutAValidCSRFTokenIsRefusedAndChangesNothing() throws {
        try TestDatabase.owner.query(
            "insert into content_pages (tenant_id, slug, locale, title, markdown) values ($1, 'faq', 'en', 'Kept', '# Kept')",
            admin.tenantID)
        let browser = try signedInOnEditor()
        let fields = ["title": "Changed", "markdown": "# Changed"]
        for path in ["/admin/pages/faq/en", "/admin/pages/faq/en/preview", "/admin/pages/faq/en/revert"] {
            #expect(try browser.post(path, fields, withCSRF: false).status == 403, "\(path)")
            #expect(try browser.post(path, fields.merging(["_csrf": String(repeating: "0", count: 64)]) { $1 }).status == 403)
        }
        #expect(try Self.override(tenantID: admin.tenantID, slug: "faq", locale: "en")?.title == "Kept")
        #expect(try Self.savedVersions(tenantID: admin.tenantID, slug: "faq", locale: "en").isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func anAdminCannotReadOrChangeAnotherTenantsPages() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        try TestDatabase.owner.query(
            "insert into content_pages (tenant_id, slug, locale, title, markdown) values ($1, 'faq', 'en', 'Theirs', '# Theirs')",
            other.tenantID)
        let browser = try signedInOnEditor()
        // Their host with our session cookie: no admin session there.
        let theirs = PortalBrowser(host: other.host)
        theirs.cookies = browser.cookies
        for (method, path) in [("GET", "/admin/pages"), ("GET", "/admin/pages/faq/en"), ("POST", "/admin/pages/faq/en/revert")] {
            let response =
                method == "GET" ? try theirs.get(path) : try theirs.post(path, ["_csrf": browser.csrf ?? ""])
            #expect(response.status == 303, "\(path)")
            #expect(response.headers["Location"] == "/admin/login")
        }
        // A tenant_id field in our own form is not read.
        let save = try browser.post(
            "/admin/pages/faq/en", ["title": "Mine", "markdown": "# Mine", "tenant_id": other.tenantID.uuidString])
        #expect(save.status == 303)
        #expect(try Self.override(tenantID: other.tenantID, slug: "faq", locale: "en")?.title == "Theirs")
        #expect(try Self.override(tenantID: admin.tenantID, slug: "faq", locale: "en")?.title == "Mine")
        #expect(try AdminFixtures.auditRows(tenantID: other.tenantID) == 0)
        #expect(try publicPage("faq", "en", host: other.host).contains("Theirs"))
    }

    @Test func signedOutVisitorsAreSentToTheSignIn() throws {
        for path in ["/admin/pages", "/admin/pages/faq/en"] {
            let response = try SharedServer.get(path, host: admin.host)
            #expect(response.status == 303)
            #expect(response.headers["Location"] == "/admin/login")
        }
    }
}
