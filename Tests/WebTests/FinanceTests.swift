import Foundation
import Postgres
import TestSupport
import Testing
@testable import Web

/// `/admin/finance`: a month's ledger read from `payments` and the expenses an ISP enters, counted in the
/// tenant's time zone, and every figure on the page, in the chart and in the CSV equal to the sums of
/// those rows; tenant-scoped. Head office's totals are `HeadOfficeFinanceTests`'.
@Suite struct FinanceTests {
    typealias F = FinanceFixtures
    static let march = "/admin/finance?month=2026-03"

    /// A tenant in Jakarta (UTC+7) with money moving around March 2026's edges: a store order at 23:59 on
    /// 31 March (March) and one at 00:00 on 1 April (April, though still 31 March in UTC), an invoice paid
    /// at 00:00 on 1 March (March, though February in UTC) and one at 23:59 on 28 February, a refund,
    /// a cash and a bank-transfer payment at the counter, and a reseller's settlement.
    static func jakartaMarch(_ admin: AdminFixtures.Admin) throws {
        let tenant = admin.tenantID
        let profile = try AdminSalesFixtures.profile(tenantID: tenant, name: "Harian")
        let lastMinute = try AdminSalesFixtures.order(tenantID: tenant, profileID: profile)
        let midnight = try AdminSalesFixtures.order(tenantID: tenant, profileID: profile)
        let subscriber = try PortalFixtures.subscriber(tenantID: tenant)
        let invoice = try PortalFixtures.invoice(for: subscriber, period: "2026-03", paid: true)
        let february = try PortalFixtures.invoice(for: subscriber, period: "2026-02", paid: true)
        try TestDatabase.owner.query(
            "update invoices i set plan_id = s.plan_id from subscribers s where s.id = i.subscriber_id and s.id = $1",
            subscriber.id)
        try F.payment(tenantID: tenant, subject: "order", subjectID: lastMinute.id, amount: 10_000, at: "2026-03-31T23:59:00+07:00")
        try F.payment(tenantID: tenant, subject: "order", subjectID: midnight.id, amount: 20_000, at: "2026-04-01T00:00:00+07:00")
        try F.payment(tenantID: tenant, subject: "invoice", subjectID: invoice.id, amount: 7_000, at: "2026-03-01T00:00:00+07:00")
        try F.payment(tenantID: tenant, subject: "invoice", subjectID: february.id, amount: 3_000, at: "2026-02-28T23:59:00+07:00")
        try F.payment(
            tenantID: tenant, subject: "order", subjectID: lastMinute.id, amount: 10_000, at: "2026-03-15T10:00:00+07:00",
            status: "refunded")
        try F.payment(
            tenantID: tenant, subject: "invoice", subjectID: invoice.id, amount: 50_000, at: "2026-03-10T09:00:00+07:00",
            method: "cash", note: "Kuitansi 12")
        try F.payment(
            tenantID: tenant, subject: "invoice", subjectID: invoice.id, amount: 25_000, at: "2026-03-10T14:00:00+07:00",
            method: "bank_transfer", note: "BCA 0042")
        try F.payment(
            tenantID: tenant, subject: "reseller", subjectID: UUID(), amount: 100_000, at: "2026-03-20T17:30:00+07:00",
            method: "cash", note: "Warung Bu Sri")
    }

    /// Two expenses in March through the form (one typed the Indonesian way), one in April.
    static func expenses(_ browser: PortalBrowser) throws {
        try browser.get("/admin/finance/expenses/new")
        for fields in [
            ["spent_on": "2026-03-05", "category": "bandwidth", "amount": "1500000", "note": "Upstream, March"],
            ["spent_on": "2026-03-31", "category": "rent", "amount": "Rp 2.000.000", "note": "=HYPERLINK(\"x\")"],
            ["spent_on": "2026-04-01", "category": "electricity", "amount": "300.000", "note": "-1+1"],
        ] {
            let saved = try browser.post("/admin/finance/expenses/new", fields)
            try #require(saved.status == 303, "expense refused: \(saved.text)")
        }
    }

    @Test func theMonthsTotalsEqualItsPaymentsAndExpensesCountedInTheTenantsTimeZone() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try Self.jakartaMarch(admin)
        let browser = try AdminFixtures.signedIn(admin)
        try Self.expenses(browser)
        let page = try browser.get(Self.march)
        #expect(page.status == 200)

        // March in Jakarta is [28 Feb 17:00 UTC, 31 Mar 17:00 UTC).
        let income = try F.income(tenantID: admin.tenantID, from: "2026-02-28T17:00:00Z", to: "2026-03-31T17:00:00Z")
        let spent = try F.expenses(tenantID: admin.tenantID, from: "2026-03-01", to: "2026-04-01")
        #expect(income == 182_000)
        #expect(spent == 3_500_000)
        #expect(F.summary("Income", in: page.text) == income)
        #expect(F.summary("Expenses", in: page.text) == spent)
        #expect(F.summary("Balance", in: page.text) == income - spent)

        // Per day: the order at 23:59 is on the 31st, the invoice at 00:00 on the 1st; the refund is on the 15th.
        let days = F.cells("Day", in: page.text)
        #expect(days.prefix(6) == ["2026-03-01", "2026-03-05", "2026-03-10", "2026-03-15", "2026-03-20", "2026-03-31"])
        let perDay = zip(days, F.cells("Income", in: page.text).compactMap(F.rupiah)).prefix(6)
        #expect(
            Dictionary(uniqueKeysWithValues: Array(perDay)) == [
                "2026-03-01": 7_000, "2026-03-05": 0, "2026-03-10": 75_000, "2026-03-15": -10_000, "2026-03-20": 100_000,
                "2026-03-31": 10_000,
            ])
        // Per channel and per package or plan, each adding up to the month's income.
        for (name, amount) in [
            ("Online gateway", 7_000), ("Cash", 50_000), ("Bank transfer", 25_000), ("Reseller settlement", 100_000),
            ("Home 20 Mbps", 82_000), ("Harian", 0),
        ] {
            let row = page.text.range(of: "\">\(name)</td>").map { page.text[$0.upperBound...] }
            #expect(row != nil, "\(name) listed")
            let cell = row.flatMap { F.cells("Amount", in: String($0)).first }
            #expect(cell.flatMap(F.rupiah) == Int64(amount), "\(name)")
        }
        // April's money is not March's: its order at 00:00 and its expense appear in April alone.
        let april = try browser.get("/admin/finance?month=2026-04")
        #expect(F.summary("Income", in: april.text) == 20_000)
        #expect(F.summary("Expenses", in: april.text) == 300_000)
    }

    @Test func theChartHasOneBarPairPerDayAsLongAsItsFigures() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try Self.jakartaMarch(admin)
        let browser = try AdminFixtures.signedIn(admin)
        try Self.expenses(browser)
        let page = try browser.get(Self.march).text
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 "))
        #expect(!page.contains("<script"))
        let income = F.bars("income", in: page)
        let expenses = F.bars("expense", in: page)
        #expect(income.count == 31 && expenses.count == 31)
        #expect(income.map(\.day) == (1...31).map { String(format: "2026-03-%02d", $0) })
        #expect(expenses.map(\.day) == income.map(\.day))
        #expect(Dictionary(uniqueKeysWithValues: income.map { ($0.day, $0.amount) })["2026-03-20"] == 100_000)
        #expect(Dictionary(uniqueKeysWithValues: expenses.map { ($0.day, $0.amount) })["2026-03-31"] == 2_000_000)
        // The largest figure (the rent) fills the bar area; every other bar is in proportion to it.
        let full = try #require(expenses.first { $0.day == "2026-03-31" }).width
        #expect(full == 316)
        for bar in income + expenses {
            let expected = bar.amount > 0 ? Double(bar.amount) / 2_000_000 * Double(full) : 0
            #expect(abs(Double(bar.width) - expected) <= 0.5, "\(bar.day): \(bar.width) for \(bar.amount)")
        }
        #expect(expenses.first { $0.day == "2026-03-05" }?.width == 237)
    }

    /// A month with more ledger rows than a page: the rows come a page at a time, with links that keep
    /// the month, while every figure and the CSV still count all of them.
    @Test func aLongMonthsLedgerIsPagedAndItsFiguresStillCountEveryRow() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, method, recorded_by,
                created_at)
            select $1, 'reseller', gen_random_uuid(), 'cash', 1000, 'paid', 'cash', 'cashier@example.test',
                timestamptz '2026-03-02 09:00:00+07' + n * interval '1 minute'
            from generate_series(1, 130) n
            """, admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)

        let first = try browser.get(Self.march)
        #expect(F.cells("Time", in: first.text).count == 100)
        #expect(first.text.contains("Page 1 of 2") && first.text.contains("130 rows"))
        #expect(AdminSalesFixtures.link(rel: "next", in: first.text) == "/admin/finance?month=2026-03&page=2")
        let second = try browser.get("/admin/finance?month=2026-03&page=2")
        #expect(F.cells("Time", in: second.text).count == 30)
        #expect(AdminSalesFixtures.link(rel: "prev", in: second.text) == "/admin/finance?month=2026-03")
        #expect(AdminSalesFixtures.link(rel: "next", in: second.text) == nil)
        for page in [first, second] {
            #expect(F.summary("Income", in: page.text) == 130_000)
        }
        #expect(F.cells("Time", in: try browser.get("/admin/finance?month=2026-03&page=99").text).count == 30)
        #expect(try browser.get("/admin/finance?month=2026-03&page=abc").status == 400)
        let csv = try browser.get("/admin/finance/export.csv?month=2026-03").text
        #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("2026-03-02,") }.count == 130)
    }

    /// The pages read only their own rows (the payments before them come from the index in time order),
    /// yet list what the whole ledger lists, in its order: a day's payments then its expenses, payments
    /// made at the same instant on both sides of a page's edge, nothing twice and nothing missed.
    @Test func theLedgersPagesTogetherAreTheWholeLedgerInItsOrder() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        // 130 payments on 1 March in Jakarta, ten at each instant (the first five at 09:00), each of its own
        // amount: the ten at 18:00 are rows 95 to 104, across the first page's edge. Then an expense that
        // day, five payments and an expense on the 2nd.
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, method, recorded_by,
                created_at)
            select $1::uuid, 'reseller', gen_random_uuid(), 'cash', 1000 + n, 'paid', 'cash', 'cashier@example.test',
                timestamptz '2026-03-01 09:00:00+07' + ((n + 5) / 10) * interval '1 hour'
            from generate_series(0, 129) n
            union all
            select $1::uuid, 'reseller', gen_random_uuid(), 'cash', 2000 + n, 'paid', 'cash', 'cashier@example.test',
                timestamptz '2026-03-02 10:00:00+07'
            from generate_series(0, 4) n
            """, admin.tenantID)
        try TestDatabase.owner.query(
            """
            insert into expenses (tenant_id, spent_on, category, amount, note)
            values ($1, '2026-03-01', 'rent', 500000, 'first'), ($1, '2026-03-02', 'bandwidth', 700000, 'second')
            """, admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)

        var listed: [String] = []
        for page in ["", "&page=2"] {
            let whole = try browser.get(Self.march + page).text
            let text = whole[try #require(whole.range(of: "id=\"ledger-heading\"")).lowerBound...]
            let rows = zip(
                F.cells("Day", in: String(text)), zip(F.cells("Time", in: String(text)), F.cells("Amount", in: String(text))))
            listed += rows.map { "\($0.0) \($0.1.0) \(F.rupiah($0.1.1) ?? 0)" }
        }
        let csv = try browser.get("/admin/finance/export.csv?month=2026-03").text
        let whole = csv.components(separatedBy: "\r\n").dropFirst().filter { $0.hasPrefix("2026-03-") }.map { line in
            let cells = line.components(separatedBy: ",")
            return "\(cells[0]) \(cells[1]) \(cells.last ?? "")"
        }
        #expect(whole.count == 137)
        #expect(listed == whole)
        #expect(listed.firstIndex(of: "2026-03-01  -500000") == 130)
        #expect(listed.firstIndex(of: "2026-03-02  -700000") == 136)
        #expect(Set(listed).count == 137)
    }

    /// A page of a long month reads its payments from `payments_tenant_time` in time order and stops: a
    /// month's bounds in the tenant's zone are index bounds, and nothing in the way loses the index's
    /// order (migration 0048). Sorting the month instead was 40 ms a view at make bench-scale's size.
    @Test func theLedgersFirstPageReadsItsPaymentsFromTheIndexInTimeOrder() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try F.busyMarch(tenantID: admin.tenantID, count: 2_000, secondsApart: 30)
        let plan = try RowLevelSecurityFixtures.app.scoped(toTenantID: admin.tenantID).transaction { db in
            // A table this small would otherwise be read whole and sorted, whatever the query allows.
            try db.query("set local enable_seqscan = off")
            try db.query("set local enable_bitmapscan = off")
            try db.query("set local enable_sort = off")
            return try db.query(
                """
                explain (analyze, costs off, timing off, summary off)
                select id from finance_payments_month($1, '2026-03-01') order by at fetch first 100 rows with ties
                """, admin.tenantID
            ).map { try $0.decode("QUERY PLAN", as: String.self) }
        }
        let scan = plan.first { $0.contains("Index Scan using payments_tenant_time") }
        #expect(scan?.contains("rows=101 ") == true, "\(plan.joined(separator: "\n"))")
        #expect(!plan.contains { $0.contains("Sort") }, "\(plan.joined(separator: "\n"))")
    }

    /// A month's sums read its payments from `payments_tenant_time` alone, which carries what they add
    /// and group by (migration 0050): one tenant's payments lie among every other tenant's, so from the
    /// table each was a page of its own (make bench-scale's November, 7,400 payments: 20 ms, 10 ms so).
    @Test func theMonthsSumsReadThePaymentsFromTheIndexAlone() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try Self.jakartaMarch(admin)
        // A busy store's month (for a handful of rows the planner may read them any way at all).
        try F.busyMarch(tenantID: admin.tenantID, count: 4_000, secondsApart: 600)
        // The planner reads an index alone only where vacuum has found the table's pages visible to all.
        try TestDatabase.owner.query("vacuum analyze payments")
        let plan = try RowLevelSecurityFixtures.app.scoped(toTenantID: admin.tenantID).transaction { db in
            try db.query("set local enable_seqscan = off")
            try db.query("set local enable_bitmapscan = off")
            return try db.query(
                """
                explain (costs off)
                select l.kind, l.day, l.item, l.channel, sum(l.amount), count(*)
                from finance_ledger_month($1, '2026-03-01') l
                group by grouping sets ((l.kind, l.day), (l.kind, l.item), (l.kind, l.channel))
                """, admin.tenantID
            ).map { try $0.decode("QUERY PLAN", as: String.self) }
        }
        #expect(plan.contains { $0.contains("Index Only Scan using payments_tenant_time") }, "\(plan.joined(separator: "\n"))")
        let page = try AdminFixtures.signedIn(admin).get(Self.march)
        #expect(page.status == 200 && page.text.contains("Home 20 Mbps"))
    }

    /// What a payment paid for is written with it when it is recorded (migration 0047): a plan renamed
    /// after its invoice was paid keeps its old name in that month's ledger, and a payment the webhook
    /// records carries its order's package.
    @Test func aPaymentKeepsWhatItPaidForAsItWasWhenItWasRecorded() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try Self.jakartaMarch(admin)
        try TestDatabase.owner.query("update plans set name = 'Rumah 50 Mbps' where tenant_id = $1", admin.tenantID)
        let page = try AdminFixtures.signedIn(admin).get(Self.march).text
        #expect(page.contains("\">Home 20 Mbps</td>") && !page.contains("Rumah 50 Mbps"))

        let (order, _) = try FulfilmentTests.paidSandboxOrder(StoreFixtures.Profile())
        let item = try TestDatabase.owner.query(
            "select p.item, o.profile_name from payments p join voucher_orders o on o.id = p.subject_id where p.subject_id = $1",
            order.id
        ).first
        let recorded = try item?.decode("item", as: String.self)
        let package = try item?.decode("profile_name", as: String.self)
        #expect(recorded != nil && recorded != "" && recorded == package)
    }

    @Test func theCSVHasEveryLedgerRowAndTheSameTotalsSafeForASpreadsheet() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try Self.jakartaMarch(admin)
        let browser = try AdminFixtures.signedIn(admin)
        try Self.expenses(browser)
        let csv = try browser.get("/admin/finance/export.csv?month=2026-03")
        #expect(csv.status == 200)
        #expect(csv.headers["Content-Type"] == "text/csv; charset=utf-8")
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "date,time,kind,channel,item,reference,note,amount")
        let rows = lines.dropFirst().filter { !$0.hasPrefix(",,total") }
        #expect(rows.count == 8, "6 payments and 2 expenses: \(rows)")
        let amounts = rows.compactMap { $0.split(separator: ",").last.flatMap { Int64($0) } }
        #expect(amounts.count == 8)
        #expect(amounts.filter { $0 > 0 }.reduce(0, +) - 10_000 == 182_000)
        #expect(amounts.reduce(0, +) == 182_000 - 3_500_000)
        #expect(lines.contains(",,total,income,,,,182000"))
        #expect(lines.contains(",,total,expenses,,,,-3500000"))
        #expect(lines.contains(",,total,net,,,,-3318000"))
        #expect(
            lines.contains(
                "2026-03-31,23:59,income,online,Harian,\(rows.first { $0.hasPrefix("2026-03-31,23:59") }!.split(separator: ",")[5]),,10000")
        )
        #expect(
            lines.contains(
                "2026-03-15,10:00,refund,online,Harian,\(rows.first { $0.hasPrefix("2026-03-15") }!.split(separator: ",")[5]),,-10000"))
        // A note that a spreadsheet would run stays text (a negative amount stays a number), and a comma
        // stays inside its cell.
        #expect(!csv.text.contains("'-"))
        #expect(csv.text.contains(",\"'=HYPERLINK(\"\"x\"\")\",-2000000"))
        #expect(csv.text.contains(",\"Upstream, March\",-1500000"))
        // A note that starts like a negative number but is a formula is still guarded.
        #expect(try browser.get("/admin/finance/export.csv?month=2026-04").text.contains(",'-1+1,-300000\r\n"))
    }

    @Test(arguments: ["-5000", "abc", "1000000000000000", "Rp 1.500,50", ""])
    func anExpenseWithABadAmountIsRefusedWithItsInputKeptAndNothingWritten(amount: String) throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/finance/expenses/new")
        let refused = try browser.post(
            "/admin/finance/expenses/new",
            ["spent_on": "2026-03-05", "category": "salaries", "amount": amount, "note": "Gaji <Maret>"])
        #expect(refused.status == 422)
        #expect(refused.text.contains("value=\"\(amount)\""))
        #expect(refused.text.contains("value=\"Gaji &lt;Maret&gt;\""))
        let message =
            amount.hasPrefix("-")
            ? "The amount cannot be negative"
            : amount.contains(",50")
                ? "whole rupiah, without sen"
                : "Enter an amount in rupiah from 1 to 100.000.000.000."
        #expect(refused.text.contains(message), "\(amount)")
        #expect(try F.expenseCount(tenantID: admin.tenantID) == 0)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)

        let badDate = try browser.post(
            "/admin/finance/expenses/new", ["spent_on": "2026-02-30", "category": "fuel", "amount": "5000", "note": ""])
        #expect(badDate.status == 422)
        #expect(badDate.text.contains("Enter a date such as 2026-11-30."))
        #expect(badDate.text.contains("Choose one of the categories."))
        #expect(try F.expenseCount(tenantID: admin.tenantID) == 0)
    }

    @Test func anExpenseIsEditedAndDeletedWithAnAuditRowEach() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try Self.expenses(browser)
        let id = try TestDatabase.owner.query(
            "select id from expenses where tenant_id = $1 and category = 'bandwidth'", admin.tenantID
        ).first!.decode("id", as: UUID.self)
        let path = "/admin/finance/expenses/\(id.uuidString.lowercased())"
        let form = try browser.get(path)
        #expect(form.status == 200)
        #expect(form.text.contains("value=\"1500000\""))
        let edited = try browser.post(path, ["spent_on": "2026-03-06", "category": "equipment", "amount": "1.750.000", "note": "Switch"])
        #expect(edited.status == 303)
        #expect(try F.expenses(tenantID: admin.tenantID, from: "2026-03-06", to: "2026-03-07") == 1_750_000)
        #expect(try browser.get(Self.march).text.contains("Switch"))
        #expect(try browser.post(path + "/delete", [:]).status == 303)
        #expect(try F.expenseCount(tenantID: admin.tenantID) == 2)
        let actions = try TestDatabase.owner.query(
            "select action from audit_log where tenant_id = $1 order by id", admin.tenantID
        ).map { try $0.decode("action", as: String.self) }
        #expect(actions == ["expense.create", "expense.create", "expense.create", "expense.update", "expense.delete"])
    }

    @Test func anotherTenantsAdminSeesNoneOfItsMoneyAndGets404ForItsExpense() throws {
        let first = try AdminFixtures.tenantWithAdmin()
        try Self.jakartaMarch(first)
        let firstBrowser = try AdminFixtures.signedIn(first)
        try Self.expenses(firstBrowser)
        let id = try TestDatabase.owner.query("select id from expenses where tenant_id = $1 limit 1", first.tenantID)
            .first!.decode("id", as: UUID.self)
        let path = "/admin/finance/expenses/\(id.uuidString.lowercased())"

        let second = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(second)
        try F.payment(
            tenantID: second.tenantID, subject: "reseller", subjectID: UUID(), amount: 4_000, at: "2026-03-12T12:00:00+07:00",
            method: "cash")
        let page = try browser.get(Self.march)
        #expect(F.summary("Income", in: page.text) == 4_000)
        #expect(F.summary("Expenses", in: page.text) == 0)
        #expect(!page.text.contains("Harian") && !page.text.contains("Upstream"))
        #expect(try browser.get(path).status == 404)
        #expect(try browser.post(path, ["spent_on": "2026-03-01", "category": "rent", "amount": "1", "note": ""]).status == 404)
        #expect(try browser.post(path + "/delete", [:]).status == 404)
        #expect(try browser.get("/admin/finance/expenses/not-a-uuid").status == 404)
        #expect(try F.expenseCount(tenantID: first.tenantID) == 3)
        #expect(try browser.get("/admin/finance?month=2026-13").status == 400)
        // Without signing in: the login page, not the figures.
        #expect(try PortalBrowser(host: second.host).get(Self.march).status == 303)
    }

    /// A month is found through a bound on the payment's time in UTC (migration 0045) before its day in
    /// the tenant's zone decides: the zones furthest from UTC, 14 hours ahead and 12 behind, keep their
    /// edges on the right side, on the tenant's page and in head office's row.
    @Test(arguments: [
        // 00:00 on 1 March is 10:00 on 28 February in UTC; 00:00 on 1 April is still 31 March in UTC.
        ("Pacific/Kiritimati", "2026-03-01T00:00:00+14:00", "2026-04-01T00:00:00+14:00", "2026-04"),
        // 23:59 on 31 March is 11:59 on 1 April in UTC; 23:59 on 28 February is already 1 March in UTC.
        ("Etc/GMT+12", "2026-03-31T23:59:00-12:00", "2026-02-28T23:59:00-12:00", "2026-02"),
    ])
    func aMonthsEdgesHoldInTheZonesFurthestFromUTC(zone: String, inMarch: String, outside: String, outsideMonth: String)
        throws
    {
        let admin = try AdminFixtures.tenantWithAdmin()
        try TestDatabase.owner.query("update tenant_branding set time_zone = $2 where tenant_id = $1", admin.tenantID, zone)
        try F.payment(tenantID: admin.tenantID, subject: "reseller", subjectID: UUID(), amount: 40_000, at: inMarch, method: "cash")
        try F.payment(tenantID: admin.tenantID, subject: "reseller", subjectID: UUID(), amount: 5_000, at: outside, method: "cash")
        let browser = try AdminFixtures.signedIn(admin)
        #expect(F.summary("Income", in: try browser.get(Self.march).text) == 40_000)
        #expect(F.summary("Income", in: try browser.get("/admin/finance?month=\(outsideMonth)").text) == 5_000)

        let slug = try TestDatabase.owner.query("select slug from tenants where id = $1", admin.tenantID).first!
            .decode("slug", as: String.self)
        let (office, _) = try HeadOfficeFixtures.signedIn()
        let rows = HeadOfficeFinanceTests.table(try office.get("/head-office/finance?month=2026-03&q=\(slug)").text)
        #expect(rows.first { $0.store.hasSuffix("(\(slug))") }?.income == 40_000)
    }

    /// A payment's day is cut at local midnight on both sides of a change of offset (migration 0051 finds
    /// it among the month's midnights, each converted by the zone's rules): New York moves from UTC-5 to
    /// UTC-4 at 02:00 on 8 March 2026.
    @Test func aPaymentsDayFollowsTheZonesChangeOfOffset() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        try TestDatabase.owner.query(
            "update tenant_branding set time_zone = 'America/New_York' where tenant_id = $1", admin.tenantID)
        for (at, amount) in [
            ("2026-03-07T23:59:00-05:00", 1_000), ("2026-03-08T00:30:00-05:00", 2_000), ("2026-03-08T23:30:00-04:00", 4_000),
            ("2026-03-09T00:00:00-04:00", 8_000), ("2026-03-31T23:59:00-04:00", 16_000),
        ] as [(String, Int64)] {
            try F.payment(tenantID: admin.tenantID, subject: "reseller", subjectID: UUID(), amount: amount, at: at, method: "cash")
        }
        let page = try AdminFixtures.signedIn(admin).get(Self.march).text
        let perDay = Dictionary(
            uniqueKeysWithValues: zip(F.cells("Day", in: page), F.cells("Income", in: page).compactMap(F.rupiah)).prefix(4))
        #expect(perDay == ["2026-03-07": 1_000, "2026-03-08": 6_000, "2026-03-09": 8_000, "2026-03-31": 16_000])
    }
}
