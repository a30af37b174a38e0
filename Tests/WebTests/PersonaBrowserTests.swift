import Foundation
import TestSupport
import Testing

/// The first day of a new ISP in headless Chromium on a 390 px phone: the operator creates the tenant,
/// the ISP's owner brands it and adds a package priced as Indonesians write it, and a buyer pays,
/// switches language on the order page and still reads the codes. Screenshots: `.build/screenshots/persona-*`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct PersonaBrowserTests {
    @Test func anOperatorOpensAStoreItsOwnerSetsItUpAndTheFirstBuyerGetsCodes() throws {
        try GatewayAccountTests.ensureCentralAccount()
        let port = SharedServer.process.port
        let operatorAccount = try HeadOfficeFixtures.headAdmin()
        let slug = TestDatabase.uniqueSlug("pe")
        let owner = (email: "owner-\(UUID().uuidString.prefix(6).lowercased())@isp.test", password: "first-password-1")

        // The operator, on the platform host.
        do {
            let flow = try BrowserFlow("persona-operator", host: HeadOfficeFixtures.platformHost, port: port)
            let browser = flow.browser
            try flow.open("/head-office/login")
            try browser.type(operatorAccount.email, into: "#f-login")
            try browser.type(operatorAccount.password, into: "#f-password")
            try flow.click(".login-form button[type='submit']", thenWaitFor: "/head-office")
            try browser.type(slug, into: "#f-slug")
            try browser.type("Kampung Net", into: "#f-name")
            try browser.type(owner.email, into: "#f-admin_email")
            try browser.type(owner.password, into: "#f-admin_password")
            try flow.step("create-tenant")
            try flow.click("form[action='/head-office/tenants'] button[type='submit']", thenWaitFor: "/head-office/tenants/\(slug)/created")
            let summary = try browser.waitForElement(".summary")
            #expect(summary.contains("http://\(slug).localhost:\(port)/admin"))
            #expect(summary.contains(owner.email))
            try flow.step("tenant-created")
            try flow.expectCleanRun()
        }

        // The ISP's owner, on the new store's host.
        let host = "\(slug).localhost"
        do {
            let flow = try BrowserFlow("persona-owner", host: host, port: port)
            let browser = flow.browser
            try flow.open("/admin/login?lang=en")
            try browser.type(owner.email, into: "#f-login")
            try browser.type(owner.password, into: "#f-password")
            try flow.click(".login-form button[type='submit']", thenWaitFor: "/admin")
            try browser.waitForElement(".dashboard-tiles")
            try flow.open("/admin/branding")
            try browser.replace("#f-display_name", with: "Kampung WiFi")
            try browser.replace("#f-contact_whatsapp", with: "0812-3456-7890")
            try browser.click(".admin-form button[type='submit']:not([formaction])")
            try browser.waitForPage("the saved branding") { $0.path == "/admin/branding" && $0.query == "saved=1" }
            try browser.waitForElement(".form-notice")
            try flow.step("branded")

            try flow.open("/admin/profiles/new")
            try browser.type("Voucher Seminggu", into: "#f-name")
            try browser.type("Rp 25.000", into: "#f-price")
            try browser.type("2 Mbps", into: "#f-download_kbps")
            try flow.click("form.admin-form button[type='submit']", thenWaitFor: "/admin/profiles")
            try browser.waitForElement(".form-notice")
            try flow.step("package-added")
            try flow.expectCleanRun()
        }
        let profile = try #require(
            try TestDatabase.owner.query(
                """
                select p.id, p.price, p.download_kbps, p.radius_group from voucher_profiles p join tenants t on t.id = p.tenant_id
                where t.slug = $1 and p.name = 'Voucher Seminggu'
                """, slug
            ).first)
        #expect(try profile.decode("price", as: Int64.self) == 25_000)
        #expect(profile.decode("download_kbps", as: Int?.self) == 2_000)
        #expect(try profile.decode("radius_group", as: String.self) == "voucher-seminggu")
        let profileID = try profile.decode("id", as: UUID.self).uuidString.lowercased()

        // The first buyer, on a phone.
        let flow = try BrowserFlow("persona-buyer", host: host, port: port)
        let browser = flow.browser
        try flow.open("/?lang=en")
        try flow.click(".card a.button[href='/vouchers/\(profileID)']", thenWaitFor: "/vouchers/\(profileID)")
        try browser.type("0812 3456 7890", into: "#f-phone")
        try browser.click("#f-terms")
        try browser.click(".order-form button[type='submit']")
        try browser.waitForPage("the sandbox checkout") { $0.path.hasPrefix("/sandbox/checkout/EV") }
        let number = try #require(URL(string: try browser.currentURL)?.lastPathComponent)
        try flow.click("button[name='outcome'][value='pay']", thenWaitFor: "/orders/\(number)")
        try browser.waitForElement(".codes code")
        let codes = try flow.texts(".codes code")
        try flow.step("order-paid-en")

        // Right after paying, the other language: the same order, its codes, no 404.
        try flow.click(".site-footer a[hreflang='id']", thenWaitFor: "/orders/\(number)")
        try browser.waitForElement(".codes code")
        #expect(try flow.pageLanguage() == "id")
        #expect(try flow.texts(".codes code") == codes)
        try flow.step("order-paid-id")
        try flow.expectCleanRun()
    }

    @Test func aSubscriberPaysAnInvoiceAndPrintsTheReceiptOnOnePage() throws {
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber()
        let invoice = try shop.invoice(for: subscriber, amount: 150_000)
        let flow = try BrowserFlow("persona-subscriber", host: shop.host)
        let browser = flow.browser
        try flow.open("/portal/login?lang=en")
        try browser.type(subscriber.customerNumber, into: "#f-login")
        try browser.type(subscriber.password, into: "#f-password")
        try flow.click(".login-form button[type='submit']", thenWaitFor: "/portal")
        let detail = "/portal/invoices/\(invoice.number)"
        try flow.click("a[href='\(detail)']", thenWaitFor: detail)
        try flow.click("form.pay button", thenWaitFor: "/sandbox/checkout/\(invoice.reference)")
        try flow.click("button[name='outcome'][value='pay']", thenWaitFor: detail)
        try browser.waitForElement(".badge.paid")
        try flow.click("a[href='/portal/receipts/\(invoice.number)']", thenWaitFor: "/portal/receipts/\(invoice.number)")
        let receipt = try browser.waitForElement(".receipt")
        #expect(receipt.contains("R-\(invoice.number)"), "the receipt has its number")
        #expect(receipt.contains("Sandbox"), "and how it was paid")
        try flow.step("receipt")

        let bytes = try browser.printToPDF()
        let pdf = String(decoding: bytes, as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF"))
        let pages = pdf.matches(of: /\/Type\s*\/Page[^s]/).count
        #expect(pages == 1, "the printed receipt is one A4 page, not \(pages)")
        let printed = try Self.text(ofPDF: bytes, in: flow.folder)
        #expect(printed.contains("R-\(invoice.number)"), "the printed page shows the receipt number: \(printed)")
        #expect(printed.contains("Rp 150.000"), "and the amount")
        try flow.expectCleanRun()
    }

    /// The text a reader of the PDF sees, as poppler's `pdftotext` extracts it: Chromium compresses
    /// its page streams, so the words cannot be searched in the raw bytes.
    static func text(ofPDF pdf: Data, in folder: String) throws -> String {
        let path = folder + "/receipt.pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        let tool = ProcessInfo.processInfo.environment["PDFTOTEXT"] ?? "/usr/bin/pdftotext"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw TestSupportError("\(tool) not found: the receipt test needs `apt-get install poppler-utils` (or set PDFTOTEXT)")
        }
        let run = try ChildProcess.run(tool, ["-layout", path, "-"])
        #expect(run.status == 0, "pdftotext: \(run.output)")
        return run.output
    }
}
