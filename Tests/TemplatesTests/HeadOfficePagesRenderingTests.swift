import Testing

@testable import Templates

/// Head office's pages and the platform's own home, rendered from view models built as the head-office
/// controllers build them: what the platform's staff see.
@Suite struct HeadOfficePagesRenderingTests {
    private typealias TenantField = HeadOfficeTenantsView.Field

    private func chrome(_ language: Language = .en) -> SiteChrome { PageRendering.chrome(language) }

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private static let hostile = "<script>alert(1)</script> & \"ISP\""

    private func tenant(
        _ slug: String, name: String = "Alpha Net", isActive: Bool = true, domains: [HeadOfficeTenantsView.Domain] = []
    ) -> HeadOfficeTenantsView.Tenant {
        var tenant = HeadOfficeTenantsView.Tenant(
            slug: slug, name: name, tier: "professional", isActive: isActive, domains: domains,
            figures: .init(orders: 42, paidOrders: 37, paidAmount: 1_250_000, pageViews: 1_905),
            storeURL: "http://\(slug).gerbang.test:8080/")
        tenant.routers = 3
        tenant.online = 17
        return tenant
    }

    private func tenants(_ listed: [HeadOfficeTenantsView.Tenant], state: FormState = FormState(), done: TenantActionDone? = nil)
        -> HeadOfficeTenantsView
    {
        HeadOfficeTenantsView(
            period: "2026-12", tenants: listed, tiers: ["starter", "professional", "enterprise"], baseDomain: "gerbang.test",
            state: state, csrfToken: "csrf-h", deleted: [(slug: "gamma", name: "Gamma <Wifi>")], done: done)
    }

    /// Every head-office page starts with the same links and a sign-out that posts.
    private func expectNavigation(_ html: String) {
        for path in [
            Paths.HeadOffice.home, Paths.HeadOffice.domains, Paths.HeadOffice.gateways, Paths.HeadOffice.finance,
            Paths.HeadOffice.accounts, Paths.HeadOffice.audit,
        ] {
            #expect(html.contains("href=\"\(path)\""), "navigation lost \(path)")
        }
        #expect(html.contains("action=\"\(Paths.HeadOffice.logout)\""))
        #expect(html.contains("name=\"_csrf\" value=\"csrf-h\""))
    }

    // MARK: Tenants

    @Test func tenantListShowsEachTenantsFiguresAndActions() {
        let domains = [
            HeadOfficeTenantsView.Domain(name: "wifi.alpha.id", isApproved: true),
            HeadOfficeTenantsView.Domain(name: "pay.alpha.id", isApproved: false),
        ]
        let view = tenants([tenant("alpha", name: Self.hostile, domains: domains), tenant("beta", isActive: false)])
        let html = rendered(HeadOfficeTenantsPage(chrome: chrome(), view: view))
        expectNavigation(html)
        #expect(PageRendering.repeatedIDs(in: html).isEmpty)
        #expect(html.contains("<h1 id=\"tenants-heading\">Tenants</h1>"))
        #expect(html.contains("Tenants and their figures for 2026-12 (UTC)"))
        #expect(html.contains("<strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"ISP\"</strong>"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("<a href=\"http://alpha.gerbang.test:8080/\">alpha.gerbang.test</a>"))
        #expect(html.contains("wifi.alpha.id<br>pay.alpha.id (Waiting for approval)"))
        #expect(html.contains("Professional") && html.contains(">42<") && html.contains(">37<") && html.contains(">1905<"))
        #expect(html.contains("Rp 1.250.000"))
        #expect(html.contains(">3<") && html.contains(">17<"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.deactivateTenant)\""))
        #expect(html.contains("<tr class=\"inactive\">") && html.contains("Inactive"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.activateTenant)\""))
        #expect(html.contains("href=\"\(Paths.HeadOffice.confirmDelete("beta"))\""))
        #expect(html.contains("Gamma &lt;Wifi&gt; (gamma)"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.restoreTenant)\""))
        #expect(!html.contains("No tenants yet."))
    }

    @Test func refusedNewTenantKeepsWhatWasTypedButNeverThePassword() {
        let strings = Language.en.headOfficeStrings
        let state = FormState(
            values: [
                TenantField.slug: "Bad Slug", TenantField.name: Self.hostile, TenantField.tier: "enterprise",
                TenantField.adminEmail: "owner@isp.id", TenantField.adminPassword: "short-pass",
            ],
            errors: [TenantField.slug: strings.errorSlugCharacters, TenantField.adminPassword: strings.errorAdminPasswordShort])
        let html = rendered(HeadOfficeTenantsPage(chrome: chrome(), view: tenants([], state: state)))
        #expect(html.contains("No tenants yet."))
        #expect(html.contains("action=\"\(Paths.HeadOffice.tenants)\""))
        #expect(html.contains("Please correct the marked fields below."))
        #expect(html.contains("value=\"Bad Slug\"") && html.contains("Use only lower-case letters a–z, digits and hyphens."))
        #expect(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ISP&quot;\""))
        #expect(html.contains("<option value=\"enterprise\" selected"))
        #expect(html.contains("value=\"owner@isp.id\""))
        #expect(html.contains("A password has 10 to 200 characters."))
        #expect(!html.contains("short-pass"))
        #expect(html.contains("the store will be at slug.gerbang.test."))
    }

    @Test func tenantListSaysWhatWasJustDoneInIndonesian() {
        let html = rendered(HeadOfficeTenantsPage(chrome: chrome(.id), view: tenants([], done: .deleted)))
        #expect(html.contains("Tenant dihapus; tokonya offline. Anda bisa memulihkannya di bawah."))
        #expect(html.contains("Belum ada tenant.") && html.contains("Persetujuan domain"))
        #expect(!html.contains("No tenants yet."))
    }

    @Test func createdTenantPageGivesTheAddressesAndAHandoverMessage() {
        let view = HeadOfficeTenantCreatedView(
            name: Self.hostile, storeURL: "http://alpha.gerbang.test:8080/", adminURL: "http://alpha.gerbang.test:8080/admin",
            adminEmail: "owner@isp.id", csrfToken: "csrf-h")
        let html = rendered(HeadOfficeTenantCreatedPage(chrome: chrome(), view: view))
        expectNavigation(html)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"ISP\" is ready</h1>"))
        #expect(html.contains("was created. Its store is live now."))
        #expect(html.contains("<a href=\"http://alpha.gerbang.test:8080/admin\">http://alpha.gerbang.test:8080/admin</a>"))
        #expect(html.contains("<dd>owner@isp.id</dd>"))
        #expect(html.contains("readonly"))
        #expect(html.contains("Your Gerbang store for &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("href=\"\(Paths.HeadOffice.home)\"") && html.contains("Back to the tenants"))
        let indonesian = rendered(HeadOfficeTenantCreatedPage(chrome: chrome(.id), view: view))
        #expect(indonesian.contains("siap dipakai</h1>") && indonesian.contains("Alamat toko"))
        #expect(indonesian.contains("Kembali ke daftar tenant") && !indonesian.contains("Back to the tenants"))
    }

    @Test func deleteConfirmationAsksForTheSlugAndShowsAWrongOne() {
        let words = Language.en.tenantLifecycleStrings
        let state = FormState(values: [HeadOfficeDeleteTenantView.Field.confirm: "alhpa\"<"], errors: ["confirm": words.errorConfirm])
        let view = HeadOfficeDeleteTenantView(
            name: "Alpha Net", slug: "alpha", storeURL: "http://alpha.gerbang.test:8080/", state: state, csrfToken: "csrf-h")
        let html = rendered(HeadOfficeDeleteTenantPage(chrome: chrome(), view: view))
        expectNavigation(html)
        #expect(html.contains("<h1 id=\"delete-heading\">Delete Alpha Net?</h1>"))
        #expect(html.contains("The store at http://alpha.gerbang.test:8080/, its admin and its hotspot pages go offline at once."))
        #expect(html.contains("Type the slug, alpha, to confirm"))
        #expect(html.contains("value=\"alhpa&quot;&lt;\""))
        #expect(html.contains("Type the tenant's slug exactly as shown to confirm."))
        #expect(html.contains("action=\"\(Paths.HeadOffice.deleteTenant)\""))
        #expect(html.contains("name=\"slug\" value=\"alpha\""))
        let indonesian = rendered(HeadOfficeDeleteTenantPage(chrome: chrome(.id), view: view))
        #expect(indonesian.contains("Hapus Alpha Net?") && indonesian.contains("Ketik slug, alpha, untuk konfirmasi"))
    }

    // MARK: Domains and gateways

    @Test func pendingDomainsEachHaveApproveAndReject() {
        let pending = [
            HeadOfficeDomainsView.Pending(
                domain: "wifi.alpha.id", tenantName: Self.hostile, tenantSlug: "alpha", requested: "23 November 2026 19:05 WIB")
        ]
        let html = rendered(HeadOfficeDomainsPage(chrome: chrome(), view: HeadOfficeDomainsView(pending: pending, csrfToken: "csrf-h")))
        expectNavigation(html)
        #expect(html.contains("<th scope=\"row\">wifi.alpha.id</th>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"ISP\" (alpha)"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("23 November 2026 19:05 WIB"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.approveDomain)\""))
        #expect(html.contains("formaction=\"\(Paths.HeadOffice.rejectDomain)\""))
        #expect(html.contains("name=\"domain\" value=\"wifi.alpha.id\""))
        #expect(!html.contains("No domain is waiting for approval."))
    }

    @Test func noPendingDomainSaysSoAfterADecisionInBothLanguages() {
        let view = HeadOfficeDomainsView(pending: [], csrfToken: "csrf-h", saved: true)
        let english = rendered(HeadOfficeDomainsPage(chrome: chrome(), view: view))
        let indonesian = rendered(HeadOfficeDomainsPage(chrome: chrome(.id), view: view))
        #expect(english.contains("No domain is waiting for approval.") && english.contains("Changes saved."))
        #expect(indonesian.contains("Tidak ada domain yang menunggu persetujuan.") && indonesian.contains("Perubahan tersimpan."))
        #expect(!english.contains("<table"))
    }

    @Test func gatewaysShowKeysOnlyMaskedAndNeverWriteOneBack() {
        let errors = FormState(
            values: ["key_server_key": "SB-Mid-server-typed", "is_sandbox": "on", "is_active": "on"],
            errors: ["key_server_key": Language.en.headOfficeStrings.errorKeysMissing])
        let gateways = [
            HeadOfficeGatewaysView.Gateway(
                provider: "midtrans", keys: [.init(name: "server_key", masked: "••••cdef")], isStored: true, isSandbox: true,
                isActive: false, state: errors),
            HeadOfficeGatewaysView.Gateway(
                provider: "xendit", keys: [.init(name: "secret_key", masked: nil), .init(name: "callback_token", masked: nil)],
                isStored: false, isSandbox: true, isActive: false, state: FormState(values: ["is_sandbox": "on"])),
        ]
        let html = rendered(HeadOfficeGatewaysPage(chrome: chrome(), view: HeadOfficeGatewaysView(gateways: gateways, csrfToken: "csrf-h")))
        expectNavigation(html)
        #expect(html.contains("Midtrans <span class=\"badge\">Sandbox</span>"))
        #expect(html.contains("Now ••••cdef. Leave blank to keep it."))
        #expect(html.contains("Fill in every key before activating this gateway."))
        #expect(!html.contains("SB-Mid-server-typed"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.gateway("midtrans"))\""))
        #expect(html.contains("action=\"\(Paths.HeadOffice.gateway("xendit"))\""))
        #expect(html.contains("Secret key") && html.contains("Callback token") && html.contains("Not set yet."))
        #expect(!html.contains("Xendit <span"))
        let indonesian = rendered(
            HeadOfficeGatewaysPage(chrome: chrome(.id), view: HeadOfficeGatewaysView(gateways: gateways, csrfToken: "csrf-h")))
        #expect(indonesian.contains("Sekarang ••••cdef. Kosongkan untuk tetap memakainya."))
        #expect(indonesian.contains("Mode sandbox (hanya pembayaran uji)") && indonesian.contains(">Simpan</button>"))
        // Each form's labels tick its own boxes, not the first form's.
        #expect(PageRendering.repeatedIDs(in: html).isEmpty)
        for provider in ["midtrans", "xendit"] {
            for field in ["is_sandbox", "is_active"] {
                #expect(html.contains("id=\"f-\(provider)-\(field)\" name=\"\(field)\""))
                #expect(html.contains("<label for=\"f-\(provider)-\(field)\">"))
            }
        }
    }

    // MARK: Accounts

    @Test func accountsListEveryoneButOffersNoWayToRemoveYourself() {
        let accounts = [
            HeadOfficeAccountsView.Account(email: "me@gerbang.id", isYou: true),
            HeadOfficeAccountsView.Account(email: "other\"<x>@gerbang.id", isYou: false),
        ]
        let added = FormState(
            values: ["email": "new@gerbang.id", "password": "typed-secret"],
            errors: ["password": Language.en.strings.errorPasswordMissing])
        let view = HeadOfficeAccountsView(
            accounts: accounts, addState: added, notice: Language.en.strings.passwordChanged, csrfToken: "csrf-h")
        let html = rendered(HeadOfficeAccountsPage(chrome: chrome(), view: view))
        expectNavigation(html)
        #expect(PageRendering.repeatedIDs(in: html).isEmpty)
        #expect(html.contains("<th scope=\"row\">me@gerbang.id (you)</th>"))
        #expect(html.contains("<th scope=\"row\">other\"&lt;x&gt;@gerbang.id</th>"))
        #expect(html.contains("name=\"email\" value=\"other&quot;&lt;x&gt;@gerbang.id\""))
        #expect(!html.contains("value=\"me@gerbang.id\""))
        #expect(html.contains("action=\"\(Paths.HeadOffice.removeAccount)\""))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">Your password has been changed.</p>"))
        #expect(html.contains("value=\"new@gerbang.id\"") && !html.contains("typed-secret"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.accountPassword)\""))
    }

    @Test func refusedRemovalIsAnAlertNotNewsInBothLanguages() {
        for language in Language.allCases {
            let refusal = language.headOfficeStrings.errorCannotRemoveYourself
            let view = HeadOfficeAccountsView(
                accounts: [.init(email: "me@gerbang.id", isYou: true)], failure: refusal, csrfToken: "csrf-h")
            let html = rendered(HeadOfficeAccountsPage(chrome: chrome(language), view: view))
            #expect(html.contains("<p class=\"form-alert\" role=\"alert\">\(refusal)</p>"))
            #expect(!html.contains("form-notice"))
        }
        #expect(Language.id.headOfficeStrings.errorCannotRemoveYourself != Language.en.headOfficeStrings.errorCannotRemoveYourself)
    }

    // MARK: Finance, sign-in and the platform's home

    @Test func financeShowsEachStoreAndThePlatformTotalForTheMonth() {
        let view = HeadOfficeFinanceView(
            channels: ["online", "cash"], month: "2026-11", monthName: "November 2026",
            previousPath: Paths.HeadOffice.finance(month: "2026-10"), nextPath: Paths.HeadOffice.finance(month: "2026-12"),
            tenants: [
                .init(slug: "alpha", name: Self.hostile, income: 1_500_000, expenses: 400_000, channels: [1_000_000, 500_000]),
                .init(slug: "beta", name: "Beta Wifi", income: 250_000, expenses: 300_000, channels: [250_000, 0]),
            ],
            platform: .init(slug: "", name: "", income: 1_750_000, expenses: 700_000, channels: [1_250_000, 500_000]),
            csrfToken: "csrf-h")
        let html = rendered(HeadOfficeFinancePage(chrome: chrome(), view: view))
        expectNavigation(html)
        #expect(html.contains("<h1 id=\"finance-heading\">Finance · November 2026</h1>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"ISP\" (alpha)"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("Online gateway") && html.contains("Cash"))
        #expect(html.contains("Rp 1.100.000"))
        #expect(html.contains("-Rp 50.000"))
        #expect(html.contains("<strong>Platform total</strong>"))
        #expect(html.contains("Rp 1.750.000") && html.contains("Rp 700.000") && html.contains("Rp 1.050.000"))
        #expect(html.contains("href=\"\(Paths.HeadOffice.finance(month: "2026-10"))\""))
        #expect(html.contains("href=\"\(Paths.HeadOffice.finance(month: "2026-12"))\""))
        #expect(html.contains("value=\"2026-11\""))
        let indonesian = rendered(HeadOfficeFinancePage(chrome: chrome(.id), view: view))
        #expect(indonesian.contains("Total platform") && indonesian.contains("Pemasukan") && indonesian.contains("Toko"))
    }

    @Test func financeOfAPlatformWithoutStoresSaysNoMoneyMoved() {
        let view = HeadOfficeFinanceView(
            channels: ["online"], month: "2026-11", monthName: "November 2026", previousPath: Paths.HeadOffice.finance,
            nextPath: Paths.HeadOffice.finance, tenants: [], platform: .init(slug: "", name: "", income: 0, expenses: 0, channels: [0]),
            csrfToken: "csrf-h")
        let html = rendered(HeadOfficeFinancePage(chrome: chrome(), view: view))
        #expect(html.contains("No money moved this month."))
        #expect(!html.contains("<table"))
    }

    @Test func headOfficeLoginKeepsTheEmailAndShowsTheFailureInBothLanguages() {
        let view = PortalLoginView(
            state: FormState(values: [PortalLoginView.Field.login: "staff\"<x>@gerbang.id"]), csrfToken: "tok",
            failure: Language.en.headOfficeStrings.loginFailed)
        let html = rendered(HeadOfficeLoginPage(chrome: chrome(), view: view))
        #expect(html.contains("Head office sign-in"))
        #expect(html.contains("action=\"\(Paths.HeadOffice.login)\""))
        #expect(html.contains("value=\"staff&quot;&lt;x&gt;@gerbang.id\""))
        #expect(html.contains("type=\"email\""))
        #expect(html.contains("Wrong email or password."))
        let indonesian = rendered(HeadOfficeLoginPage(chrome: chrome(.id), view: PortalLoginView(csrfToken: "tok")))
        #expect(indonesian.contains("Masuk kantor pusat") && !indonesian.contains("form-alert"))
    }

    @Test func platformHomeSaysWhatGerbangIsAndListsNoTenant() {
        let html = rendered(PlatformHomePage(chrome: chrome()))
        #expect(html.contains("<h1>Net &amp; Co</h1>"))
        #expect(html.contains("Voucher store and customer portal for ISPs"))
        #expect(html.contains("<li>Customer portal: invoices, payments and receipts</li>"))
        let indonesian = rendered(PlatformHomePage(chrome: chrome(.id)))
        #expect(indonesian.contains("Toko voucher dan portal pelanggan untuk ISP"))
        #expect(!indonesian.contains("Voucher store and customer portal for ISPs"))
    }
}
