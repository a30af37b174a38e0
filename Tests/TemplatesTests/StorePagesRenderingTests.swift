import Foundation
import Testing

@testable import Templates

/// The store's pages rendered straight from a view model built as `StorefrontController` and
/// `OrderController` build it: what a buyer sees, no server and no database.
@Suite struct StorePagesRenderingTests {
    private func chrome(_ language: Language = .en) -> SiteChrome { PageRendering.chrome(language) }

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private static let hostile = "<script>alert(1)</script> & \"x\""
    private static let profileID = UUID(uuidString: "0F5C7A52-8E0B-4C4B-9A57-6D1B2F3A4C5D")!
    private static let number = "EV2611ABCD1234"
    private static let token = String(repeating: "ab", count: 32)
    /// 23 November 2026, 12:05 UTC: 19:05 in Jakarta.
    private static let expiry = Date(timeIntervalSince1970: 1_795_435_500)

    private func package(_ strings: Strings, name: String = "Harian 1 Hari") -> HomeView.Package {
        HomeView.Package(
            name: name, price: Rupiah.format(150_000),
            details: [strings.validityDays(1), strings.quotaUnlimited, strings.speedUpTo("10 Mbps")],
            href: Paths.voucher(Self.profileID))
    }

    private func form(_ state: FormState = FormState()) -> OrderFormView {
        OrderFormView(
            profileID: Self.profileID.uuidString.lowercased(), csrfToken: "csrf-42", idempotencyKey: "idem-7",
            maximumQuantity: 5, state: state)
    }

    private func summary(_ strings: Strings, language: Language = .en) -> [SummaryLine] {
        let dates = DateText(timeZoneIdentifier: "Asia/Jakarta", language: language)
        return [
            SummaryLine(label: strings.labelOrderNumber, value: Self.number),
            SummaryLine(label: strings.labelPackage, value: "Harian 1 Hari"),
            SummaryLine(label: strings.labelQuantity, value: "2"),
            SummaryLine(label: strings.labelTotal, value: Rupiah.format(300_000)),
            SummaryLine(label: strings.labelPayBefore, value: dates.dayAndTime(Self.expiry)),
        ]
    }

    private func status(_ state: OrderStatusView.State, language: Language = .en) -> OrderStatusView {
        OrderStatusView(
            number: Self.number, packageName: "Harian 1 Hari", summary: summary(language.strings, language: language),
            state: state, refreshURL: Paths.order(Self.number, token: Self.token))
    }

    // MARK: Home

    @Test func homeListsEachPackageWithItsPriceAndLink() {
        var chrome = chrome()
        chrome.tagline = "Fast <i>wifi</i> & cheap"
        let html = rendered(HomePage(chrome: chrome, view: HomeView(packages: [package(chrome.strings, name: Self.hostile)])))
        #expect(html.contains("<h1>Net &amp; Co</h1>"))
        #expect(html.contains("<p>Fast &lt;i&gt;wifi&lt;/i&gt; &amp; cheap</p>"))
        #expect(html.contains("Voucher packages"))
        #expect(html.contains("Rp 150.000"))
        #expect(html.contains("1 day") && html.contains("Unlimited quota") && html.contains("Up to 10 Mbps"))
        #expect(html.contains("href=\"\(Paths.voucher(Self.profileID))\""))
        #expect(html.contains("href=\"\(Paths.Portal.home)\""))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\""))
        #expect(!html.contains("No voucher packages are on sale yet"))
    }

    @Test func homeWithoutPackagesSaysSoInBothLanguages() {
        let english = rendered(HomePage(chrome: chrome(), view: HomeView(packages: [])))
        let indonesian = rendered(HomePage(chrome: chrome(.id), view: HomeView(packages: [])))
        #expect(english.contains("No voucher packages are on sale yet. Please contact us."))
        #expect(indonesian.contains("Belum ada paket voucher yang dijual. Silakan hubungi kami."))
        #expect(indonesian.contains("Paket voucher") && indonesian.contains("lang=\"id\""))
        #expect(!english.contains("class=\"cards\"") && !indonesian.contains("class=\"cards\""))
    }

    // MARK: Voucher page

    @Test func voucherPageShowsThePackageAndAnEmptyOrderForm() {
        let chrome = chrome()
        let view = VoucherView(
            name: "Harian 1 Hari", description: "Fast & fair", price: Rupiah.format(5_000),
            details: [chrome.strings.validityDays(1)], form: form())
        let html = rendered(VoucherPage(chrome: chrome, view: view))
        #expect(html.contains("<h1>Harian 1 Hari</h1>"))
        #expect(html.contains("Rp 5.000") && html.contains("per voucher"))
        #expect(html.contains("Fast &amp; fair"))
        #expect(html.contains("Order this package"))
        #expect(html.contains("action=\"\(Paths.orders)\""))
        #expect(html.contains("name=\"_csrf\" value=\"csrf-42\""))
        #expect(html.contains("name=\"idempotency_key\" value=\"idem-7\""))
        #expect(html.contains("value=\"\(Self.profileID.uuidString.lowercased())\""))
        #expect(html.contains("href=\"\(Paths.page("terms"))\""))
        #expect(html.contains("We send the voucher codes to this number."))
        #expect(!html.contains("form-alert"))
        #expect(html.contains("<option value=\"5\""))
        #expect(!html.contains("<option value=\"6\""))
    }

    @Test func voucherPageKeepsWhatWasTypedEscapedAndShowsEachProblem() {
        let strings = chrome().strings
        let state = FormState(
            values: [
                OrderFormView.Field.phone: "0812<b>", OrderFormView.Field.name: Self.hostile,
                OrderFormView.Field.quantity: "3",
            ],
            errors: [
                OrderFormView.Field.phone: strings.errorPhoneCharacters,
                OrderFormView.Field.terms: strings.errorTermsRequired,
            ])
        let view = VoucherView(name: "Harian", description: "", price: Rupiah.format(5_000), details: [], form: form(state))
        let html = rendered(VoucherPage(chrome: chrome(), view: view))
        #expect(html.contains("<title>Please correct the marked fields below. Harian · Net &amp; Co</title>"))
        #expect(html.contains("A WhatsApp number may only contain digits, spaces, dashes and a leading +."))
        #expect(html.contains("Tick this box to accept the terms and conditions."))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("value=\"0812&lt;b&gt;\""))
        #expect(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;\""))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("<option value=\"3\" selected"))
        #expect(PageRendering.repeatedIDs(in: html).isEmpty)
    }

    @Test func voucherPageWithoutWhatsAppPromisesTheOrderPageInstead() {
        var chrome = chrome(.id)
        chrome.sendsWhatsApp = false
        let view = VoucherView(name: "Harian", description: "", price: Rupiah.format(5_000), details: [], form: form())
        let html = rendered(VoucherPage(chrome: chrome, view: view))
        #expect(html.contains("Pesan voucher ini"))
        #expect(html.contains(Language.id.strings.fieldPhoneHintNoWhatsApp))
        #expect(!html.contains(Language.id.strings.fieldPhoneHint))
    }

    // MARK: Order status

    @Test func pendingOrderShowsTotalDeadlineAndRefreshesItself() {
        let checkout = "https://app.sandbox.midtrans.com/snap/v4/redirection/abc?x=1&y=2"
        let html = rendered(OrderStatusPage(chrome: chrome(), view: status(.pending(checkoutURL: checkout))))
        #expect(html.contains("<h1>Order \(Self.number)</h1>"))
        #expect(html.contains("Waiting for your payment"))
        #expect(html.contains("Rp 300.000"))
        #expect(html.contains("23 November 2026 19:05 WIB"))
        #expect(html.contains("href=\"https://app.sandbox.midtrans.com/snap/v4/redirection/abc?x=1&amp;y=2\""))
        // In the head, the only place a refresh may stand.
        let head = html.split(separator: "</head>").first.map(String.init) ?? ""
        #expect(head.contains("<meta http-equiv=\"refresh\" content=\"5; url=\(Paths.order(Self.number, token: Self.token))\">"))
    }

    @Test func paidOrderShowsItsCodesAndTheHotspotLoginWithoutRefreshing() {
        var view = status(.paid(codes: ["K7M2Q9", "P3X8W4"], hotspotLoginURL: "http://hotspot.net.id/login"))
        view.codeStates = ["K7M2Q9": "In use · 3 hours left"]
        let html = rendered(OrderStatusPage(chrome: chrome(), view: view))
        #expect(html.contains("Payment received. Here are your voucher codes:"))
        #expect(html.contains("<code>K7M2Q9</code> <span class=\"code-state\">In use · 3 hours left</span>"))
        #expect(html.contains("<code>P3X8W4</code></li>"))
        #expect(html.contains("href=\"http://hotspot.net.id/login\""))
        #expect(html.contains("Keep this page's link"))
        #expect(!html.contains("http-equiv=\"refresh\""))
    }

    @Test func paidOrderWithoutCodesYetWaitsAndAnUnsafeLoginAddressIsNotLinked() {
        let html = rendered(
            OrderStatusPage(chrome: chrome(.id), view: status(.paid(codes: [], hotspotLoginURL: "javascript:alert(1)"), language: .id))
        )
        #expect(html.contains("<h1>Pesanan \(Self.number)</h1>"))
        #expect(html.contains("Kode voucher sedang disiapkan."))
        #expect(html.contains("23 November 2026 19:05 WIB"))
        #expect(html.contains("http-equiv=\"refresh\""))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("href=\"about:blank\""))
    }

    @Test func expiredOrderOffersTheSameFormAgainPrefilled() {
        let prefilled = FormState(values: [OrderFormView.Field.phone: "081234567890", OrderFormView.Field.quantity: "2"])
        let html = rendered(OrderStatusPage(chrome: chrome(), view: status(.closed(.expired, payAgain: form(prefilled)))))
        #expect(html.contains("Payment time is over"))
        #expect(html.contains("Order again"))
        #expect(html.contains("value=\"081234567890\""))
        #expect(html.contains("<option value=\"2\" selected"))
        #expect(html.contains("action=\"\(Paths.orders)\""))
        #expect(!html.contains("http-equiv=\"refresh\""))
        #expect(!html.contains("This package is no longer on sale"))
    }

    @Test func failedOrCancelledOrderOfAPackageNoLongerSoldSendsBackToTheCatalogue() {
        let failed = rendered(OrderStatusPage(chrome: chrome(), view: status(.closed(.failed, payAgain: nil))))
        #expect(failed.contains("Payment failed"))
        #expect(failed.contains("This package is no longer on sale."))
        #expect(failed.contains("href=\"\(Paths.home)#catalogue\""))
        #expect(!failed.contains("action=\"\(Paths.orders)\""))
        let cancelled = rendered(OrderStatusPage(chrome: chrome(.id), view: status(.closed(.cancelled, payAgain: nil), language: .id)))
        #expect(cancelled.contains("Pesanan dibatalkan"))
        #expect(cancelled.contains("Paket ini sudah tidak dijual."))
    }

    // MARK: Order notice

    @Test func alreadyPaidNoticeNamesTheOrderAndLeadsHome() {
        let strings = chrome().strings
        let view = OrderNoticeView(
            title: strings.orderAlreadyPaidTitle, message: strings.orderAlreadyPaidText, orderNumber: Self.number)
        let html = rendered(OrderNoticePage(chrome: chrome(), view: view))
        #expect(html.contains("<h1>Order already paid</h1>"))
        #expect(html.contains("Order number: <strong>\(Self.number)</strong>"))
        #expect(html.contains("href=\"\(Paths.home)\""))
        #expect(html.contains("Back to the home page"))
    }

    @Test func paymentSentNoticeSpeaksIndonesianWithoutAnOrderNumber() {
        let strings = Language.id.strings
        let view = OrderNoticeView(title: strings.paymentSentTitle, message: strings.paymentSentTextNoWhatsApp, orderNumber: nil)
        let html = rendered(OrderNoticePage(chrome: chrome(.id), view: view))
        #expect(html.contains("<h1>Pembayaran terkirim</h1>"))
        #expect(html.contains("Kembali ke beranda"))
        #expect(!html.contains("Nomor pesanan"))
    }
}
