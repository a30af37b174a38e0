import Foundation
import TestSupport
import Testing

@testable import Web

/// `/head-office`: creating a tenant (slug rules, a working store at once), activating, deactivating and
/// deleting one; each change audited once, and every POST refused without the session's token.
@Suite struct HeadOfficeTenantsTests {
    static func newSlug() -> String { TestDatabase.uniqueSlug("ho") }

    /// A valid create form with `overrides` applied.
    static func fields(_ overrides: [String: String]) -> [String: String] {
        [
            "slug": newSlug(), "name": "New ISP", "tier": "starter",
            "admin_email": "owner-\(UUID().uuidString.prefix(8))@isp.test", "admin_password": "first-password-1",
        ].merging(overrides) { $1 }
    }

    @Test func aCreatedTenantServesAWorkingStoreAtOnceAndIsAuditedOnce() throws {
        try GatewayAccountTests.ensureCentralAccount()
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let slug = Self.newSlug()
        let owner = "Owner-\(UUID().uuidString.prefix(8))@Delta.test"
        let created = try browser.post(
            "/head-office/tenants",
            Self.fields(["slug": slug, "name": "Delta Net <b>", "tier": "professional", "admin_email": owner]))
        #expect(created.status == 303)
        #expect(created.headers["Location"] == "/head-office/tenants/\(slug)/created")
        let row = try #require(try HeadOfficeFixtures.tenantRow(slug: slug))
        #expect(row.isActive && !row.isDeleted && row.tier == "professional")

        // What to pass on to the ISP: the store, its admin, the first admin's email; never the password.
        let summary = try browser.get("/head-office/tenants/\(slug)/created")
        #expect(summary.status == 200)
        #expect(summary.text.contains(#"<p class="form-notice" role="status">Delta Net &lt;b&gt; was created."#))
        #expect(summary.text.contains(#"href="http://\#(slug).localhost/""#))
        #expect(summary.text.contains(#"href="http://\#(slug).localhost/admin""#))
        #expect(summary.text.contains(owner.lowercased()))
        #expect(summary.text.contains("Admin sign-in: http://\(slug).localhost/admin"))
        #expect(!summary.text.contains("first-password-1"))

        // Found by its slug: the list is paged, and other tests' tenants fill its first page.
        let list = try browser.get("/head-office?q=\(slug)")
        #expect(list.text.contains("Delta Net &lt;b&gt;"))
        #expect(list.text.contains("\(slug).localhost"))

        let store = PortalBrowser(server: HeadOfficeFixtures.server, host: "\(slug).localhost")
        let home = try store.get("/")
        #expect(home.status == 200)
        #expect(home.text.contains("Delta Net &lt;b&gt;"))
        #expect(home.text.contains("Voucher 1 Hari"))
        let profileID = try #require(
            try TestDatabase.owner.query("select id from voucher_profiles where tenant_id = $1", row.id)
                .first?.decode("id", as: UUID.self))
        let attempt = try OrderAttempt.start(Browser(server: HeadOfficeFixtures.server, host: "\(slug).localhost"), profileID: profileID)
        let submitted = try attempt.submit()
        #expect(submitted.status == 303, "the store takes an order through the central gateway")
        #expect(submitted.headers["Location"]?.contains("/sandbox/checkout/") == true)

        let audit = try HeadOfficeFixtures.auditRows(actor: admin.email)
        #expect(audit.count == 1)
        #expect(audit.first?.tenantID == row.id && audit.first?.action == "tenant.create")
        #expect(audit.first?.document.contains("first-password-1") == false)

        let tenantAdmin = HeadOfficeFixtures.browser(host: "\(slug).localhost")
        try tenantAdmin.get("/admin/login")
        let signedIn = try tenantAdmin.post("/admin/login", ["login": owner, "password": "first-password-1"])
        #expect(signedIn.status == 303, "the ISP's first admin signs in on the new store")
    }

    /// The starter package's group is `<slug>-daily`; when another tenant already owns that name
    /// (`x` + `net-daily` is `x-net-daily`), the new tenant's package takes the next free variant.
    @Test func aNewTenantsStarterPackageAvoidsAGroupNameAnotherTenantOwns() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let older = try TestDatabase.createTenant(slug: Self.newSlug(), name: "Older ISP")
        try AdminProfilesTests.profile(tenantID: older.id, name: "Older daily", group: "net-daily")
        let slug = older.slug + "-net"
        #expect(try browser.post("/head-office/tenants", Self.fields(["slug": slug, "name": "Newer ISP"])).status == 303)
        let row = try #require(try HeadOfficeFixtures.tenantRow(slug: slug))
        let groups = try TestDatabase.owner.query("select radius_group from voucher_profiles where tenant_id = $1", row.id)
            .map { try $0.decode("radius_group", as: String.self) }
        #expect(groups == ["daily-2"])
        // Without a clash the package keeps its plain name.
        let plain = Self.newSlug()
        #expect(try browser.post("/head-office/tenants", Self.fields(["slug": plain])).status == 303)
        let plainRow = try #require(try HeadOfficeFixtures.tenantRow(slug: plain))
        #expect(
            try TestDatabase.owner.query("select radius_group from voucher_profiles where tenant_id = $1", plainRow.id)
                .first?.decode("radius_group", as: String.self) == "daily")
    }

    @Test(arguments: ["www", "admin", "mgmt", "api", "mail", "app", "static", "assets"])
    func eachReservedSlugIsRefusedWithItsMessageAndTheInputIsKept(slug: String) throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let response = try browser.post("/head-office/tenants", Self.fields(["slug": slug, "name": "Reserved ISP \(slug)"]))
        #expect(response.status == 422)
        #expect(response.text.contains("f-slug-error"))
        #expect(response.text.contains("“\(slug)” is reserved for the platform"))
        #expect(response.text.contains(#"value="\#(slug)""#))
        #expect(response.text.contains(#"value="Reserved ISP \#(slug)""#))
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test(arguments: [
        ("", "Enter a slug."), ("ab", "A slug has 3 to 30 characters."),
        (String(repeating: "a", count: 31), "A slug has 3 to 30 characters."),
        ("Alpha", "Use only lower-case letters"), ("my_isp", "Use only lower-case letters"),
        ("isp.net", "Use only lower-case letters"), ("-isp", "cannot start or end with a hyphen"),
        ("isp-", "cannot start or end with a hyphen"), ("<script>", "Use only lower-case letters"),
    ])
    func eachMalformedSlugIsRefusedWithItsMessageAndTheInputIsKept(slug: String, message: String) throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let response = try browser.post("/head-office/tenants", Self.fields(["slug": slug]))
        #expect(response.status == 422)
        #expect(response.text.contains(message))
        let escaped = slug.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(response.text.contains(#"name="slug" value="\#(escaped)""#))
        #expect(try HeadOfficeFixtures.tenantRow(slug: slug) == nil)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test func aTakenSlugAMissingNameAndAnUnknownTierEachHaveTheirMessage() throws {
        let existing = try TestDatabase.createTenant(slug: Self.newSlug())
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let taken = try browser.post("/head-office/tenants", Self.fields(["slug": existing.slug]))
        #expect(taken.status == 422)
        #expect(taken.text.contains("This slug is already taken."))
        let invalid = try browser.post(
            "/head-office/tenants",
            Self.fields(["name": "  ", "tier": "platinum", "admin_email": "not-an-email", "admin_password": "short"]))
        #expect(invalid.status == 422)
        #expect(invalid.text.contains("This email address is not valid."))
        #expect(invalid.text.contains("A password has 10 to 200 characters."))
        #expect(invalid.text.contains(#"value="not-an-email""#))
        #expect(!invalid.text.contains(#"value="short""#), "the password is never written back")
        #expect(invalid.text.contains("Enter the ISP&#39;s name.") || invalid.text.contains("Enter the ISP's name."))
        #expect(invalid.text.contains("Choose one of the tiers."))
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test func eachTenantsRoutersAndOnlineSessionsAreCounted() throws {
        let name = "Routers ISP \(UUID().uuidString.prefix(6))"
        let tenant = try TestDatabase.createTenant(slug: Self.newSlug(), name: name)
        for address in ["10.77.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))", "10.78.\(Int.random(in: 0...255)).1"] {
            try TestDatabase.owner.query(
                "insert into nas (tenant_id, nasname, shortname, secret) values ($1, $2, $2, 'router-secret')",
                tenant.id, address)
        }
        try TestDatabase.owner.query(
            """
            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, tenant_id)
            values ('s1', md5(random()::text), 'someone', '10.0.0.1', now(), $1),
                ('s2', md5(random()::text), 'gone', '10.0.0.1', now(), $1)
            """, tenant.id)
        try TestDatabase.owner.query("update radacct set acctstoptime = now() where tenant_id = $1 and username = 'gone'", tenant.id)
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let page = try browser.get("/head-office?q=\(tenant.slug)").text
        let row = try #require(page.range(of: name).map { String(page[$0.upperBound...]) })
        let cells = String(row[..<(row.range(of: "</tr>")?.lowerBound ?? row.endIndex)])
        #expect(cells.contains(#"<td class="number" data-label="Routers">2</td><td class="number" data-label="Online">1</td>"#), "\(cells)")
    }

    @Test func deactivatingATenantTakesItsStoreOfflineAndActivatingBringsItBack() throws {
        let tenant = try TestDatabase.createTenant(slug: Self.newSlug())
        let host = "\(tenant.slug).localhost"
        let store = PortalBrowser(server: HeadOfficeFixtures.server, host: host)
        #expect(try store.get("/").status == 200)
        let (browser, admin) = try HeadOfficeFixtures.signedIn()

        let deactivated = try browser.post("/head-office/tenants/deactivate", ["slug": tenant.slug])
        #expect(deactivated.status == 303)
        #expect(deactivated.headers["Location"] == "/head-office?done=deactivated")
        #expect(try HeadOfficeFixtures.status(of: "/", on: store, becoming: 404) == 404)
        #expect(try HeadOfficeFixtures.tenantRow(slug: tenant.slug)?.isActive == false)
        let notice = try browser.get("/head-office?done=deactivated").text
        #expect(notice.contains(#"<p class="form-notice" role="status">The tenant is deactivated"#))
        #expect(try browser.get("/head-office?q=\(tenant.slug)").text.contains("Inactive"))

        #expect(try browser.post("/head-office/tenants/activate", ["slug": tenant.slug]).status == 303)
        #expect(try HeadOfficeFixtures.status(of: "/", on: store, becoming: 200) == 200)
        let audit = try HeadOfficeFixtures.auditRows(actor: admin.email)
        #expect(audit.map(\.action) == ["tenant.deactivate", "tenant.activate"])
        #expect(audit.allSatisfy { $0.tenantID == tenant.id })
    }

    @Test func deletingAsksForTheSlugThenTakesTheStoreOfflineAndARestoreBringsItBack() throws {
        let name = "Doomed ISP \(UUID().uuidString.prefix(6))"
        let tenant = try TestDatabase.createTenant(slug: Self.newSlug(), name: name)
        let store = PortalBrowser(server: HeadOfficeFixtures.server, host: "\(tenant.slug).localhost")
        #expect(try store.get("/").status == 200)
        let (browser, admin) = try HeadOfficeFixtures.signedIn()

        // The list's Delete leads to a confirmation page, not to a deletion.
        #expect(
            try browser.get("/head-office?q=\(tenant.slug)").text.contains(#"href="/head-office/tenants/\#(tenant.slug)/delete""#))
        let confirmation = try browser.get("/head-office/tenants/\(tenant.slug)/delete")
        #expect(confirmation.status == 200)
        #expect(confirmation.text.contains("Delete \(name)?"))
        #expect(try browser.get("/head-office/tenants/no-such-tenant/delete").status == 404)
        for typed in ["", "wrong", tenant.slug.uppercased()] {
            let refused = try browser.post("/head-office/tenants/delete", ["slug": tenant.slug, "confirm": typed])
            #expect(refused.status == 422, "\(typed)")
            #expect(refused.text.contains("Type the tenant's slug exactly as shown to confirm."))
        }
        #expect(try HeadOfficeFixtures.tenantRow(slug: tenant.slug)?.isDeleted == false)
        #expect(try store.get("/").status == 200)

        let deleted = try browser.post("/head-office/tenants/delete", ["slug": tenant.slug, "confirm": " \(tenant.slug) "])
        #expect(deleted.status == 303)
        #expect(deleted.headers["Location"] == "/head-office?done=deleted")
        #expect(try HeadOfficeFixtures.status(of: "/", on: store, becoming: 404) == 404)
        #expect(try HeadOfficeFixtures.tenantRow(slug: tenant.slug)?.isDeleted == true)
        let list = try browser.get("/head-office?done=deleted").text
        #expect(list.contains(#"<p class="form-notice" role="status">The tenant was deleted"#))
        #expect(list.contains("Deleted tenants"))
        #expect(list.contains("\(name) (\(tenant.slug))"))
        #expect(!list.contains(#"href="/head-office/tenants/\#(tenant.slug)/delete""#))
        #expect(
            try browser.post("/head-office/tenants/delete", ["slug": tenant.slug, "confirm": tenant.slug]).status == 404,
            "deleted once only")

        let restored = try browser.post("/head-office/tenants/restore", ["slug": tenant.slug])
        #expect(restored.headers["Location"] == "/head-office?done=restored")
        #expect(try HeadOfficeFixtures.status(of: "/", on: store, becoming: 200) == 200)
        #expect(try HeadOfficeFixtures.tenantRow(slug: tenant.slug)?.isDeleted == false)
        #expect(try browser.post("/head-office/tenants/restore", ["slug": tenant.slug]).status == 404, "restored once only")
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).map(\.action) == ["tenant.delete", "tenant.restore"])
    }

    @Test func theCreateFormExplainsTheTiers() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        #expect(try browser.get("/head-office").text.contains("Starter for a new or small ISP"))
        #expect(try browser.get("/head-office?lang=id").text.contains("Starter untuk ISP baru atau kecil"))
    }

    @Test func theSuccessNoticeIsStyled() throws {
        let css = try SharedServer.get("/assets/css/site.css", host: "localhost").text
        #expect(css.contains(".form-notice {"))
    }

    @Test func everyTenantChangeIsRefusedWithoutTheSessionsTokenAndChangesNothing() throws {
        let tenant = try TestDatabase.createTenant(slug: Self.newSlug())
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let slug = Self.newSlug()
        let forged = ["_csrf": String(repeating: "a", count: 64)]
        #expect(try browser.post("/head-office/tenants", Self.fields(forged.merging(["slug": slug]) { $1 })).status == 403)
        #expect(try browser.post("/head-office/tenants", Self.fields(["slug": slug]), withCSRF: false).status == 403)
        for action in ["deactivate", "delete", "restore"] {
            let fields = ["slug": tenant.slug, "confirm": tenant.slug]
            #expect(try browser.post("/head-office/tenants/\(action)", forged.merging(fields) { $1 }).status == 403)
            #expect(try browser.post("/head-office/tenants/\(action)", fields, withCSRF: false).status == 403)
        }
        #expect(try HeadOfficeFixtures.tenantRow(slug: slug) == nil)
        let row = try #require(try HeadOfficeFixtures.tenantRow(slug: tenant.slug))
        #expect(row.isActive && !row.isDeleted)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test func anUnknownTenantIsNotFoundAndChangesNothing() throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        #expect(try browser.post("/head-office/tenants/deactivate", ["slug": "'; drop table tenants; --"]).status == 404)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    /// A platform of more tenants than a page: the list shows 100 at a time, in name order, and finds a
    /// tenant by a piece of its name, slug or domain, in any case, keeping the search in the pager's links.
    @Test func theListIsPagedAndFindsATenantByNameSlugOrDomain() throws {
        let prefix = "hopage-" + String(UUID().uuidString.prefix(8)).lowercased()
        let created = try TestDatabase.owner.query(
            """
            insert into tenants (slug, name, tier)
            select $1 || '-' || lpad(n::text, 3, '0'), 'Paged Net ' || $1 || ' ' || lpad(n::text, 3, '0'), 'starter'
            from generate_series(1, 101) n
            returning id, slug
            """, prefix
        ).map { (id: try $0.decode("id", as: UUID.self), slug: try $0.decode("slug", as: String.self)) }
        // Deleted afterwards, so no other test's list meets them.
        defer { _ = try? TestDatabase.owner.query("update tenants set deleted_at = now() where slug like $1 || '-%'", prefix) }
        let domain = "wifi-\(prefix).example.id"
        try TestDatabase.owner.query(
            "insert into tenant_domains (domain, tenant_id, is_primary, verified_at) values ($1, $2, true, now())", domain,
            try #require(created.last).id)
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        func rows(_ page: TestHTTPResponse) -> Int { page.text.components(separatedBy: #"data-label="Status""#).count - 1 }

        let first = try browser.get("/head-office?q=\(prefix.uppercased())")
        #expect(rows(first) == 100)
        #expect(first.text.contains("Page 1 of 2") && first.text.contains("101 tenants"))
        #expect(first.text.contains(#"value="\#(prefix.uppercased())""#), "the search box keeps what was typed")
        let next = try #require(AdminSalesFixtures.link(rel: "next", in: first.text))
        #expect(next == "/head-office?q=\(prefix.uppercased())&page=2")
        let second = try browser.get(next)
        #expect(rows(second) == 1 && second.text.contains("Paged Net \(prefix) 101"))
        #expect(rows(try browser.get("/head-office?q=\(prefix)&page=9999")) == 1, "past the end: the last page")
        #expect(try browser.get("/head-office?q=\(prefix)&page=x").status == 400)

        let byDomain = try browser.get("/head-office?q=wifi-\(prefix)")
        #expect(rows(byDomain) == 1 && byDomain.text.contains(domain))
        #expect(try browser.get("/head-office?q=\(prefix)-007").text.contains("Paged Net \(prefix) 007"))
        #expect(try browser.get("/head-office?q=no-such-tenant-\(prefix)").text.contains("No tenant matches"))
        #expect(rows(try browser.get("/head-office")) == 100, "every tenant, a page at a time")
    }

    /// Head office's list and its search read `tenants_listed_by_name` in its order, with `tenants`' policy as
    /// the index's condition (migration 0049): 10,000 tenants were sorted whole for each page before.
    @Test func theListAndItsSearchReadTheNameIndexWithThePolicyInIt() throws {
        let plans = try RowLevelSecurityFixtures.app.unscoped.transaction { db in
            // A table this small would otherwise be read whole and sorted, whatever the index allows.
            try db.query("set local enable_seqscan = off")
            try db.query("set local enable_bitmapscan = off")
            try db.query("set local enable_sort = off")
            let page = try db.query(
                """
                explain (costs off) select id from tenants where deleted_at is null order by name_key, slug limit 100
                """
            ).map { try $0.decode("QUERY PLAN", as: String.self) }
            let search = try db.query(
                """
                explain (costs off) select id from tenants
                where deleted_at is null and (strpos(slug, 'net') > 0 or strpos(name_key, 'net') > 0)
                order by name_key, slug
                """
            ).map { try $0.decode("QUERY PLAN", as: String.self) }
            return [page, search]
        }
        for plan in plans {
            let text = plan.joined(separator: "\n")
            // Index-only once vacuum has marked the table's pages visible; the index either way.
            #expect(plan.contains { $0.contains("Scan using tenants_listed_by_name") }, "\(text)")
            #expect(plan.contains { $0.contains("Index Cond: ((id >=") }, "the policy is a range of ids: \(text)")
            #expect(!plan.contains { $0.contains("Sort") }, "\(text)")
        }
    }
}
