import Foundation
import TestSupport
import Testing

/// The catalogue on the tenant home and `GET /vouchers/{id}`.
@Suite struct CatalogueTests {
    @Test func homeListsOnlyTheTenantsOwnPackagesOnSale() throws {
        let shop = try Shop.open()
        let other = try Shop.open()
        let tag = UUID().uuidString.prefix(6)
        let visible = try shop.addProfile(name: "Day \(tag)", price: 5_000)
        let hidden = try shop.addProfile(name: "Hidden \(tag)", onSale: false)
        let deleted = try shop.addProfile(name: "Deleted \(tag)", deleted: true)
        let foreign = try other.addProfile(name: "Foreign \(tag)")

        let home = try SharedServer.get("/", host: shop.host)
        #expect(home.status == 200)
        #expect(home.text.contains("Day \(tag)"))
        #expect(home.text.contains("/vouchers/\(visible.uuidString.lowercased())"))
        for name in ["Hidden", "Deleted", "Foreign"] { #expect(!home.text.contains("\(name) \(tag)")) }

        #expect(try SharedServer.get("/vouchers/\(visible.uuidString.lowercased())", host: shop.host).status == 200)
        for id in [hidden, deleted, foreign] {
            let page = try SharedServer.get("/vouchers/\(id.uuidString.lowercased())", host: shop.host)
            #expect(page.status == 404)
            #expect(!page.text.contains(String(tag)))
        }
    }

    @Test(arguments: ["not-a-uuid", "123", "%27%3B%20drop%20table%20voucher_profiles%3B--", "00000000-0000-0000-0000-000000000000"])
    func aPackageLinkThatNamesNoPackageIsNotFound(_ id: String) throws {
        let shop = try Shop.open()
        let page = try SharedServer.get("/vouchers/\(id)", host: shop.host)
        #expect(page.status == 404)
    }

    @Test func cardsAndPackagePageShowPriceValidityQuotaAndSpeed() throws {
        let shop = try Shop.open()
        let id = try shop.addProfile(name: "Week pass", price: 25_000, validityMinutes: 10_080, quotaMB: 30_720, downloadKbps: 10_000)
        try shop.addProfile(name: "Three hours", price: 3_000, validityMinutes: 180, quotaMB: nil, downloadKbps: 5_000)

        let home = try SharedServer.get("/", host: shop.host, headers: [("Cookie", "lang=en")]).text
        for text in ["Rp 25.000", "7 days", "30 GB quota", "Up to 10 Mbps", "Rp 3.000", "3 hours", "Unlimited quota"] {
            #expect(home.contains(text), "home lacks \(text)")
        }
        // Cheaper first when the tenant set no order.
        #expect(home.range(of: "Three hours")!.lowerBound < home.range(of: "Week pass")!.lowerBound)

        let page = try SharedServer.get("/vouchers/\(id.uuidString.lowercased())", host: shop.host, headers: [("Cookie", "lang=id")])
        #expect(page.status == 200)
        for text in ["Week pass", "Rp 25.000", "7 hari", "Kuota 30 GB", "Nomor WhatsApp", "/pages/terms", "name=\"_csrf\""] {
            #expect(page.text.contains(text), "package page lacks \(text)")
        }
        #expect(page.headers["Cache-Control"] == "no-store")
        #expect(
            page.headers.values("Set-Cookie").contains { $0.hasPrefix("csrf=") && $0.contains("HttpOnly") && $0.contains("SameSite=Lax") })
    }

    @Test func everyRenderingOfTheFormCarriesANewIdempotencyKeyAndTheSameCSRFToken() throws {
        let shop = try Shop.open()
        let id = try shop.addProfile(name: "Keys")
        let browser = Browser(host: shop.host)
        let first = try OrderAttempt.start(browser, profileID: id)
        let second = try OrderAttempt.start(browser, profileID: id)
        #expect(first.idempotencyKey != second.idempotencyKey)
        #expect(first.csrf == second.csrf)
        #expect(first.csrf == browser.cookies["csrf"])
    }
}
