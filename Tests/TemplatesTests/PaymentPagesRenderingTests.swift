import Testing

@testable import Templates

/// The payment pages a buyer meets: the retry page when the gateway fails, and the built-in sandbox's
/// checkout, built as `OrderController`, `InvoiceCheckoutResponder` and `SandboxCheckoutController` build them.
@Suite struct PaymentPagesRenderingTests {
    private func chrome(_ language: Language = .en) -> SiteChrome { PageRendering.chrome(language) }

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func retryPageRepostsTheOrderFormAsItWasTyped() {
        let strings = chrome().strings
        let view = PaymentRetryView(
            message: strings.gatewayDownText("EV2611ABCD1234"), action: Paths.orders,
            fields: [
                .init(name: "_csrf", value: "csrf-42"), .init(name: "idempotency_key", value: "idem-7"),
                .init(name: "name", value: "<script>x</script> & \"Budi\""),
            ])
        let html = rendered(PaymentRetryPage(chrome: chrome(), view: view))
        #expect(html.contains("<h1>The payment service did not answer</h1>"))
        #expect(html.contains("Your order EV2611ABCD1234 is kept. Please try again in a moment."))
        #expect(html.contains("method=\"post\" action=\"\(Paths.orders)\""))
        #expect(html.contains("name=\"idempotency_key\" value=\"idem-7\""))
        #expect(html.contains("name=\"name\" value=\"&lt;script&gt;x&lt;/script&gt; &amp; &quot;Budi&quot;\""))
        #expect(!html.contains("<script>x</script>"))
        #expect(html.contains(">Try again</button>"))
    }

    @Test func retryPageForAnInvoiceSpeaksIndonesianAndPostsToItsPayLink() {
        let action = Paths.payLink("tok-abc")
        let view = PaymentRetryView(
            message: Language.id.strings.invoiceGatewayDownText("INV-2026-11-0007"), action: action,
            fields: [.init(name: "_csrf", value: "t")])
        let html = rendered(PaymentRetryPage(chrome: chrome(.id), view: view))
        #expect(html.contains("<h1>Layanan pembayaran belum menjawab</h1>"))
        #expect(html.contains("Tagihan Anda INV-2026-11-0007 tidak berubah"))
        #expect(html.contains("action=\"\(action)\""))
        #expect(html.contains(">Coba lagi</button>"))
    }

    @Test func sandboxCheckoutShowsMerchantOrderAndAmountWithBothOutcomes() {
        let strings = chrome().strings
        let view = SandboxCheckoutView(
            merchantName: "Net <b>& Co</b>",
            lines: [
                .init(label: strings.labelOrderNumber, value: "EV2611ABCD1234"),
                .init(label: strings.labelPackage, value: "2 × Harian 1 Hari"),
            ], amount: Rupiah.format(1_250_000), action: Paths.sandboxCheckout("EV2611ABCD1234"), csrfToken: "csrf-9")
        let html = rendered(SandboxCheckoutPage(chrome: chrome(), view: view))
        #expect(html.contains("Sandbox — no real money"))
        #expect(html.contains("<h1>Sandbox payment</h1>"))
        #expect(html.contains("<dd>Net &lt;b&gt;&amp; Co&lt;/b&gt;</dd>"))
        #expect(html.contains("<dd>2 × Harian 1 Hari</dd>"))
        #expect(html.contains("Rp 1.250.000"))
        #expect(html.contains("action=\"\(Paths.sandboxCheckout("EV2611ABCD1234"))\""))
        #expect(html.contains("name=\"_csrf\" value=\"csrf-9\""))
        #expect(html.contains("name=\"outcome\" value=\"pay\">Pay</button>"))
        #expect(html.contains("name=\"outcome\" value=\"fail\">Fail the payment</button>"))
    }

    @Test func sandboxCheckoutSpeaksIndonesian() {
        let view = SandboxCheckoutView(
            merchantName: "Net", lines: [], amount: Rupiah.format(150_000), action: Paths.sandboxCheckout("INV-1"),
            csrfToken: "t")
        let html = rendered(SandboxCheckoutPage(chrome: chrome(.id), view: view))
        #expect(html.contains("Sandbox — tidak ada uang sungguhan"))
        #expect(html.contains("<h1>Pembayaran sandbox</h1>") && html.contains("Penjual"))
        #expect(html.contains("Rp 150.000"))
        #expect(html.contains(">Bayar</button>") && html.contains(">Gagalkan pembayaran</button>"))
    }
}
