import Foundation
import Postgres
import TestSupport
import Testing
@testable import Web

/// `/head-office/finance`: every tenant's month in its own time zone, as its own report counts it, 100
/// stores a page, with the platform's total on every page.
@Suite struct HeadOfficeFinanceTests {
    typealias F = FinanceFixtures

    @Test func eachTenantsMonthIsInItsOwnZoneAndThePlatformTotalIsTheirSum() throws {
        let jakarta = try AdminFixtures.tenantWithAdmin()
        try FinanceTests.jakartaMarch(jakarta)
        try FinanceTests.expenses(try AdminFixtures.signedIn(jakarta))
        // Papua (UTC+9): 23:30 on 31 March is March, 00:10 on 1 April is April, though both are 31 March in UTC.
        let papua = try AdminFixtures.tenantWithAdmin()
        try TestDatabase.owner.query("update tenant_branding set time_zone = 'Asia/Jayapura' where tenant_id = $1", papua.tenantID)
        try F.payment(
            tenantID: papua.tenantID, subject: "reseller", subjectID: UUID(), amount: 60_000, at: "2026-03-31T23:30:00+09:00",
            method: "cash")
        try F.payment(
            tenantID: papua.tenantID, subject: "reseller", subjectID: UUID(), amount: 9_000, at: "2026-04-01T00:10:00+09:00", method: "cash"
        )
        let papuaPage = try AdminFixtures.signedIn(papua).get(FinanceTests.march)
        #expect(F.summary("Income", in: papuaPage.text) == 60_000)

        let (office, _) = try HeadOfficeFixtures.signedIn()
        let slugs = try [jakarta, papua].map { admin in
            try TestDatabase.owner.query("select slug from tenants where id = $1", admin.tenantID).first!.decode("slug", as: String.self)
        }
        // Each found by its slug: the pages of every store shift while other tests create theirs.
        let rows = try slugs.flatMap { slug in
            Self.table(try office.get("/head-office/finance?month=2026-03&q=\(slug)").text).dropLast()
        }
        let jakartaRow = try #require(rows.first { $0.store.hasSuffix("(\(slugs[0]))") })
        let papuaRow = try #require(rows.first { $0.store.hasSuffix("(\(slugs[1]))") })
        #expect(jakartaRow.income == 182_000 && jakartaRow.expenses == 3_500_000)
        #expect(papuaRow.income == 60_000 && papuaRow.expenses == 0)
        // Income per channel, adding up to each row's income, the platform's row too.
        #expect(jakartaRow.channels == [7_000, 50_000, 25_000, 100_000])
        #expect(papuaRow.channels == [0, 0, 0, 60_000])
        for row in rows {
            #expect(row.channels.reduce(0, +) == row.income, "\(row.store)")
        }
        let page = try office.get("/head-office/finance?month=2026-03")
        let total = try #require(Self.table(page.text).last)
        #expect(total.store == "<strong>Platform total</strong>")
        #expect(total.channels.reduce(0, +) == total.income)
        #expect(F.summary("Income", in: page.text) == total.income)
        #expect(F.summary("Expenses", in: page.text) == total.expenses)
        #expect(try HeadOfficeFixtures.browser().get("/head-office/finance").status == 303)
    }

    /// A platform of more stores than a page: head office lists them 100 at a time, in slug order, and
    /// every page's total is the whole platform's, which the rows of all pages add up to.
    @Test func aPlatformsStoresAreListedAPageAtATimeWithThePlatformsTotalOnEach() throws {
        // 101 stores of this test's own (more than a page, whatever else the suite created), two of them
        // with money in a month no other test writes to.
        let prefix = "hofin-" + String(UUID().uuidString.prefix(8)).lowercased()
        let created = try TestDatabase.owner.query(
            """
            insert into tenants (slug, name, tier)
            select $1 || '-' || lpad(n::text, 3, '0'), 'Paged ISP ' || n, 'starter' from generate_series(1, 101) n
            returning id, slug
            """, prefix
        ).map { (id: try $0.decode("id", as: UUID.self), slug: try $0.decode("slug", as: String.self)) }
        // Deleted afterwards, so no other test's list meets them (head office's finance still shows a deleted
        // store that moved money in the month, as it must).
        defer { _ = try? TestDatabase.owner.query("update tenants set deleted_at = now() where slug like $1 || '-%'", prefix) }
        let first = try #require(created.min { $0.slug < $1.slug })
        let last = try #require(created.max { $0.slug < $1.slug })
        try F.payment(
            tenantID: first.id, subject: "order", subjectID: UUID(), amount: 1_000, at: "2031-07-10T10:00:00+07:00",
            method: "cash")
        try F.payment(
            tenantID: last.id, subject: "order", subjectID: UUID(), amount: 2_000, at: "2031-07-20T10:00:00+07:00",
            method: "bank_transfer")
        let (office, _) = try HeadOfficeFixtures.signedIn()
        let month = "/head-office/finance?month=2031-07"

        // Narrowed to this test's stores, the pages stay put while other tests create theirs.
        let firstPage = try office.get(month + "&q=" + prefix)
        let listed = Self.table(firstPage.text)
        #expect(listed.count == 101, "100 stores and the platform's row")
        #expect(firstPage.text.contains("Page 1 of 2") && firstPage.text.contains("101 tenants"))
        #expect(AdminSalesFixtures.link(rel: "next", in: firstPage.text) == month + "&q=\(prefix)&page=2")
        #expect(try office.get(month).text.contains("Page 1 of "), "every store, a page at a time")
        let platform = try #require(listed.last)
        #expect(platform.store == "<strong>Platform total</strong>")

        let rows = try Self.rows { try office.get(month + "&q=" + prefix + $0) }
        #expect(rows.count == 101 && Set(rows.map(\.store)).count == 101, "every store once")
        #expect(rows.allSatisfy { $0.store.contains("(\(prefix)-") })
        // Narrowed or not, the last row is the whole platform's: this month's money is only this test's
        // (and an earlier run's in the same database), so the rows found add up to it or less.
        let unnarrowed = Self.table(try office.get(month).text).last
        #expect(platform.income >= 3_000 && platform.income == unnarrowed?.income)
        #expect(rows.first { $0.store.hasSuffix("(\(first.slug))") }?.channels == [0, 1_000, 0, 0])
        #expect(rows.first { $0.store.hasSuffix("(\(last.slug))") }?.channels == [0, 0, 2_000, 0])
        let pastTheEnd = try office.get(month + "&q=\(prefix)&page=9999").text
        #expect(Self.table(pastTheEnd).count == 2, "the last page")
        #expect(try office.get(month + "&q=no-such-store-anywhere").text.contains("No tenant matches"))
        #expect(try office.get(month + "&page=0").status == 400)
        // A piece of a name, in any case, finds its store too.
        let token = "Kedai" + String(UUID().uuidString.prefix(6))
        try TestDatabase.owner.query("update tenants set name = $2 where id = $1", last.id, "Warung \(token) Sejahtera")
        let byName = Self.table(try office.get(month + "&q=" + token.lowercased()).text)
        #expect(byName.map(\.store) == ["Warung \(token) Sejahtera (\(last.slug))", "<strong>Platform total</strong>"])
        #expect(byName.last?.income == platform.income, "the platform's total, whatever the search")

        // Deleted, a store stays in the month it moved money in, and only there.
        try TestDatabase.owner.query("update tenants set deleted_at = now() where slug like $1 || '-%'", prefix)
        let deleted = Self.table(try office.get(month + "&q=" + prefix).text).dropLast()
        #expect(deleted.map(\.store) == ["Paged ISP 1 (\(first.slug))", "Warung \(token) Sejahtera (\(last.slug))"])
        #expect(deleted.map(\.income) == [1_000, 2_000])
    }

    /// A head-office finance row: the store's cell, its income, expenses and income per channel.
    struct Row {
        let store: String
        let income: Int64
        let expenses: Int64
        let channels: [Int64]
    }

    /// The rows of one head-office finance page, the platform's last.
    static func table(_ page: String) -> [Row] {
        let stores = F.cells("Store", in: page)
        let income = F.cells("Income", in: page).compactMap(F.rupiah)
        let expenses = F.cells("Expenses", in: page).compactMap(F.rupiah)
        let channels = ["Online gateway", "Cash", "Bank transfer", "Reseller settlement"].map {
            F.cells($0, in: page).compactMap(F.rupiah)
        }
        guard income.count == stores.count, expenses.count == stores.count, channels.allSatisfy({ $0.count == stores.count })
        else { return [] }
        return stores.indices.map { row in
            Row(
                store: stores[row], income: income[row], expenses: expenses[row], channels: channels.map { $0[row] })
        }
    }

    /// Every store's row over all the pages, following the pager (without the platform's rows).
    static func rows(_ get: (String) throws -> TestHTTPResponse) throws -> [Row] {
        var rows: [Row] = []
        var page = 1
        while page <= 500 {
            let text = try get(page == 1 ? "" : "&page=\(page)").text
            rows += table(text).dropLast()
            guard AdminSalesFixtures.link(rel: "next", in: text) != nil else { break }
            page += 1
        }
        return rows
    }
}
