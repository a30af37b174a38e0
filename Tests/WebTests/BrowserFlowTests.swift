import Foundation
import Templates
import TestSupport
import Testing

/// The flows people use, in headless Chromium at a phone's viewport (390×844) against the real server
/// and database, each on a fresh tenant: buying a voucher, paying an invoice in the portal, rebranding
/// in the admin, switching language. Every flow must end with no console error, no CSP violation and
/// no page wider than the phone. Screenshots: `.build/screenshots/<flow>/`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct BrowserFlowTests {
    @Test func aBuyerPaysInTheSandboxAndReadsCodesThatRADIUSAccepts() throws {
        let shop = try Shop.open(name: Self.storeName)
        let profile = try shop.addProfile(name: "Browser day", price: 5_000).uuidString.lowercased()
        try shop.addProfile(name: "Browser week", price: 25_000, validityMinutes: 7 * 1_440, quotaMB: 20_480)
        let flow = try BrowserFlow("voucher-purchase", host: shop.host)
        let browser = flow.browser
        try flow.open("/")
        try browser.waitForElement(".cards .card")
        try flow.step("home")

        try flow.click(".card a.button[href='/vouchers/\(profile)']", thenWaitFor: "/vouchers/\(profile)")
        try flow.step("voucher")
        try browser.type("0812 3456 7890", into: "#f-phone")
        try browser.type("Budi Browser", into: "#f-name")
        try browser.click("#f-quantity option[value='2']")
        try browser.click("#f-terms")
        try flow.step("order-form-filled")

        try browser.click(".order-form button[type='submit']")
        try browser.waitForPage("the sandbox checkout") { $0.path.hasPrefix("/sandbox/checkout/EV") }
        let number = try #require(URL(string: try browser.currentURL)?.lastPathComponent)
        #expect(try browser.waitForElement(".sandbox .price") == "Rp 10.000")
        try flow.step("sandbox-checkout")

        try flow.click("button[name='outcome'][value='pay']", thenWaitFor: "/orders/\(number)")
        try browser.waitForElement(".codes code")
        try flow.step("order-paid")

        let codes = try flow.texts(".codes code")
        #expect(codes.count == 2)
        let radius = try TestDatabase.owner.query(
            """
            select username from radcheck
            where tenant_id = $1 and attribute = 'Cleartext-Password' and username = value and username = any($2::text[])
            """, shop.tenantID, codes
        ).map { try $0.decode("username", as: String.self) }
        #expect(Set(radius) == Set(codes), "every code on the page can log in to the hotspot")
        #expect(try shop.orderRow(number: number).decode("status", as: String.self) == "paid")
        try flow.expectCleanRun()
    }

    @Test func aSubscriberPaysAnInvoiceInThePortalAndSeesItPaidWithItsReceipt() throws {
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber()
        let invoice = try shop.invoice(for: subscriber, amount: 150_000)
        try Self.rename(shop.tenantID)
        let flow = try BrowserFlow("portal-invoice", host: shop.host)
        let browser = flow.browser
        try flow.open("/portal/login")
        try browser.type(subscriber.customerNumber, into: "#f-login")
        try browser.type(subscriber.password, into: "#f-password")
        try flow.step("portal-login")
        try flow.click(".login-form button[type='submit']", thenWaitFor: "/portal")
        try flow.step("portal-dashboard")

        let detail = "/portal/invoices/\(invoice.number)"
        try flow.click("a[href='\(detail)']", thenWaitFor: detail)
        try flow.step("invoice-unpaid")
        try flow.click("form.pay button", thenWaitFor: "/sandbox/checkout/\(invoice.reference)")
        #expect(try browser.waitForElement(".sandbox .price") == "Rp 150.000")
        try flow.step("sandbox-checkout")

        try flow.click("button[name='outcome'][value='pay']", thenWaitFor: detail)
        try browser.waitForElement(".badge.paid")
        #expect(try flow.texts("form.pay").isEmpty, "a paid invoice offers no pay button")
        try flow.step("invoice-paid")
        #expect(try invoice.status() == "paid")
        #expect(try invoice.paymentCount() == 1)

        try flow.click("a[href='/portal/receipts/\(invoice.number)']", thenWaitFor: "/portal/receipts/\(invoice.number)")
        let receipt = try browser.waitForElement(".receipt")
        #expect(receipt.contains(invoice.number))
        #expect(receipt.contains("Rp 150.000"))
        try flow.step("receipt")
        try flow.expectCleanRun()
    }

    @Test func anAdminChangesThePrimaryColourAndTheStoreIsDrawnInIt() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try Self.rename(admin.tenantID)
        let flow = try BrowserFlow("admin-branding", host: admin.host)
        let browser = flow.browser
        // #123456, the fixture's colour, before the change.
        try flow.open("/")
        #expect(try flow.computedStyle(".site-header", "backgroundColor") == "rgb(18, 52, 86)")

        try flow.open("/admin/login")
        try browser.type(admin.email, into: "#f-login")
        try browser.type(admin.password, into: "#f-password")
        try flow.click(".login-form button[type='submit']", thenWaitFor: "/admin")
        try flow.open("/admin/branding")
        try flow.step("admin-branding")
        try browser.replace("#f-primary_color", with: "#0b6e4f")
        try browser.click(".admin-form button[type='submit']:not([formaction])")
        try browser.waitForPage("the saved branding") { $0.path == "/admin/branding" && $0.query == "saved=1" }
        try browser.waitForElement(".form-notice")
        try flow.step("admin-branding-saved")
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).primary == "#0b6e4f")

        // The store learns of the change through NOTIFY; reload until it does, within the wait's patience.
        try flow.open("/")
        try browser.wait(for: "the store in the new colour") {
            if try flow.computedStyle(".site-header", "backgroundColor") == "rgb(11, 110, 79)" { return true }
            try flow.open("/")
            return false
        }
        #expect(try flow.computedStyle(".hero .button.secondary", "borderTopColor") == "rgb(11, 110, 79)")
        try flow.step("store-rebranded")
        try flow.expectCleanRun()
    }

    @Test func theLanguageSwitchChangesTheTextAndStaysChosenOnOtherPages() throws {
        let tenant = try TestDatabase.createTenant(name: Self.storeName, branding: .init(displayName: Self.storeName, locale: "id"))
        let flow = try BrowserFlow("language-switch", host: "\(tenant.slug).localhost")
        let browser = flow.browser
        try flow.open("/")
        let first = try #require(Language(rawValue: try flow.pageLanguage() ?? ""))
        let other: Language = first == .id ? .en : .id
        #expect(try browser.text(of: "#catalogue-heading") == first.strings.catalogueHeading)
        try flow.step("home-\(first.rawValue)")

        try switchLanguage(flow, to: other)
        #expect(try browser.text(of: "#catalogue-heading") == other.strings.catalogueHeading)
        try flow.step("home-\(other.rawValue)")

        // Plain links, without `?lang=`: the choice is remembered.
        try flow.click(".site-footer a[href='/pages/faq']", thenWaitFor: "/pages/faq")
        #expect(try flow.pageLanguage() == other.rawValue)
        try flow.step("faq-\(other.rawValue)")
        try flow.open("/portal/login")
        #expect(try flow.pageLanguage() == other.rawValue)
        #expect(try browser.text(of: "#login-heading") == other.strings.portalLoginTitle)
        try flow.step("portal-login-\(other.rawValue)")

        try switchLanguage(flow, to: first)
        #expect(try browser.text(of: "#login-heading") == first.strings.portalLoginTitle)
        try flow.click("a.brand", thenWaitFor: "/")
        #expect(try flow.pageLanguage() == first.rawValue)
        #expect(try browser.text(of: "#catalogue-heading") == first.strings.catalogueHeading)
        try flow.step("home-\(first.rawValue)-again")
        try flow.expectCleanRun()
    }

    /// The clean-run checks themselves: a script the policy refuses must show up in both of them.
    @Test func theChecksSeeAnInlineScriptThePolicyRefuses() throws {
        let tenant = try TestDatabase.createTenant(name: "Policy ISP")
        let flow = try BrowserFlow("csp-self-check", host: "\(tenant.slug).localhost")
        let browser = flow.browser
        try flow.open("/")
        _ = try browser.run(
            "var s = document.createElement('script'); s.textContent = 'window.ranInline = true;'; document.head.appendChild(s);")
        var errors: [WebDriverBrowser.LogEntry] = []
        try browser.wait(for: "the refused script to be reported") {
            errors += try browser.consoleErrors()
            let violations = try browser.cspViolations()
            return !errors.isEmpty && !violations.isEmpty
        }
        #expect(try browser.run("return window.ranInline === true;") as? Bool == false)
        #expect(try browser.cspViolations().first?.hasPrefix("script-src") == true)
        #expect(errors.contains { $0.message.contains("Content Security Policy") })
    }

    /// A shop's name as a reader of the screenshots would expect one; tenants are told apart by slug.
    static let storeName = "Kampung WiFi"

    static func rename(_ tenantID: UUID) throws {
        try TestDatabase.owner.query("update tenant_branding set display_name = $2 where tenant_id = $1", tenantID, storeName)
    }

    private func switchLanguage(_ flow: BrowserFlow, to language: Language) throws {
        try flow.browser.click(".site-footer a[hreflang='\(language.rawValue)']")
        try flow.browser.wait(for: "the page in \(language.rawValue)") {
            let loaded = try flow.browser.run("return document.readyState;") as? String == "complete"
            return try loaded && flow.pageLanguage() == language.rawValue
        }
    }
}
