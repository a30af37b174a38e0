import Foundation
import Testing

@testable import Templates

/// The information pages in the back office: which ones show the tenant's own text, and one page's
/// editor with its preview and saved versions.
@Suite struct AdminContentPagesRenderingTests {
    private typealias Admin = AdminPageRendering
    private typealias Field = AdminPagesEditView.Field

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func pagesListMarksEditedPagesAndLinksEachEditorPerLanguage() {
        let view = AdminPagesView(
            entries: [
                .init(slug: "terms", name: "Terms and conditions", language: .id, version: 3),
                .init(slug: "terms", name: "Terms and conditions", language: .en, version: nil),
            ], csrfToken: "csrf-pages", reverted: true)
        let html = rendered(AdminPagesPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"pages-heading\">Information pages</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-pages", current: Paths.Admin.pages))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">The page shows the default text again.</p>"))
        #expect(html.contains("<span class=\"badge edited\">Your text (version 3)</span>"))
        #expect(html.contains("<span class=\"badge\">Default text</span>"))
        #expect(html.contains(">Bahasa Indonesia</td>") && html.contains(">English</td>"))
        #expect(html.contains(Admin.link(Paths.Admin.page("terms", .id))) && html.contains(Admin.link(Paths.Admin.page("terms", .en))))
    }

    @Test func pagesListInIndonesian() {
        let view = AdminPagesView(entries: [.init(slug: "faq", name: "Tanya jawab", language: .id, version: 1)], csrfToken: "c")
        let html = rendered(AdminPagesPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"pages-heading\">Halaman informasi</h1>"))
        #expect(html.contains("Teks Anda (versi 1)") && !html.contains("form-notice"))
    }

    @Test func editorKeepsTheDraftShowsItsPreviewHistoryAndRevert() {
        let markdown = "# Syarat\n\n<script>alert(1)</script> & \"Budi\"\n\n- satu"
        let state = FormState(
            values: [Field.title: Admin.typed, Field.markdown: markdown], errors: [Field.title: "Give the page a title."])
        let view = AdminPagesEditView(
            slug: "terms", name: "Terms and conditions", language: .id, state: state, version: 3,
            preview: ContentView(title: "Syarat", body: Markdown.render(markdown)),
            history: [.init(version: 3, savedBy: "<b>admin</b>@net.id", savedAt: Admin.times.dayAndTime(Admin.evening))],
            csrfToken: "csrf-edit")
        let html = rendered(AdminPagesEditPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"page-heading\">Edit “Terms and conditions” (Bahasa Indonesia)</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-edit", current: Paths.Admin.pages))
        #expect(html.contains("Your text (version 3) · <a " + Admin.link(Paths.page("terms") + "?lang=id")))
        #expect(html.contains("action=\"\(Paths.Admin.page("terms", .id))\""))
        #expect(html.contains("formaction=\"\(Paths.Admin.pagePreview("terms", .id))\""))
        #expect(html.contains("action=\"\(Paths.Admin.pageRevert("terms", .id))\""))
        #expect(Admin.fieldKeeps(html, Field.title, Admin.typedAsAttribute))
        #expect(Admin.fieldShowsError(html, Field.title, "Give the page a title."))
        // The draft goes back into its box as typed, escaped, in the page's own language.
        #expect(html.contains("lang=\"id\" class=\"markdown-input\""))
        #expect(html.contains("# Syarat\n\n\(Admin.typedAsText)\n\n- satu</textarea>"))
        #expect(html.contains("<h2 id=\"preview-heading\" class=\"preview-label\">Preview (not saved yet)</h2>"))
        #expect(html.contains("<article class=\"prose\" lang=\"id\"><h1>Syarat</h1>"))
        #expect(html.contains("<li>satu</li>"))
        #expect(html.contains("Version 3, saved by &lt;b&gt;admin&lt;/b&gt;@net.id on 23 November 2026 19:05 WIB"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func editorOfADefaultPageHasNoRevertNorHistoryInIndonesian() {
        let view = AdminPagesEditView(
            slug: "faq", name: "Tanya jawab", language: .en, state: FormState(values: [Field.title: "FAQ"]), version: nil,
            history: [], csrfToken: "c", saved: true)
        let html = rendered(AdminPagesEditPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"page-heading\">Ubah “Tanya jawab” (English)</h1>"))
        #expect(html.contains("Teks bawaan · ") && html.contains("Perubahan tersimpan."))
        #expect(html.contains("lang=\"en\" class=\"markdown-input\""))
        #expect(
            !html.contains(Paths.Admin.pageRevert("faq", .en)) && !html.contains("history-heading") && !html.contains("preview-heading"))
    }
}
