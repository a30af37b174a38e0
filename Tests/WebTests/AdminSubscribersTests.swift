import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@testable import Web

/// `/admin/subscribers`: create and edit with kept input, generated customer numbers, the PPPoE account
/// in RADIUS, suspend/terminate/restore, the portal password, the invoices, search, filters, pages, and
/// nothing of another tenant.
@Suite struct AdminSubscribersTests {
    let admin: AdminFixtures.Admin
    let planID: UUID

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
        planID = try Self.plan(tenantID: admin.tenantID, group: "home20")
    }

    static func plan(tenantID: UUID, group: String, active: Bool = true) throws -> UUID {
        try TestDatabase.owner.query(
            """
            insert into plans (tenant_id, name, price, download_kbps, upload_kbps, radius_group, is_active)
            values ($1, $2, 200000, 20000, 10000, $2, $3) returning id
            """, tenantID, group, active
        ).first!.decode("id", as: UUID.self)
    }

    var slug: String { String(admin.host.prefix { $0 != "." }) }

    func fields(_ overrides: [String: String] = [:]) -> [String: String] {
        let code = PortalFixtures.uniqueCode().lowercased()
        return [
            "name": "Sari Dewi", "phone": "0812 3456 7890", "email": "sari@example.test", "address": "Jl. Melati 5",
            "pppoe_username": "sari\(code)@net.id", "pppoe_password": "pp-Secret1", "plan_id": planID.uuidString.lowercased(),
            "billing_day": "15", "installation_date": "2026-11-03", "notes": "Tower B",
        ].merging(overrides) { $1 }
    }

    func signedIn() throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/subscribers/new")
        return browser
    }

    /// The subscriber id a create redirected to.
    static func createdID(_ response: TestHTTPResponse) throws -> String {
        let location = try #require(response.headers.values("Location").first, "\(response.status): \(response.text)")
        return String(try #require(location.split(separator: "/").last?.split(separator: "?").first))
    }

    func radius(_ username: String) throws -> (checks: [String], groups: [String]) {
        let checks = try TestDatabase.owner.query(
            "select attribute || '=' || value as c from radcheck where tenant_id = $1 and username = $2 order by 1",
            admin.tenantID, username
        ).map { try $0.decode("c", as: String.self) }
        let groups = try TestDatabase.owner.query(
            "select groupname from radusergroup where tenant_id = $1 and username = $2", admin.tenantID, username
        ).map { try $0.decode("groupname", as: String.self) }
        return (checks, groups)
    }

    @Test func aCreatedSubscriberIsStoredWithTheNextCustomerNumberItsPPPoEAccountAndAnAuditRow() throws {
        let browser = try signedIn()
        let typed = fields()
        let created = try browser.post("/admin/subscribers/new", typed)
        #expect(created.status == 303)
        let id = try Self.createdID(created)
        let row = try TestDatabase.owner.query(
            """
            select customer_number, phone, billing_day, installation_date::text as installed, notes, status
            from subscribers where id = $1::uuid
            """, id
        ).first!
        #expect(try row.decode("customer_number", as: String.self) == "1001")
        #expect(try row.decode("phone", as: String.self) == "+6281234567890")
        #expect(try row.decode("billing_day", as: Int.self) == 15)
        #expect(row.decode("installed", as: String?.self) == "2026-11-03")
        #expect(try row.decode("status", as: String.self) == "active")
        let username = try #require(typed["pppoe_username"])
        let radius = try radius(username)
        #expect(radius.checks == ["Cleartext-Password=pp-Secret1"])
        #expect(radius.groups == ["\(slug)-home20"])
        let audit = try TestDatabase.owner.query(
            "select action, after::text as after from audit_log where tenant_id = $1", admin.tenantID)
        #expect(audit.count == 1)
        #expect(try audit.first!.decode("action", as: String.self) == "subscriber.create")
        #expect(try !audit.first!.decode("after", as: String.self).contains("password"))

        let page = try browser.get("/admin/subscribers/\(id)?saved=1")
        #expect(page.status == 200)
        #expect(page.text.contains("Sari Dewi"))
        #expect(page.text.contains("Cleartext-Password"))
        #expect(try browser.post("/admin/subscribers/new", fields(["name": "Second"])).status == 303)
        #expect(
            try TestDatabase.owner.query(
                "select 1 from subscribers where tenant_id = $1 and customer_number = '1002'", admin.tenantID
            ).count == 1)
    }

    /// Admins adding subscribers at the same moment each get a number of their own.
    @Test func generatedCustomerNumbersStayUniqueWhenAdminsAddAtOnce() throws {
        // Each thread gets its own browser, made from a signed-in one's cookies and form token.
        let sessions = try (0..<6).map { _ in
            let browser = try signedIn()
            return (cookies: browser.cookies, csrf: browser.csrf)
        }
        let forms = sessions.map { _ in fields() }
        let host = admin.host
        let statuses = Mutex([Int]())
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            let browser = PortalBrowser(host: host)
            browser.cookies = sessions[index].cookies
            browser.csrf = sessions[index].csrf
            let status = (try? browser.post("/admin/subscribers/new", forms[index]).status) ?? 0
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 303, count: 6))
        let numbers = try TestDatabase.owner.query(
            "select customer_number from subscribers where tenant_id = $1 order by customer_number::integer", admin.tenantID
        ).map { try $0.decode("customer_number", as: String.self) }
        #expect(numbers == ["1001", "1002", "1003", "1004", "1005", "1006"])
    }

    @Test func badInputKeepsWhatWasTypedAndAnswers422WithTheFieldsMessage() throws {
        let browser = try signedIn()
        let refused = try browser.post(
            "/admin/subscribers/new",
            fields([
                "name": "Kept Name", "phone": "12ab", "pppoe_username": "Bad User", "pppoe_password": "", "billing_day": "32",
                "installation_date": "2026-02-30",
            ]))
        #expect(refused.status == 422)
        #expect(refused.text.contains(#"value="Kept Name""#))
        #expect(refused.text.contains(#"value="Bad User""#))
        #expect(refused.text.contains(#"value="12ab""#))
        #expect(refused.text.contains("A WhatsApp number may only contain digits"))
        #expect(refused.text.contains("Use 3 to 64 lower-case letters"))
        #expect(refused.text.contains("Enter a day from 1 to 31."))
        #expect(refused.text.contains("Enter a date as YYYY-MM-DD."))
        #expect(refused.text.contains("Fill in this field."))
        // FreeRADIUS refuses a realm without a dot before checking any password.
        let realm = try browser.post("/admin/subscribers/new", fields(["pppoe_username": "budi@rumah"]))
        #expect(realm.status == 422)
        #expect(realm.text.contains("Use 3 to 64 lower-case letters"))
        let otherTenantsPlan = try Self.plan(tenantID: try AdminFixtures.tenantWithAdmin().tenantID, group: "x")
        let foreignPlan = try browser.post("/admin/subscribers/new", fields(["plan_id": otherTenantsPlan.uuidString]))
        #expect(foreignPlan.status == 422)
        #expect(foreignPlan.text.contains("Choose one of your active plans."))
        #expect(try TestDatabase.owner.query("select 1 from subscribers where tenant_id = $1", admin.tenantID).isEmpty)
    }

    @Test func aTakenPPPoEUsernameOrCustomerNumberIsAClearMessage() throws {
        let browser = try signedIn()
        let first = fields(["customer_number": "ab-77"])
        #expect(try browser.post("/admin/subscribers/new", first).status == 303)
        let sameUser = try browser.post("/admin/subscribers/new", fields(["pppoe_username": first["pppoe_username"]!]))
        #expect(sameUser.status == 422)
        #expect(sameUser.text.contains("This PPPoE user name is already taken"))
        let sameNumber = try browser.post("/admin/subscribers/new", fields(["customer_number": "AB-77"]))
        #expect(sameNumber.status == 422)
        #expect(sameNumber.text.contains("Another subscriber already has this customer number."))
        #expect(sameNumber.text.contains(#"value="AB-77""#))
        // Another ISP's user name is free here: each ISP's routers ask only for its own users.
        let other = try AdminFixtures.tenantWithAdmin()
        let theirs = try PortalFixtures.subscriber(tenantID: other.tenantID)
        let shared = "shared\(PortalFixtures.uniqueCode().lowercased())@net.id"
        try TestDatabase.owner.query("update subscribers set pppoe_username = $2 where id = $1", theirs.id, shared)
        #expect(try browser.post("/admin/subscribers/new", fields(["pppoe_username": shared])).status == 303)
    }

    @Test func anEditCarriesTheUserNamePasswordAndPlanIntoRADIUSAndAnIsolatedOneStaysIsolated() throws {
        let browser = try signedIn()
        let typed = fields()
        let id = try Self.createdID(try browser.post("/admin/subscribers/new", typed))
        let family = try Self.plan(tenantID: admin.tenantID, group: "family50")
        try browser.get("/admin/subscribers/\(id)")
        let renamed = "renamed\(PortalFixtures.uniqueCode().lowercased())"
        let edited = try browser.post(
            "/admin/subscribers/\(id)",
            fields([
                "pppoe_username": renamed, "pppoe_password": "new-Secret2", "plan_id": family.uuidString.lowercased(),
                "customer_number": "",
            ]))
        #expect(edited.status == 303, "\(edited.status): \(edited.text)")
        #expect(try radius(typed["pppoe_username"]!).checks.isEmpty)
        #expect(try radius(renamed).checks == ["Cleartext-Password=new-Secret2"])
        #expect(try radius(renamed).groups == ["\(slug)-family50"])
        // A blank customer number and password keep the stored ones.
        #expect(
            try TestDatabase.owner.query("select customer_number from subscribers where id = $1::uuid", id)
                .first!.decode("customer_number", as: String.self) == "1001")
        try browser.post("/admin/subscribers/\(id)", fields(["pppoe_username": renamed, "pppoe_password": ""]))
        #expect(try radius(renamed).checks == ["Cleartext-Password=new-Secret2"])
        #expect(try radius(renamed).groups == ["\(slug)-home20"])

        try TestDatabase.owner.query("update subscribers set status = 'isolated' where id = $1::uuid", id)
        try TestDatabase.owner.query(
            "update radusergroup set groupname = $2 where username = $1", renamed, "\(slug)-isolated")
        try browser.post(
            "/admin/subscribers/\(id)", fields(["pppoe_username": renamed, "plan_id": family.uuidString.lowercased()]))
        #expect(try radius(renamed).groups == ["\(slug)-isolated"])
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 4)
    }

    @Test func suspendTerminateAndRestoreKeepAReasonAndRefuseOrAllowThePPPoEAccount() throws {
        let browser = try signedIn()
        let typed = fields()
        let id = try Self.createdID(try browser.post("/admin/subscribers/new", typed))
        let username = typed["pppoe_username"]!
        try browser.get("/admin/subscribers/\(id)")
        let noReason = try browser.post("/admin/subscribers/\(id)/suspend", ["reason": ""])
        #expect(noReason.status == 422)
        #expect(noReason.text.contains("Give a reason"))

        #expect(try browser.post("/admin/subscribers/\(id)/suspend", ["reason": "Moving house"]).status == 303)
        let suspended = try TestDatabase.owner.query(
            "select status, status_reason, status_changed_at > now() - interval '1 minute' as recent from subscribers where id = $1::uuid",
            id
        ).first!
        #expect(try suspended.decode("status", as: String.self) == "suspended")
        #expect(try suspended.decode("status_reason", as: String.self) == "Moving house")
        #expect(try suspended.decode("recent", as: Bool.self))
        #expect(try radius(username).checks.contains("Auth-Type=Reject"))
        let page = try browser.get("/admin/subscribers/\(id)?status=1")
        #expect(page.text.contains("Suspended since"))
        #expect(page.text.contains("Moving house"))
        // Suspending again does not apply.
        #expect(try browser.post("/admin/subscribers/\(id)/suspend", ["reason": "Again"]).status == 409)

        #expect(try browser.post("/admin/subscribers/\(id)/terminate", ["reason": "Contract ended"]).status == 303)
        #expect(try radius(username).checks.filter { $0 == "Auth-Type=Reject" }.count == 1)
        #expect(try browser.post("/admin/subscribers/\(id)/restore", ["reason": "Came back"]).status == 303)
        #expect(try radius(username).checks == ["Cleartext-Password=pp-Secret1"])
        #expect(try radius(username).groups == ["\(slug)-home20"])
        let actions = try TestDatabase.owner.query(
            "select action from audit_log where tenant_id = $1 order by id", admin.tenantID
        ).map { try $0.decode("action", as: String.self) }
        #expect(actions == ["subscriber.create", "subscriber.suspend", "subscriber.terminate", "subscriber.restore"])
    }

    @Test func thePortalPasswordSetHereSignsTheSubscriberInToThePortal() throws {
        let browser = try signedIn()
        let id = try Self.createdID(try browser.post("/admin/subscribers/new", fields()))
        try browser.get("/admin/subscribers/\(id)")
        let short = try browser.post("/admin/subscribers/\(id)/portal-password", ["portal_password": "short"])
        #expect(short.status == 422)
        #expect(short.text.contains("A password has 10 to 200 characters."))
        #expect(try browser.post("/admin/subscribers/\(id)/portal-password", ["portal_password": "portal-Pass-1"]).status == 303)
        let portal = PortalBrowser(host: admin.host)
        let login = try portal.logIn("1001", "portal-Pass-1")
        #expect(login.status == 303, "\(login.status): \(login.text)")
        #expect(try portal.get("/portal").text.contains("Sari Dewi"))
        #expect(
            try TestDatabase.owner.query(
                "select 1 from audit_log where tenant_id = $1 and action = 'subscriber.portal_password'", admin.tenantID
            ).count == 1)
    }

    @Test func theSubscribersPageListsItsInvoicesWithLinks() throws {
        let subscriber = try PortalFixtures.subscriber(tenantID: admin.tenantID)
        let invoice = try PortalFixtures.invoice(for: subscriber, period: "2026-10")
        let page = try signedIn().get("/admin/subscribers/\(subscriber.id.uuidString.lowercased())")
        #expect(page.status == 200)
        #expect(page.text.contains(#"href="/admin/invoices/\#(invoice.number)""#))
    }

    @Test func searchFiltersAndPages() throws {
        let tag = PortalFixtures.uniqueCode()
        var made: [PortalFixtures.Subscriber] = []
        for index in 0..<27 {
            made.append(try PortalFixtures.subscriber(tenantID: admin.tenantID, name: "Pelanggan \(tag) \(index + 10)"))
        }
        try TestDatabase.owner.query(
            "update subscribers set phone = '+6281399990000' where id = $1", made[3].id)
        try TestDatabase.owner.query("update subscribers set status = 'isolated' where id = $1", made[4].id)
        try PortalFixtures.invoice(for: made[5], period: "2026-09", dueInDays: -5)
        let browser = try signedIn()

        let first = try browser.get("/admin/subscribers")
        #expect(first.text.contains("Page 1 of 2"))
        #expect(first.text.contains("27 subscribers"))
        let second = try browser.get("/admin/subscribers?page=2")
        #expect(second.text.contains("Page 2 of 2"))
        #expect(second.text.components(separatedBy: "Pelanggan \(tag)").count - 1 == 2)
        #expect(try browser.get("/admin/subscribers?page=x").status == 400)
        #expect(try browser.get("/admin/subscribers?status=gone").status == 400)

        func found(_ query: String, status: String = "") throws -> Int {
            let text = try browser.get(
                "/admin/subscribers?q=\(PortalBrowser.encode(query))&status=\(status)"
            ).text
            return text.components(separatedBy: "Pelanggan \(tag)").count - 1
        }
        #expect(try found("pelanggan \(tag.lowercased()) 12") == 1)
        #expect(try found(made[7].customerNumber.lowercased()) == 1)
        #expect(try found(made[8].pppoeUsername.uppercased()) == 1)
        #expect(try found("0813-9999-0000") == 1)
        #expect(try found("", status: "isolated") == 1)
        #expect(try found("", status: "overdue") == 1)
        #expect(try found("", status: "active") == 25)
        // Never cut: a search longer than any name finds nothing rather than something shorter.
        #expect(try found("pelanggan \(tag.lowercased()) 1" + String(repeating: "0", count: 150)) == 0)

        // A search matching all of them is counted and paged in name order like the list, and a page past
        // its end shows its last page.
        let everyone = "/admin/subscribers?q=" + PortalBrowser.encode("pelanggan \(tag.lowercased())")
        let searched = try browser.get(everyone).text
        #expect(searched.contains("Page 1 of 2") && searched.contains("27 subscribers"))
        #expect(searched.contains("Pelanggan \(tag) 10") && !searched.contains("Pelanggan \(tag) 36"))
        let pastEnd = try browser.get(everyone + "&page=9").text
        #expect(pastEnd.contains("Page 2 of 2"))
        #expect(pastEnd.components(separatedBy: "Pelanggan \(tag)").count - 1 == 2)
        #expect(pastEnd.contains("Pelanggan \(tag) 35") && pastEnd.contains("Pelanggan \(tag) 36"))
    }

    /// A search reads what it compares from the list's index alone, in name order (migration 0050; with a
    /// status too, the planner may take the status's own index where that status is rare), and
    /// the page's rows are each found by their key: from the table, a search of a large ISP's 20,000
    /// subscribers was a heap page a subscriber, and the page's rows were found by walking each plan's
    /// subscribers (make bench-scale: 14 and 6 ms in PostgreSQL, 8 and 1.3 ms this way).
    @Test func aSearchReadsTheListsIndexAloneAndThePagesRowsByTheirKeys() throws {
        let made = try (0..<3).map { try PortalFixtures.subscriber(tenantID: admin.tenantID, name: "Budi \($0)") }
        // A large ISP's list (the planner's choices for a handful of rows say nothing), over two plans.
        let other = try Self.plan(tenantID: admin.tenantID, group: "home50")
        try TestDatabase.owner.query(
            """
            insert into subscribers (tenant_id, customer_number, pppoe_username, name, password_hash, plan_id)
            select $1, 'B-' || n, 'bulk' || n || '@isp.test', 'Pelanggan ' || n, '$2a$04$' || repeat('x', 53),
                case when n % 2 = 0 then $2::uuid else $3::uuid end
            from generate_series(1, 2000) n
            """, admin.tenantID, planID, other)
        // The planner reads an index alone only where vacuum has found the table's pages visible to all.
        try TestDatabase.owner.query("vacuum analyze subscribers")
        let plans = try RowLevelSecurityFixtures.app.scoped(toTenantID: admin.tenantID).transaction { db in
            // A table this small would otherwise be read whole and sorted, whatever the indexes allow.
            try db.query("set local enable_seqscan = off")
            try db.query("set local enable_bitmapscan = off")
            try db.query("set local enable_sort = off")
            let search = try db.query(
                """
                explain (costs off) select s.id, s.name, s.customer_number from subscribers s
                where s.tenant_id = $1
                    and subscriber_matches_search(s.search_name, s.customer_number, s.pppoe_username, s.phone, 'budi', null)
                order by s.name, s.customer_number
                """, admin.tenantID
            ).map { try $0.decode("QUERY PLAN", as: String.self) }
            let rows = try db.query(
                """
                explain (costs off) select s.* from unnest($2::uuid[]) as page(id)
                cross join lateral (
                    select * from subscribers_with_plan s where s.tenant_id = $1 and s.id = page.id offset 0
                ) as s
                """, admin.tenantID, made.map(\.id)
            ).map { try $0.decode("QUERY PLAN", as: String.self) }
            return (search, rows)
        }
        let search = plans.0.joined(separator: "\n")
        #expect(search.contains("Index Only Scan using subscribers_tenant_list"), "\(search)")
        #expect(!search.contains("Sort"), "\(search)")
        let rows = plans.1.joined(separator: "\n")
        #expect(rows.contains("Index Scan using subscribers_pkey"), "\(rows)")
        #expect(!rows.contains("subscribers_plan"), "\(rows)")
        #expect(try signedIn().get("/admin/subscribers?q=budi").text.components(separatedBy: "Budi ").count - 1 == 3)
    }

    @Test func anotherTenantsSubscribersAre404AndNeverListed() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let theirs = try PortalFixtures.subscriber(tenantID: other.tenantID, name: "Foreign Person")
        let path = "/admin/subscribers/\(theirs.id.uuidString.lowercased())"
        let browser = try signedIn()
        #expect(try browser.get(path).status == 404)
        #expect(try browser.post(path, fields()).status == 404)
        for action in ["suspend", "terminate", "restore"] {
            #expect(try browser.post(path + "/" + action, ["reason": "x"]).status == 404)
        }
        #expect(try browser.post(path + "/portal-password", ["portal_password": "portal-Pass-1"]).status == 404)
        #expect(!(try browser.get("/admin/subscribers").text.contains("Foreign Person")))
        #expect(!(try browser.get("/admin/subscribers?q=Foreign").text.contains("Foreign Person")))
        #expect(!(try browser.get("/admin/subscribers?q=\(theirs.customerNumber)").text.contains("Foreign Person")))
        #expect(
            try TestDatabase.owner.query("select status from subscribers where id = $1", theirs.id)
                .first!.decode("status", as: String.self) == "active")
    }
}
