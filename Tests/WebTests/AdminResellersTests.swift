import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// `/admin/resellers`: resellers added and edited by a tenant's admin, batches given to them, what each
/// owes from its used codes less its settlements (recorded in `payments`), tenant-scoped and audited.
@Suite struct AdminResellersTests {
    let admin: AdminFixtures.Admin
    let profileID: UUID

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
        profileID = try StoreFixtures.profile(tenantID: admin.tenantID)
    }

    static func fields(_ overrides: [String: String] = [:]) -> [String: String] {
        [
            "name": "Warung Bu Sri", "whatsapp": "0812-3456-7890", "terms": "commission", "commission_percent": "10",
            "card_price": "", "active": "on",
        ].merging(overrides) { $1 }
    }

    func signedIn(_ admin: AdminFixtures.Admin? = nil) throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin ?? self.admin)
        try browser.get("/admin/resellers")
        return browser
    }

    /// Adds a reseller through the form and returns its id.
    func create(_ browser: PortalBrowser, _ overrides: [String: String] = [:]) throws -> UUID {
        let response = try browser.post("/admin/resellers/new", Self.fields(overrides))
        try #require(response.status == 303, "create answered \(response.status): \(response.text)")
        let location = try #require(response.headers.values("Location").first)
        return try #require(UUID(uuidString: String(location.dropFirst("/admin/resellers/".count))))
    }

    func count(_ sql: StaticString, _ value: UUID) throws -> Int {
        try TestDatabase.owner.query(sql, value).first!.decode("n", as: Int.self)
    }

    @Test func aResellerIsAddedEditedAndListedWithEachChangeAudited() throws {
        let browser = try signedIn()
        let id = try create(browser)
        let stored = try TestDatabase.owner.query(
            "select name, whatsapp, terms, commission_percent, card_price, is_active from resellers where id = $1", id
        ).first!
        #expect(try stored.decode("whatsapp", as: String.self) == "+6281234567890")
        #expect(stored.decode("commission_percent", as: Int?.self) == 10)
        #expect(try stored.decode("is_active", as: Bool.self))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        let page = try browser.get("/admin/resellers/\(id.uuidString.lowercased())")
        #expect(page.status == 200)
        #expect(page.text.contains("Warung Bu Sri") && page.text.contains("10% commission"))

        let edited = try browser.post(
            "/admin/resellers/\(id.uuidString.lowercased())/edit",
            Self.fields(["name": "Agen Pak Budi", "terms": "price", "card_price": "Rp 4.000", "active": "", "commission_percent": ""])
                .filter { $0.key != "active" })
        #expect(edited.status == 303)
        let changed = try TestDatabase.owner.query(
            "select name, terms, commission_percent, card_price, is_active from resellers where id = $1", id
        ).first!
        #expect(try changed.decode("terms", as: String.self) == "price")
        #expect(changed.decode("card_price", as: Int64?.self) == 4_000)
        #expect(changed.decode("commission_percent", as: Int?.self) == nil)
        #expect(try !changed.decode("is_active", as: Bool.self))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
        let list = try browser.get("/admin/resellers").text
        #expect(list.contains("Agen Pak Budi") && list.contains("Rp 4.000 per card") && list.contains("Inactive"))
        // An inactive reseller is no choice for a new batch.
        #expect(!(try browser.get("/admin/vouchers").text.contains(id.uuidString.lowercased())))
    }

    @Test(arguments: [
        ["name": ""], ["name": String(repeating: "x", count: 101)], ["whatsapp": "12345"], ["whatsapp": "+1 555 0100"],
        ["terms": "barter"], ["commission_percent": "101"], ["commission_percent": "-5"], ["commission_percent": "ten"],
        ["terms": "price", "card_price": "-4000"], ["terms": "price", "card_price": "abc"], ["terms": "price", "card_price": "0"],
    ])
    func badInputIsA422WithTheInputKeptAndNothingWritten(_ overrides: [String: String]) throws {
        let browser = try signedIn()
        let response = try browser.post("/admin/resellers/new", Self.fields(overrides))
        #expect(response.status == 422)
        #expect(response.text.contains("field-error"))
        for (name, value) in overrides where !value.isEmpty && name != "terms" {
            #expect(response.text.contains("value=\"\(value)\""), "\(name) kept")
        }
        #expect(try count("select count(*) as n from resellers where tenant_id = $1", admin.tenantID) == 0)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func aNameTakenInAnyCaseIsA422() throws {
        let browser = try signedIn()
        _ = try create(browser)
        let response = try browser.post("/admin/resellers/new", Self.fields(["name": "WARUNG BU SRI"]))
        #expect(response.status == 422)
        #expect(response.text.contains("already have a reseller"))
        #expect(try count("select count(*) as n from resellers where tenant_id = $1", admin.tenantID) == 1)
    }

    @Test func owesIsUsedCodesTimesItsCardPriceLessSettlementsAndAnOverpaymentIsCredit() throws {
        let browser = try signedIn()
        let id = try create(browser)  // 10% of a Rp 5.000 card: it pays Rp 4.500 per card
        let path = "/admin/resellers/\(id.uuidString.lowercased())"
        let batch = try AdminFixtures.printedBatch(
            by: browser, tenantID: admin.tenantID, profileID: profileID, ["quantity": "10", "reseller": id.uuidString.lowercased()])
        let cardPrice = try TestDatabase.owner.query("select reseller_card_price from voucher_batches where id = $1", batch.id)
            .first?.decode("reseller_card_price", as: Int64?.self)
        #expect(cardPrice == 4_500)
        let codes = batch.cards.map(\.code)
        // Three codes logged in; a fourth's sessions are gone from radacct but the sweep marked it expired.
        for code in codes.prefix(3) { try ResellerFixtures.session(tenantID: admin.tenantID, username: code) }
        try TestDatabase.owner.query(
            "update vouchers set status = 'expired', first_used_at = now(), expired_at = now() where code = $1", codes[3])

        let settled = try browser.post(
            path + "/settlements", ["amount": "Rp 5.000", "day": today(), "method": "cash", "note": "Kuitansi 12"])
        #expect(settled.status == 303)
        let payment = try TestDatabase.owner.query(
            "select amount, method, recorded_by, note, status from payments where subject = 'reseller' and subject_id = $1", id
        )
        #expect(payment.count == 1)
        #expect(try payment.first?.decode("amount", as: Int64.self) == 5_000)
        #expect(payment.first?.decode("recorded_by", as: String?.self)?.lowercased() == admin.email.lowercased())
        #expect(try payment.first?.decode("method", as: String.self) == "cash")
        #expect(try payment.first?.decode("note", as: String.self) == "Kuitansi 12")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 3)

        // 4 used × Rp 4.500 − Rp 5.000 = Rp 13.000
        let page = try browser.get(path + "?settled=1").text
        #expect(figure("Codes taken", in: page) == "10")
        #expect(figure("Used", in: page) == "4")
        #expect(figure("Used codes cost", in: page) == "Rp 18.000")
        #expect(figure("Settled", in: page) == "Rp 5.000")
        #expect(figure("Owes", in: page) == "Rp 13.000")
        #expect(page.contains("Kuitansi 12") && page.contains("Settlement recorded."))
        #expect(try browser.get("/admin/resellers").text.contains("Rp 13.000"))

        #expect(try browser.post(path + "/settlements", ["amount": "20.000", "day": today(), "method": "bank_transfer"]).status == 303)
        let overpaid = try browser.get(path).text
        #expect(figure("Owes", in: overpaid) == "Rp 0")
        #expect(figure("Credit (paid ahead)", in: overpaid) == "Rp 7.000")
        #expect(try browser.get("/admin/resellers").text.contains("Credit Rp 7.000"))
        let batches = try browser.get("/admin/vouchers").text
        #expect(batches.contains("<a href=\"\(path)\">Warung Bu Sri</a>"))
    }

    @Test(arguments: [
        ["amount": "-5000"], ["amount": "abc"], ["amount": "0"], ["amount": "1,5"], ["day": "2026-02-30"], ["day": "tomorrow"],
        ["day": "2999-01-01"], ["day": "2001-01-01"], ["method": "cheque"], ["note": String(repeating: "n", count: 501)],
    ])
    func aBadSettlementIsA422WithTheInputKeptAndNothingWritten(_ overrides: [String: String]) throws {
        let browser = try signedIn()
        let id = try create(browser)
        let fields = ["amount": "5000", "day": today(), "method": "cash", "note": "Setoran Senin"].merging(overrides) { $1 }
        let response = try browser.post("/admin/resellers/\(id.uuidString.lowercased())/settlements", fields)
        #expect(response.status == 422)
        #expect(response.text.contains("field-error"))
        for (name, value) in overrides where name != "method" {
            #expect(response.text.contains("value=\"\(value)\""), "\(name) kept")
        }
        #expect(try count("select count(*) as n from payments where tenant_id = $1", admin.tenantID) == 0)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
    }

    @Test func anotherTenantsAdminGets404ForItsResellerAndCannotGiveItABatch() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let otherBrowser = try signedIn(other)
        let theirs = try create(otherBrowser)
        let path = "/admin/resellers/\(theirs.uuidString.lowercased())"
        let browser = try signedIn()
        #expect(try browser.get(path).status == 404)
        #expect(try browser.get(path + "/edit").status == 404)
        #expect(try browser.post(path + "/edit", Self.fields(["name": "Stolen"])).status == 404)
        #expect(try browser.post(path + "/settlements", ["amount": "5000", "day": today(), "method": "cash"]).status == 404)
        #expect(try browser.get("/admin/resellers/not-a-uuid").status == 404)
        #expect(!(try browser.get("/admin/resellers").text.contains("Warung Bu Sri")))
        let batch = try browser.post(
            "/admin/vouchers",
            [
                "package": profileID.uuidString.lowercased(), "quantity": "5", "code_length": "8", "alphabet": "unambiguous",
                "prefix": "", "password": "same", "reseller": theirs.uuidString.lowercased(),
            ])
        #expect(batch.status == 422)
        #expect(try count("select count(*) as n from voucher_batches where reseller_id = $1", theirs) == 0)
        #expect(try count("select count(*) as n from payments where subject_id = $1", theirs) == 0)
        let name = try TestDatabase.owner.query("select name from resellers where id = $1", theirs).first?
            .decode("name", as: String.self)
        #expect(name == "Warung Bu Sri")
    }

    /// The tenant's date today (its time zone is the default, Asia/Jakarta).
    func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Jakarta")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// The value after a `dt` label on the reseller's page.
    func figure(_ label: String, in page: String) -> String? {
        guard let start = page.range(of: "<dt>\(label)</dt><dd>") else { return nil }
        let rest = page[start.upperBound...]
        return rest.range(of: "</dd>").map { String(rest[..<$0.lowerBound]) }
    }
}

/// What a reseller pays per card, as a batch records it when made.
@Suite struct ResellerTermsTests {
    @Test(arguments: [
        (Reseller.Terms.commission(percent: 10), Int64(5_000), Int64(4_500)),
        (.commission(percent: 15), 3_333, 2_834),  // Rp 499,95 commission: the reseller keeps Rp 499
        (.commission(percent: 0), 5_000, 5_000), (.commission(percent: 100), 5_000, 0),
        (.price(4_000), 5_000, 4_000), (.price(4_000), 10_000, 4_000),
    ])
    func aCardCostsThePriceLessTheCommissionRoundedDownOrTheFixedPrice(terms: Reseller.Terms, price: Int64, expected: Int64) {
        let reseller = Reseller(id: UUID(), name: "Warung", whatsApp: nil, terms: terms, isActive: true)
        #expect(reseller.cardPrice(forCardsOf: price) == expected)
    }
}
