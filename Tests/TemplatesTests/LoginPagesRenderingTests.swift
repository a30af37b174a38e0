import Testing

@testable import Templates

/// Pages rendered straight from a view model, no server and no database: what a visitor would see.
@Suite struct LoginPagesRenderingTests {
    private func chrome(_ language: Language = .en) -> SiteChrome { PageRendering.chrome(language) }

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func adminLoginKeepsTypedEmailEscapedAndShowsTheFailure() {
        let typed = "<script>x</script>\"a\"&b@example.id"
        let view = PortalLoginView(
            state: FormState(values: [PortalLoginView.Field.login: typed]), csrfToken: "tok123",
            failure: "Wrong email or password")
        let html = rendered(AdminLoginPage(chrome: chrome(), view: view))
        #expect(html.contains("Admin sign-in"))
        #expect(html.contains("Wrong email or password"))
        #expect(html.contains("tok123"))
        #expect(!html.contains("<script>x</script>"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(html.contains("Net &amp; Co"))
    }

    @Test func adminLoginSpeaksIndonesian() {
        let html = rendered(AdminLoginPage(chrome: chrome(.id), view: PortalLoginView(csrfToken: "t")))
        #expect(html.contains("Masuk admin"))
        #expect(html.contains("lang=\"id\""))
        #expect(!html.contains("Admin sign-in"))
    }

    @Test func errorPageShowsStatusMessageAndRequestID() {
        let view = ErrorView(status: 404, title: "Not found", message: "No <b>such</b> page", requestID: "req-42")
        let html = rendered(ErrorPage(chrome: chrome(), view: view))
        #expect(html.contains("<h1>Not found</h1>"))
        #expect(html.contains("No &lt;b&gt;such&lt;/b&gt; page"))
        #expect(html.contains("404 · "))
        #expect(html.contains("req-42"))
    }

    @Test func portalLoginKeepsTheCustomerNumberInBothLanguages() {
        let view = PortalLoginView(
            state: FormState(values: [PortalLoginView.Field.login: "PLG-0042"]), csrfToken: "t")
        let english = rendered(PortalLoginPage(chrome: chrome(), view: view))
        let indonesian = rendered(PortalLoginPage(chrome: chrome(.id), view: view))
        #expect(english.contains("Customer portal") && english.contains("value=\"PLG-0042\""))
        #expect(indonesian.contains("Portal pelanggan") && indonesian.contains("value=\"PLG-0042\""))
        #expect(!english.contains("form-alert"))
    }
}
