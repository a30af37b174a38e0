import Foundation
import TestSupport
import Testing

/// The order form's validation and CSRF protection on `POST /orders`.
@Suite struct OrderFormTests {
    let shop: Shop
    let profileID: UUID

    init() throws {
        shop = try Shop.open()
        profileID = try shop.addProfile(name: "Form pass", price: 5_000)
    }

    private func attempt() throws -> OrderAttempt {
        let browser = Browser(host: shop.host)
        browser.setCookie("lang", "en")
        return try OrderAttempt.start(browser, profileID: profileID)
    }

    @Test(arguments: [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("62812 3456 7890", "+6281234567890"),
        ("0857.1234.567", "+628571234567"),
    ])
    func indonesianPhoneFormsAreNormalised(_ typed: String, _ stored: String) throws {
        let attempt = try attempt()
        let response = try attempt.submit(phone: typed)
        #expect(response.status == 303)
        let number = try #require(response.orderNumber)
        #expect(try shop.orderRow(number: number).decode("buyer_phone", as: String.self) == stored)
    }

    @Test(arguments: [
        ("", "Enter your WhatsApp number."),
        ("0812abc7890", "may only contain digits"),
        ("0812 345", "too short or too long"),
        ("0812 3456 7890 1234 5", "too short or too long"),
        ("+1 555 123 4567", "Indonesian number"),
        ("<script>", "may only contain digits"),
    ])
    func invalidPhoneShowsItsMessageAndKeepsTheInput(_ typed: String, _ message: String) throws {
        let attempt = try attempt()
        let response = try attempt.submit(phone: typed, name: "Sari \"Wifi\"", email: "sari@example.com", quantity: "3")
        #expect(response.status == 422)
        #expect(response.text.contains(message))
        #expect(response.text.contains("id=\"f-phone-error\""))
        #expect(response.text.contains("aria-invalid=\"true\" aria-describedby=\"f-phone-error f-phone-hint\""))
        let escaped = typed.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(response.text.contains("name=\"phone\" value=\"\(escaped)\""))
        // The other fields keep what was typed, the same idempotency key, the checkbox ticked.
        #expect(response.text.contains("value=\"Sari &quot;Wifi&quot;\""))
        #expect(response.text.contains("value=\"sari@example.com\""))
        #expect(response.text.contains("<option value=\"3\" selected>"))
        #expect(response.text.contains("name=\"terms\" value=\"on\" checked"))
        #expect(Browser.hiddenValue("idempotency_key", in: response.text) == attempt.idempotencyKey)
        #expect(!response.text.contains("<script>"))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }

    @Test(arguments: [
        ("not-an-email", "email address is not valid"),
        ("a@b", "email address is not valid"),
        ("two@@example.com", "email address is not valid"),
        ("with space@example.com", "email address is not valid"),
        (String(repeating: "a", count: 120) + "@example.com", "at most 120 characters"),
    ])
    func invalidEmailShowsItsMessage(_ typed: String, _ message: String) throws {
        let attempt = try attempt()
        let response = try attempt.submit(email: typed)
        #expect(response.status == 422)
        #expect(response.text.contains(message))
        #expect(response.text.contains("id=\"f-email-error\""))
        #expect(response.text.contains("value=\"\(typed)\""))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }

    @Test(arguments: ["0", "6", "abc", "-1", ""])
    func quantityOutsideOneToFiveIsRefused(_ typed: String) throws {
        let attempt = try attempt()
        let response = try attempt.submit(quantity: typed)
        #expect(response.status == 422)
        #expect(response.text.contains("Choose a number from 1 to 5."))
        #expect(response.text.contains("id=\"f-quantity-error\""))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }

    @Test func termsMustBeAccepted() throws {
        let attempt = try attempt()
        let response = try attempt.submit(terms: false)
        #expect(response.status == 422)
        #expect(response.text.contains("Tick this box to accept the terms and conditions."))
        #expect(response.text.contains("name=\"terms\" value=\"on\" required aria-invalid=\"true\""))
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }

    @Test func nameLongerThanEightyCharactersIsRefused() throws {
        let attempt = try attempt()
        let response = try attempt.submit(name: String(repeating: "n", count: 81))
        #expect(response.status == 422)
        #expect(response.text.contains("at most 80 characters"))
        #expect(response.text.contains(String(repeating: "n", count: 81)), "the whole name is kept to be corrected")
    }

    /// A `maxlength` makes the browser cut a pasted name without a word; the server says so instead.
    @Test func theFormLetsTheServerJudgeLengths() throws {
        let page = try Browser(host: shop.host).get("/vouchers/\(profileID.uuidString.lowercased())")
        #expect(page.status == 200)
        #expect(!page.text.contains("maxlength"))
    }

    @Test func everyProblemIsShownAtOnceInIndonesianToo() throws {
        let attempt = try attempt()
        attempt.browser.setCookie("lang", "id")
        let response = try attempt.submit(phone: "", email: "x@", quantity: "9", terms: false)
        #expect(response.status == 422)
        for text in ["Masukkan nomor WhatsApp Anda.", "Alamat email tidak valid", "Pilih jumlah antara 1 dan 5.", "Centang kotak ini"] {
            #expect(response.text.contains(text), "missing \(text)")
        }
    }

    @Test func missingCSRFFieldIsForbiddenAndWritesNothing() throws {
        let attempt = try attempt()
        let fields = attempt.fields().filter { $0.0 != "_csrf" }
        let response = try attempt.browser.post("/orders", fields)
        #expect(response.status == 403)
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }

    @Test func wrongCSRFTokenIsForbiddenAndWritesNothing() throws {
        let attempt = try attempt()
        let fields = attempt.fields().map { $0.0 == "_csrf" ? ("_csrf", String(repeating: "a", count: 64)) : $0 }
        let response = try attempt.browser.post("/orders", fields)
        #expect(response.status == 403)
        #expect(response.text.contains("Form pass") == false)
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }

    @Test func missingCSRFCookieIsForbiddenAndWritesNothing() throws {
        let attempt = try attempt()
        attempt.browser.forget("csrf")
        let response = try attempt.submit()
        #expect(response.status == 403)
        #expect(try shop.orderCount(idempotencyKey: attempt.idempotencyKey) == 0)
    }
}
