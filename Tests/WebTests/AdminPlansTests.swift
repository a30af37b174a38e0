import Foundation
import Postgres
import TestSupport
import Testing

/// `/admin/plans`: monthly PPPoE plans with the voucher profiles' editing rules; saving one writes its
/// RADIUS group's rate limit; a plan in use is deactivated, never deleted; another tenant's is a 404.
@Suite struct AdminPlansTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    static func fields(_ overrides: [String: String] = [:]) -> [String: String] {
        [
            "name": "Home 20 Mbps", "price": "Rp 200.000", "download_kbps": "20 Mbps", "upload_kbps": "10 Mbps",
            "radius_group": "home20", "is_active": "on",
        ].merging(overrides) { $1 }
    }

    var slug: String { String(admin.host.prefix { $0 != "." }) }

    func planID(named name: String) throws -> UUID {
        try TestDatabase.owner.query("select id from plans where tenant_id = $1 and name = $2", admin.tenantID, name)
            .first!.decode("id", as: UUID.self)
    }

    func rateLimit(group: String) throws -> String? {
        try TestDatabase.owner.query(
            "select value from radgroupreply where groupname = $1 and attribute = 'Mikrotik-Rate-Limit' and tenant_id = $2",
            "\(slug)-\(group)", admin.tenantID
        ).first?.decode("value", as: String.self)
    }

    func signedIn() throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/plans/new")
        return browser
    }

    @Test func aCreatedPlanIsStoredAuditedListedAndWritesItsGroupsRateLimit() throws {
        let browser = try signedIn()
        let created = try browser.post("/admin/plans/new", Self.fields())
        #expect(created.status == 303, "\(created.status): \(created.text)")
        let row = try TestDatabase.owner.query(
            "select price, download_kbps, upload_kbps, radius_group, is_active from plans where tenant_id = $1", admin.tenantID
        ).first!
        #expect(try row.decode("price", as: Int64.self) == 200_000)
        #expect(row.decode("download_kbps", as: Int?.self) == 20_000)
        #expect(row.decode("upload_kbps", as: Int?.self) == 10_000)
        #expect(try row.decode("is_active", as: Bool.self))
        // MikroTik's rx/tx is the router's side: the client's upload first.
        #expect(try rateLimit(group: "home20") == "10000k/20000k")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        let list = try browser.get("/admin/plans")
        #expect(list.text.contains("Home 20 Mbps"))
        #expect(list.text.contains("Rp 200.000"))
        #expect(try browser.get("/admin/branding").text.contains(#"href="/admin/plans""#))

        // A new speed rewrites the group's rate limit.
        let id = try planID(named: "Home 20 Mbps").uuidString.lowercased()
        try browser.get("/admin/plans/\(id)")
        let edited = try browser.post("/admin/plans/\(id)", Self.fields(["download_kbps": "30 Mbps"]))
        #expect(edited.status == 303)
        #expect(try rateLimit(group: "home20") == "10000k/30000k")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
    }

    @Test func badInputIsRefusedWith422AndKeptAsTyped() throws {
        let browser = try signedIn()
        let refused = try browser.post(
            "/admin/plans/new", Self.fields(["name": "Typed plan", "price": "dua ratus", "download_kbps": "fast"]))
        #expect(refused.status == 422)
        #expect(refused.text.contains(#"value="Typed plan""#))
        #expect(refused.text.contains(#"value="dua ratus""#))
        #expect(refused.text.contains(#"value="fast""#))
        #expect(refused.text.contains("Enter a speed such as 512 kbps or 2 Mbps"))
        #expect(refused.text.contains("Enter a whole number of rupiah"))
        let reserved = try browser.post("/admin/plans/new", Self.fields(["radius_group": "isolated"]))
        #expect(reserved.status == 422)
        #expect(reserved.text.contains("This group is where unpaid subscribers are isolated"))
        #expect(try TestDatabase.owner.query("select 1 from plans where tenant_id = $1", admin.tenantID).isEmpty)

        #expect(try browser.post("/admin/plans/new", Self.fields()).status == 303)
        let sameName = try browser.post("/admin/plans/new", Self.fields(["radius_group": "other"]))
        #expect(sameName.status == 422)
        #expect(sameName.text.contains("Another of your plans already has this name."))
        let sameGroup = try browser.post("/admin/plans/new", Self.fields(["name": "Other"]))
        #expect(sameGroup.status == 422)
        #expect(sameGroup.text.contains("Another of your plans already uses this RADIUS group."))
    }

    @Test func aGroupOfAHotspotPackageOrOfAnotherISPIsRefused() throws {
        let browser = try signedIn()
        try AdminProfilesTests.profile(tenantID: admin.tenantID, name: "Daily", group: "daily")
        let package = try browser.post("/admin/plans/new", Self.fields(["radius_group": "daily"]))
        #expect(package.status == 422)
        #expect(package.text.contains("One of your hotspot packages uses this RADIUS group"))

        // Nor may a package take a plan's group.
        #expect(try browser.post("/admin/plans/new", Self.fields()).status == 303)
        try browser.get("/admin/profiles/new")
        let profile = try browser.post("/admin/profiles/new", AdminProfilesTests.fields(["radius_group": "home20"]))
        #expect(profile.status == 422)
        #expect(profile.text.contains("One of your monthly plans uses this RADIUS group"))

        // `<slug>-net` + `x` and `<slug>` + `net-x` spell the same group.
        let other = try TestDatabase.createTenant(slug: "\(slug)-net", name: "Other ISP")
        try TestDatabase.owner.query(
            "insert into plans (tenant_id, name, price, radius_group) values ($1, 'X', 100000, 'x')", other.id)
        let foreign = try browser.post("/admin/plans/new", Self.fields(["radius_group": "net-x"]))
        #expect(foreign.status == 422)
        #expect(foreign.text.contains(#"value="net-x""#))
        #expect(try TestDatabase.owner.query("select 1 from plans where tenant_id = $1", admin.tenantID).count == 1)
    }

    @Test func aPlanInUseIsNotDeletedButCanBeDeactivatedAndAnUnusedOneIsDeleted() throws {
        let browser = try signedIn()
        #expect(try browser.post("/admin/plans/new", Self.fields()).status == 303)
        #expect(try browser.post("/admin/plans/new", Self.fields(["name": "Spare", "radius_group": "spare"])).status == 303)
        let used = try planID(named: "Home 20 Mbps")
        try TestDatabase.owner.query(
            """
            insert into subscribers (tenant_id, customer_number, pppoe_username, name, password_hash, plan_id)
            values ($1, $2, $3, 'On the plan', crypt('x', gen_salt('bf', 4)), $4)
            """, admin.tenantID, "P-" + PortalFixtures.uniqueCode(), "p" + PortalFixtures.uniqueCode().lowercased(), used)
        try browser.get("/admin/plans")
        let refused = try browser.post("/admin/plans/\(used.uuidString.lowercased())/delete")
        #expect(refused.status == 409)
        #expect(refused.text.contains("cannot be deleted. Deactivate it instead"))
        #expect(try !TestDatabase.owner.query("select 1 from plans where id = $1", used).isEmpty)

        #expect(try browser.post("/admin/plans/\(used.uuidString.lowercased())/deactivate").status == 303)
        #expect(
            try TestDatabase.owner.query("select is_active from plans where id = $1", used).first!.decode("is_active", as: Bool.self)
                == false)
        #expect(try browser.get("/admin/plans").text.contains("Inactive"))
        // A deactivated plan is no longer offered to new subscribers.
        #expect(!(try browser.get("/admin/subscribers/new").text.contains(used.uuidString.lowercased())))

        let spare = try planID(named: "Spare")
        #expect(try browser.post("/admin/plans/\(spare.uuidString.lowercased())/delete").status == 303)
        #expect(try TestDatabase.owner.query("select 1 from plans where id = $1", spare).isEmpty)
        #expect(try rateLimit(group: "spare") == nil)
    }

    @Test func anotherTenantsPlanIsA404() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let theirs = try TestDatabase.owner.query(
            "insert into plans (tenant_id, name, price, radius_group) values ($1, 'Theirs', 100000, 'theirs') returning id",
            other.tenantID
        ).first!.decode("id", as: UUID.self).uuidString.lowercased()
        let browser = try signedIn()
        #expect(try browser.get("/admin/plans/\(theirs)").status == 404)
        #expect(try browser.post("/admin/plans/\(theirs)", Self.fields()).status == 404)
        #expect(try browser.post("/admin/plans/\(theirs)/delete").status == 404)
        #expect(try browser.post("/admin/plans/\(theirs)/deactivate").status == 404)
        #expect(!(try browser.get("/admin/plans").text.contains("Theirs")))
        #expect(
            try TestDatabase.owner.query("select is_active from plans where tenant_id = $1", other.tenantID)
                .first!.decode("is_active", as: Bool.self))
    }
}
