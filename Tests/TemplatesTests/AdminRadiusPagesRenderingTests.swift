import Foundation
import Testing

@testable import Templates

/// The routers and who is online on them, rendered from view models built as their controllers build them.
@Suite struct AdminRadiusPagesRenderingTests {
    private typealias Admin = AdminPageRendering
    private typealias Field = AdminRouterFormView.Field

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func routersListShowsMaskedSecretsOnlineCountsAndDeleteButtons() {
        let entry = AdminRoutersView.Entry(
            name: Admin.typed, identifier: "mikrotik-rt05", address: "203.0.113.7", maskedSecret: "••••cdef",
            kind: Language.en.adminRadiusStrings.kindPPPoE, coaPort: 3799, online: 42, editPath: Paths.Admin.router(7),
            deletePath: Paths.Admin.deleteRouter(7))
        let view = AdminRoutersView(entries: [entry], newPath: Paths.Admin.newRouter, csrfToken: "csrf-routers", saved: true)
        let html = rendered(AdminRoutersPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"routers-heading\">Routers</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-routers", current: Paths.Admin.routers))
        #expect(html.contains("Changes saved."))
        #expect(html.contains(Admin.link(Paths.Admin.newRouter) + ">Add a router</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.router(7)) + ">\(Admin.typedAsText)</a>"))
        #expect(html.contains("<code>203.0.113.7</code>") && html.contains("••••cdef") && html.contains(">PPPoE</td>"))
        #expect(html.contains(">3799</td>") && html.contains(">42</td>"))
        #expect(html.contains("action=\"\(Paths.Admin.deleteRouter(7))\""))
        #expect(html.contains("aria-label=\"Delete: \(Admin.typedAsAttribute)\""))
        #expect(Admin.escapesTyped(html))
    }

    @Test func routersListEmptyInIndonesian() {
        let view = AdminRoutersView(entries: [], newPath: Paths.Admin.newRouter, csrfToken: "c", saved: false)
        let html = rendered(AdminRoutersPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"routers-heading\">Router</h1>"))
        #expect(html.contains("Belum ada router.") && html.contains(">Tambah router</a>"))
        #expect(!html.contains("<table") && !html.contains("form-notice"))
    }

    @Test func routerFormNeverShowsTheSecretAndMarksEachProblem() {
        let words = Language.en.adminRadiusStrings
        let state = FormState(
            values: [Field.name: Admin.typed, Field.address: "300.1.1.1", Field.kind: "pppoe", Field.coaPort: "3799"],
            errors: [Field.address: words.errorAddress, Field.secret: words.errorSecret])
        let view = AdminRouterFormView(isNew: true, state: state, storedSecret: nil, formPath: Paths.Admin.newRouter, csrfToken: "csrf-r")
        let html = rendered(AdminRouterFormPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"router-heading\">Add a router</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-r", current: Paths.Admin.routers))
        #expect(html.contains("action=\"\(Paths.Admin.newRouter)\"") && html.contains(">Add router</button>"))
        #expect(Admin.fieldKeeps(html, Field.name, Admin.typedAsAttribute))
        #expect(Admin.fieldKeeps(html, Field.address, "300.1.1.1"))
        #expect(Admin.fieldShowsError(html, Field.address, "Enter an IPv4 address such as 203.0.113.7."))
        #expect(Admin.fieldShowsError(html, Field.secret, words.errorSecret))
        #expect(html.contains("type=\"password\" id=\"f-secret\" name=\"secret\" value=\"\" required"))
        #expect(html.contains("<option value=\"pppoe\" selected>PPPoE</option>"))
        #expect(!html.contains("tunnel-heading"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func storedRouterKeepsItsSecretAndShowsItsTunnelCommandsEscaped() {
        let commands = "/interface wireguard add name=gerbang private-key=\"abc<def>\"\n/ip address add address=10.99.0.2/32"
        let tunnel = AdminRouterTunnelView(
            state: .given(address: "10.99.0.2", commands: commands, showsPrivateKey: true, removePath: Paths.Admin.deleteRouterTunnel(7)),
            csrfToken: "csrf-t")
        let view = AdminRouterFormView(
            isNew: false, state: FormState(values: [Field.name: "Kantor"]), storedSecret: "••••cdef", formPath: Paths.Admin.router(7),
            csrfToken: "csrf-t", tunnel: tunnel)
        let html = rendered(AdminRouterFormPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"router-heading\">Edit router</h1>") && html.contains(">Save</button>"))
        #expect(html.contains("••••cdef · Leave empty to keep the stored secret."))
        #expect(!html.contains("id=\"f-secret\" name=\"secret\" value=\"\" required"))
        #expect(html.contains("<h2 id=\"tunnel-heading\">Tunnel to the platform</h2>"))
        #expect(html.contains("<code>10.99.0.2</code>"))
        #expect(html.contains("private-key=\"abc&lt;def&gt;\""))
        #expect(html.contains(Language.en.routerTunnelStrings.pasteOnce))
        #expect(html.contains("action=\"\(Paths.Admin.deleteRouterTunnel(7))\""))
    }

    @Test func tunnelOfferedUnavailableAndRefusedInIndonesian() {
        let words = Language.id.routerTunnelStrings
        func page(_ tunnel: AdminRouterTunnelView) -> String {
            let view = AdminRouterFormView(
                isNew: false, state: FormState(), storedSecret: "••••cdef", formPath: Paths.Admin.router(7), csrfToken: "c",
                tunnel: tunnel)
            return rendered(AdminRouterFormPage(chrome: PageRendering.chrome(.id), view: view))
        }
        let offered = page(
            AdminRouterTunnelView(state: .offered(givePath: Paths.Admin.routerTunnel(7)), alert: words.errorPoolExhausted, csrfToken: "c"))
        #expect(offered.contains(Language.id.adminRadiusStrings.editRouter + "</h1>") && offered.contains("Simpan</button>"))
        #expect(offered.contains("action=\"\(Paths.Admin.routerTunnel(7))\"") && offered.contains(words.give))
        #expect(offered.contains("<p class=\"form-alert\" role=\"alert\">\(words.errorPoolExhausted)</p>"))
        let unavailable = page(AdminRouterTunnelView(state: .unavailable, csrfToken: "c"))
        #expect(unavailable.contains(words.unavailable) && !unavailable.contains(Paths.Admin.routerTunnel(7)))
    }

    @Test func sessionsListEachOnlineUserWithDisconnect() {
        let entry = AdminSessionsView.Entry(
            router: "Kantor", user: Admin.typed, since: Admin.times.dayAndTime(Admin.evening), address: "10.10.0.23",
            traffic: "12 MB / 3 MB", disconnectPath: Paths.Admin.disconnectSession(9_000_000_001))
        let view = AdminSessionsView(
            entries: [entry], notice: Language.en.adminRadiusStrings.disconnectNoAnswer, csrfToken: "csrf-sessions")
        let html = rendered(AdminSessionsPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"sessions-heading\">Online now</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-sessions", current: Paths.Admin.sessions))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">The router did not answer."))
        #expect(html.contains("<code>\(Admin.typedAsText)</code>"))
        #expect(html.contains("23 November 2026 19:05 WIB") && html.contains("12 MB / 3 MB") && html.contains("10.10.0.23"))
        #expect(html.contains("action=\"\(Paths.Admin.disconnectSession(9_000_000_001))\""))
        #expect(html.contains("aria-label=\"Disconnect: \(Admin.typedAsAttribute)\""))
        #expect(Admin.escapesTyped(html))
    }

    @Test func sessionsEmptyInIndonesian() {
        let html = rendered(
            AdminSessionsPage(chrome: PageRendering.chrome(.id), view: AdminSessionsView(entries: [], notice: nil, csrfToken: "c")))
        #expect(html.contains("<h1 id=\"sessions-heading\">Sedang online</h1>"))
        #expect(html.contains("Tidak ada yang online.") && !html.contains("Putuskan"))
    }
}
