import Foundation
import Testing

@testable import Templates

/// The store's settings in the back office (payment gateway, WhatsApp senders, branding, custom domains,
/// hotspot export), rendered from view models built as their controllers build them. Keys and tokens
/// typed into these forms must never come back in a page.
@Suite struct AdminSettingsPagesRenderingTests {
    private typealias Admin = AdminPageRendering

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func paymentsShowTheGatewayInUseMaskedKeysAndNeverAKeyTyped() {
        typealias Field = AdminPaymentsView.Field
        let sales = Language.en.adminSalesStrings
        let state = FormState(
            values: [
                Field.useOwnGateway: "on", Field.provider: "xendit", Field.environment: "production",
                Field.secretKey: "xnd_production_SECRET", Field.clientKey: "client-SECRET",
            ], errors: [Field.webhookToken: sales.errorKeyRequired])
        let view = AdminPaymentsView(
            inEffect: sales.inEffectOwn("Xendit"), inEffectEnvironment: sales.environmentProduction,
            accounts: [
                .init(
                    provider: "Xendit", environment: sales.environmentProduction, isActive: true,
                    keys: [SummaryLine(label: sales.fieldSecretKey, value: "••••CRET")])
            ], providers: [.init(value: "midtrans", label: "Midtrans"), .init(value: "xendit", label: "Xendit")], state: state,
            storedKeys: [Field.secretKey: "••••CRET"], csrfToken: "csrf-pay")
        let html = rendered(AdminPaymentsPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"payments-heading\">Payment gateway</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-pay", current: Paths.Admin.payments))
        #expect(html.contains("<strong>Your own Xendit account</strong> · Production (real payments)"))
        #expect(html.contains("<span class=\"badge good\">active</span>") && html.contains("<dd>••••CRET</dd>"))
        #expect(html.contains("Stored: ••••CRET. Leave blank to keep it."))
        #expect(!html.contains("SECRET\"") && !html.contains("xnd_production") && !html.contains("client-SECRET"))
        #expect(Admin.fieldShowsError(html, Field.webhookToken, sales.errorKeyRequired))
        #expect(html.contains("<option value=\"xendit\" selected>Xendit</option>"))
        #expect(html.contains("<option value=\"production\" selected>Production (real payments)</option>"))
        #expect(html.contains("action=\"\(Paths.Admin.payments)\""))
    }

    @Test func paymentsWithoutOwnAccountsInIndonesian() {
        let sales = Language.id.adminSalesStrings
        let view = AdminPaymentsView(
            inEffect: sales.inEffectCentral("Sandbox"), inEffectEnvironment: nil, accounts: [], providers: [], state: FormState(),
            storedKeys: [:], saved: true, csrfToken: "c")
        let html = rendered(AdminPaymentsPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"payments-heading\">Gerbang pembayaran</h1>"))
        #expect(html.contains("<strong>Gerbang milik platform (Sandbox)</strong></p>"))
        #expect(html.contains(sales.noAccounts) && html.contains("Perubahan tersimpan."))
    }

    @Test func whatsAppListsOwnSendersWithMaskedTokensAndKeepsTheAddFormWithoutTheToken() {
        typealias Field = AdminWhatsAppView.Field
        let words = Language.en.adminWhatsAppStrings
        let sender = UUID()
        let view = AdminWhatsAppView(
            inEffect: Language.en.adminSalesStrings.whatsAppInEffectOwn,
            senders: [
                .init(
                    name: Admin.typed, maskedToken: "••••abcd", perMinute: 20, isActive: false,
                    editPath: Paths.Admin.whatsAppSender(sender), deletePath: Paths.Admin.deleteWhatsAppSender(sender))
            ],
            state: FormState(
                values: [Field.name: "Kantor 2", Field.token: "TOKEN-TYPED-123", Field.perMinute: "5000"],
                errors: [Field.perMinute: words.errorPerMinute]), csrfToken: "csrf-wa")
        let html = rendered(AdminWhatsAppPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"whatsapp-heading\">WhatsApp</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-wa", current: Paths.Admin.whatsApp))
        #expect(html.contains("<strong>Your own number (Fonnte)</strong>"))
        #expect(html.contains(Admin.link(Paths.Admin.whatsAppSender(sender)) + "><strong>\(Admin.typedAsText)</strong></a>"))
        #expect(html.contains(" · Token ••••abcd") && html.contains(" · Messages per minute: 20") && html.contains(" · Off"))
        #expect(html.contains("action=\"\(Paths.Admin.deleteWhatsAppSender(sender))\""))
        #expect(html.contains("aria-label=\"Delete: \(Admin.typedAsAttribute)\""))
        #expect(html.contains("action=\"\(Paths.Admin.whatsAppSenders)\""))
        #expect(Admin.fieldKeeps(html, Field.name, "Kantor 2") && Admin.fieldKeeps(html, Field.perMinute, "5000"))
        #expect(Admin.fieldShowsError(html, Field.perMinute, "Enter a whole number from 1 to 1000."))
        #expect(!html.contains("TOKEN-TYPED-123"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func whatsAppWithoutSendersInIndonesian() {
        let view = AdminWhatsAppView(
            inEffect: Language.id.adminSalesStrings.whatsAppInEffectCentral, senders: [], state: FormState(), csrfToken: "c")
        let html = rendered(AdminWhatsAppPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("Pengirim Anda sendiri") && html.contains("Belum ada pengirim milik Anda."))
        #expect(!html.contains("whatsapp-senders\""))
    }

    @Test func brandingKeepsTypedValuesTheChosenLogoAndWarnsOfPoorContrast() {
        typealias Field = AdminBrandingView.Field
        let state = FormState(
            values: [Field.displayName: Admin.typed, Field.primaryColor: "#ffff00", Field.accentColor: "#zz", Field.defaultLanguage: "id"],
            errors: [Field.accentColor: "Enter a colour such as #0a7d6e."])
        let logo = AdminBrandingView.KeptLogo(bytes: [0x89, 0x50, 0x4E, 0x47], mediaType: .png)
        let view = AdminBrandingView(
            state: state, csrfToken: "csrf-brand", contrasts: [Field.primaryColor: .init(ratio: 1.07)], keptLogo: logo)
        let html = rendered(AdminBrandingPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"branding-heading\">Branding</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-brand", current: Paths.Admin.branding))
        #expect(html.contains("action=\"\(Paths.Admin.branding)\"") && html.contains("enctype=\"multipart/form-data\""))
        #expect(html.contains("formaction=\"\(Paths.Admin.brandingPreview)\""))
        #expect(Admin.fieldKeeps(html, Field.displayName, Admin.typedAsAttribute))
        #expect(html.contains("Text contrast on this colour: 1.0:1 <strong>Below 4.5:1 (WCAG AA)"))
        #expect(Admin.fieldShowsError(html, Field.accentColor, "Enter a colour such as #0a7d6e."))
        #expect(html.contains("name=\"\(Field.logoDraft)\" value=\"iVBORw==\""))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw==\"") && html.contains(Language.en.strings.logoKept))
        #expect(html.contains("<option value=\"id\" selected>"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func brandingSavedWithReadableColoursInIndonesian() {
        typealias Field = AdminBrandingView.Field
        let view = AdminBrandingView(
            state: FormState(values: [Field.displayName: "Net Sari", Field.primaryColor: "#0a7d6e"]), csrfToken: "c",
            contrasts: [Field.primaryColor: .init(ratio: 5.23)], saved: true)
        let html = rendered(AdminBrandingPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"branding-heading\">Tampilan toko</h1>") && html.contains("Perubahan tersimpan."))
        // Indonesian writes a decimal comma, as its own warning does ("4,5:1").
        #expect(html.contains("<p class=\"contrast\">Kontras teks di atas warna ini: 5,2:1</p>"))
        #expect(!html.contains("contrast warning") && !html.contains("kept-logo"))
    }

    @Test func domainsShowApprovalAndPrimaryAndKeepTheTypedDomainWithItsProblem() {
        typealias Field = AdminDomainsView.Field
        let view = AdminDomainsView(
            domains: [
                .init(name: "net-sari.id", isApproved: true, isPrimary: true),
                .init(name: "wifi.net-sari.id", isApproved: false, isPrimary: false),
            ],
            state: FormState(values: [Field.domain: "<x>.id"], errors: [Field.domain: "Enter a domain such as wifi.example.id."]),
            csrfToken: "csrf-dom")
        let html = rendered(AdminDomainsPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"domains-heading\">Custom domains</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-dom", current: Paths.Admin.domains))
        #expect(html.contains("<strong>net-sari.id</strong> · Approved · Primary"))
        #expect(html.contains("<strong>wifi.net-sari.id</strong> · Waiting for approval<form"))
        #expect(html.components(separatedBy: "formaction=\"\(Paths.Admin.makeDomainPrimary)\"").count == 2)
        #expect(html.contains("action=\"\(Paths.Admin.removeDomain)\"") && html.contains("name=\"domain\" value=\"wifi.net-sari.id\""))
        #expect(Admin.fieldKeeps(html, Field.domain, "&lt;x&gt;.id"))
        #expect(Admin.fieldShowsError(html, Field.domain, "Enter a domain such as wifi.example.id."))
    }

    @Test func domainsEmptyInIndonesian() {
        let html = rendered(
            AdminDomainsPage(chrome: PageRendering.chrome(.id), view: AdminDomainsView(domains: [], csrfToken: "c", saved: true)))
        #expect(html.contains("<h1 id=\"domains-heading\">Domain sendiri</h1>"))
        #expect(html.contains("Belum ada domain sendiri.") && html.contains("Perubahan tersimpan."))
        #expect(!html.contains(Paths.Admin.removeDomain))
    }

    @Test func hotspotListsEachFileWithItsSizeAndDownloadLink() {
        let view = AdminHotspotView(
            files: [.init(name: "login.html", byteCount: 4_812), .init(name: "a b&c.css", byteCount: 0)], csrfToken: "csrf-hs")
        let html = rendered(AdminHotspotPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"hotspot-heading\">Hotspot login pages</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-hs", current: Paths.Admin.hotspot))
        #expect(
            html.contains(
                "<code>login.html</code> · 4812 bytes · <a " + Admin.link(Paths.Admin.hotspotFile("login.html")) + ">Download</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.hotspotFile("a b&c.css"))) && html.contains("<code>a b&amp;c.css</code>"))
        #expect(html.contains("<ol><li>"))
        let indonesian = rendered(AdminHotspotPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(indonesian.contains("Halaman login hotspot") && indonesian.contains("4812 byte · ") && indonesian.contains(">Unduh</a>"))
    }

    @Test func whatsAppSenderKeepsItsStoredTokenMaskedAndNeverShowsATypedOne() {
        typealias Field = AdminWhatsAppView.Field
        let sender = UUID()
        let state = FormState(values: [Field.name: Admin.typed, Field.token: "NEW-TOKEN-456", Field.perMinute: "20", Field.active: "on"])
        let view = AdminWhatsAppSenderView(
            state: state, storedToken: "••••abcd", formPath: Paths.Admin.whatsAppSender(sender), csrfToken: "csrf-ws")
        let html = rendered(AdminWhatsAppSenderPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"whatsapp-sender-heading\">Edit sender</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-ws", current: Paths.Admin.whatsApp))
        #expect(html.contains("action=\"\(Paths.Admin.whatsAppSender(sender))\""))
        #expect(html.contains("Stored: ••••abcd. Leave blank to keep it."))
        #expect(!html.contains("NEW-TOKEN-456"))
        #expect(Admin.fieldKeeps(html, Field.name, Admin.typedAsAttribute))
        #expect(html.contains("name=\"\(Field.active)\" value=\"on\" checked"))
    }
}
