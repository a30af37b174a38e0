import Foundation
import Postgres
import TestSupport
import Testing

/// `/admin/profiles`: create, edit, reorder, hide and show, delete and restore voucher profiles;
/// tenant-scoped, CSRF-protected, audited, and the public store follows at once. Vouchers already
/// sold never change.
@Suite struct AdminProfilesTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    /// Every field of the profile form, valid, with `overrides` applied.
    static func fields(_ overrides: [String: String] = [:]) -> [String: String] {
        [
            "name": "Three hours", "description": "For a short visit", "price": "7.500", "validity": "3",
            "validity_unit": "hours", "data_quota_mb": "2048", "download_kbps": "4096", "upload_kbps": "1024",
            "shared_users": "2", "radius_group": "three-hours", "code_length": "10",
        ].merging(overrides) { $1 }
    }

    @discardableResult
    static func profile(
        tenantID: UUID, name: String, price: Int64 = 5_000, onSale: Bool = true, deleted: Bool = false,
        group: String = "test"
    ) throws -> UUID {
        try TestDatabase.owner.query(
            """
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, radius_group, evoucher_access, deleted_at)
            values ($1, $2, $3, 1440, $4, $5, case when $6 then now() end) returning id
            """, tenantID, name, price, group, onSale, deleted
        ).first!.decode("id", as: UUID.self)
    }

    static func row(_ id: UUID) throws -> PostgresRow {
        try TestDatabase.owner.query(
            """
            select tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps, upload_kbps, shared_users,
                radius_group, code_length, evoucher_access, deleted_at is not null as deleted
            from voucher_profiles where id = $1
            """, id
        ).first!
    }

    func store() throws -> String { try SharedServer.get("/", host: admin.host).text }

    func signedInOnList() throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/profiles")
        return browser
    }

    @Test func theListShowsEveryProfileMarkedOnSaleHiddenOrDeleted() throws {
        let suffix = UUID().uuidString.prefix(6)
        try Self.profile(tenantID: admin.tenantID, name: "Sold \(suffix)")
        try Self.profile(tenantID: admin.tenantID, name: "Hidden \(suffix)", onSale: false)
        try Self.profile(tenantID: admin.tenantID, name: "Gone \(suffix)", deleted: true)
        let list = try signedInOnList().get("/admin/profiles")
        #expect(list.status == 200)
        for name in ["Sold", "Hidden", "Gone"] { #expect(list.text.contains("\(name) \(suffix)")) }
        #expect(list.text.contains("In the store"))
        #expect(list.text.contains(">Hidden<"))
        #expect(list.text.contains(">Deleted<"))
        #expect(list.text.contains("/restore"))
    }

    @Test func aCreatedProfileIsStoredAuditedAndOnSaleInTheStoreAtOnce() throws {
        let browser = try signedInOnList()
        let name = "Created \(UUID().uuidString.prefix(6))"
        #expect(!(try store()).contains(name))
        try browser.get("/admin/profiles/new")
        let response = try browser.post("/admin/profiles/new", Self.fields(["name": name]))
        #expect(response.status == 303)
        #expect(try store().contains(name))
        let id = try TestDatabase.owner.query(
            "select id from voucher_profiles where tenant_id = $1 and name = $2", admin.tenantID, name
        ).first!.decode("id", as: UUID.self)
        let row = try Self.row(id)
        #expect(try row.decode("price", as: Int64.self) == 7_500)
        #expect(try row.decode("validity_minutes", as: Int.self) == 180)
        #expect(row.decode("data_quota_mb", as: Int64?.self) == 2_048)
        #expect(row.decode("download_kbps", as: Int?.self) == 4_096)
        #expect(try row.decode("shared_users", as: Int.self) == 2)
        #expect(try row.decode("radius_group", as: String.self) == "three-hours")
        #expect(try row.decode("code_length", as: Int.self) == 10)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        // The edit form shows the validity back in its unit.
        let form = try browser.get("/admin/profiles/\(id.uuidString.lowercased())")
        #expect(form.text.contains(#"name="validity" value="3""#))
        #expect(form.text.contains(#"<option value="hours" selected>"#))
    }

    @Test func validityCountsFromFirstLoginUnlessThePackageSaysFromPurchase() throws {
        let browser = try signedInOnList()
        try browser.get("/admin/profiles/new")
        #expect(try browser.post("/admin/profiles/new", Self.fields(["name": "Login"])).status == 303)
        #expect(try browser.post("/admin/profiles/new", Self.fields(["name": "Bought", "validity_from": "purchase"])).status == 303)
        let stored = try TestDatabase.owner.query(
            "select name, validity_from from voucher_profiles where tenant_id = $1 order by name", admin.tenantID
        ).map { [try $0.decode("name", as: String.self), try $0.decode("validity_from", as: String.self)] }
        #expect(stored == [["Bought", "purchase"], ["Login", "first_login"]])
        let refused = try browser.post("/admin/profiles/new", Self.fields(["name": "Odd", "validity_from": "tomorrow"]))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Choose when the validity starts."))
    }

    @Test(
        arguments: [
            ("2000", 2_000), ("2.000", 2_000), ("Rp 2.000", 2_000), ("Rp2.000,-", 2_000), ("rp 2.000,00", 2_000),
            ("IDR 1.250.000", 1_250_000), ("100.000.000", 100_000_000),
        ] as [(String, Int64)])
    func aPriceIsReadAsIndonesiansWriteIt(typed: String, price: Int64) throws {
        let browser = try signedInOnList()
        let name = "Priced \(UUID().uuidString.prefix(6))"
        let response = try browser.post("/admin/profiles/new", Self.fields(["name": name, "price": typed]))
        #expect(response.status == 303, "\(typed)")
        let stored = try TestDatabase.owner.query(
            "select price from voucher_profiles where tenant_id = $1 and name = $2", admin.tenantID, name
        ).first?.decode("price", as: Int64.self)
        #expect(stored == price, "\(typed)")
    }

    @Test func anEmptyRadiusGroupIsMadeFromThePackageNameAndTheFormSaysSo() throws {
        let browser = try signedInOnList()
        let form = try browser.get("/admin/profiles/new").text
        #expect(form.contains("Leave it empty to use one made from the package name"))
        let suffix = UUID().uuidString.prefix(4).lowercased()
        let name = "Voucher 1 Hari! \(suffix)"
        let response = try browser.post("/admin/profiles/new", Self.fields(["name": name, "radius_group": ""]))
        #expect(response.status == 303)
        let group = try TestDatabase.owner.query(
            "select radius_group from voucher_profiles where tenant_id = $1 and name = $2", admin.tenantID, name
        ).first?.decode("radius_group", as: String.self)
        #expect(group == "voucher-1-hari-\(suffix)")
    }

    @Test(arguments: [("512", 512), ("512 kbps", 512), ("2 Mbps", 2_000), ("1,5 mbps", 1_500), ("10M", 10_000)] as [(String, Int)])
    func aSpeedMayCarryItsUnit(typed: String, kbps: Int) throws {
        let browser = try signedInOnList()
        let name = "Fast \(UUID().uuidString.prefix(6))"
        let response = try browser.post(
            "/admin/profiles/new", Self.fields(["name": name, "download_kbps": typed, "upload_kbps": typed]))
        #expect(response.status == 303, "\(typed)")
        let row = try TestDatabase.owner.query(
            "select download_kbps, upload_kbps from voucher_profiles where tenant_id = $1 and name = $2", admin.tenantID, name
        ).first
        #expect(row?.decode("download_kbps", as: Int?.self) == kbps)
        #expect(row?.decode("upload_kbps", as: Int?.self) == kbps)
    }

    @Test(arguments: [
        ("name", "", "Enter a name."),
        ("name", String(repeating: "n", count: 81), "at most 80 characters"),
        ("price", "-5.000", "A price cannot be negative."),
        ("price", "5.000,50", "leave out the sen"),
        ("price", "Rp 999.999.999.999.999.999", "Enter a whole number of rupiah"),
        ("download_kbps", "0.5 kbps", "kbps"),
        ("download_kbps", "20000 Mbps", "kbps"),
        ("price", "0", "Enter a whole number of rupiah"),
        ("price", "100000001", "Enter a whole number of rupiah"),
        ("price", "5e3", "Enter a whole number of rupiah"),
        ("validity", "366", "at most 365 days"),
        ("validity", "-1", "at most 365 days"),
        ("data_quota_mb", "0", "megabytes"),
        ("download_kbps", "fast", "kbps"),
        ("shared_users", "21", "from 1 to 20"),
        ("radius_group", "bad group!", "letters, digits"),
        ("radius_group", String(repeating: "g", count: 49), "letters, digits"),
        ("code_length", "5", "from 6 to 16"),
    ])
    func eachInvalidFieldHasItsMessageAndTheInputIsKept(field: String, typed: String, message: String) throws {
        let browser = try signedInOnList()
        var fields = Self.fields([field: typed])
        if field == "validity" { fields["validity_unit"] = "days" }
        let response = try browser.post("/admin/profiles/new", fields)
        #expect(response.status == 422)
        #expect(response.text.contains("f-\(field)-error"))
        #expect(response.text.contains(message))
        #expect(response.text.contains(#"name="\#(field)" value="\#(typed)""#))
        #expect(response.text.contains(#"value="For a short visit""#))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
        #expect(try TestDatabase.owner.query("select 1 from voucher_profiles where tenant_id = $1", admin.tenantID).isEmpty)
    }

    /// `alpha` + `net-x` and `alpha-net` + `x` are both the RADIUS group `alpha-net-x`: the second ISP to
    /// ask for it is refused at the form, before a payment could fail to provision it.
    @Test func aGroupNameAnotherTenantAlreadyOwnsIsRefusedWithTheInputKept() throws {
        let slug = String(admin.host.dropLast(".localhost".count))
        let neighbour = try TestDatabase.createTenant(slug: slug + "-net", name: "Neighbour")
        try Self.profile(tenantID: neighbour.id, name: "Neighbour's", group: "x")
        let browser = try signedInOnList()
        try browser.get("/admin/profiles/new")
        let refused = try browser.post("/admin/profiles/new", Self.fields(["radius_group": "net-x"]))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Another ISP on this platform already uses this RADIUS group name"))
        #expect(refused.text.contains(#"name="radius_group" value="net-x""#))
        #expect(refused.text.contains(#"value="For a short visit""#))
        // Rows FreeRADIUS already holds under the name count too, even without a profile behind them.
        try TestDatabase.owner.query(
            "insert into radgroupreply (groupname, attribute, op, value, tenant_id) values ($1, 'Session-Timeout', ':=', '60', $2)",
            slug + "-legacy", neighbour.id)
        let legacy = try browser.post("/admin/profiles/new", Self.fields(["radius_group": "legacy"]))
        #expect(legacy.status == 422)
        #expect(try TestDatabase.owner.query("select 1 from voucher_profiles where tenant_id = $1", admin.tenantID).isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
        // A name of the tenant's own stays usable, for a new profile and for an edit.
        let saved = try browser.post("/admin/profiles/new", Self.fields(["radius_group": "net-y"]))
        #expect(saved.status == 303)
        let id = try TestDatabase.owner.query(
            "select id from voucher_profiles where tenant_id = $1", admin.tenantID
        ).first!.decode("id", as: UUID.self)
        let edited = try browser.post("/admin/profiles/\(id.uuidString.lowercased())", Self.fields(["radius_group": "net-y"]))
        #expect(edited.status == 303)
    }

    @Test func anEditChangesTheStoreAtOnceAndWritesOneAuditRowWithBeforeAndAfter() throws {
        let old = "Old \(UUID().uuidString.prefix(6))"
        let new = "New \(UUID().uuidString.prefix(6))"
        let id = try Self.profile(tenantID: admin.tenantID, name: old, price: 5_000)
        #expect(try store().contains(old))
        let browser = try signedInOnList()
        try browser.get("/admin/profiles/\(id.uuidString.lowercased())")
        let response = try browser.post(
            "/admin/profiles/\(id.uuidString.lowercased())", Self.fields(["name": new, "price": "12000"]))
        #expect(response.status == 303)
        let page = try store()
        #expect(page.contains(new) && !page.contains(old))
        #expect(page.contains("Rp 12.000"))
        let audit = try TestDatabase.owner.query(
            "select action, before->>'price' as before, after->>'price' as after from audit_log where tenant_id = $1",
            admin.tenantID)
        #expect(audit.count == 1)
        #expect(try audit.first?.decode("action", as: String.self) == "profile.update")
        #expect(audit.first?.decode("before", as: String?.self) == "5000")
        #expect(audit.first?.decode("after", as: String?.self) == "12000")
    }

    @Test func hidingDeletingAndRestoringFollowInTheStoreAndEachChangeIsAuditedOnce() throws {
        let name = "Toggle \(UUID().uuidString.prefix(6))"
        let id = try Self.profile(tenantID: admin.tenantID, name: name)
        let path = "/admin/profiles/\(id.uuidString.lowercased())"
        let browser = try signedInOnList()
        let hidden = try browser.post(path + "/hide")
        #expect(hidden.status == 303)
        #expect(hidden.headers["Location"] == "/admin/profiles?saved=1")
        #expect(!(try store()).contains(name))
        #expect(try SharedServer.get("/vouchers/\(id.uuidString.lowercased())", host: admin.host).status == 404)
        // Hiding a hidden profile changes nothing and is not audited.
        try browser.post(path + "/hide")
        try browser.post(path + "/show")
        #expect(try store().contains(name))
        try browser.post(path + "/delete")
        #expect(!(try store()).contains(name))
        #expect(try Self.row(id).decode("deleted", as: Bool.self))
        #expect(try browser.get("/admin/profiles").text.contains(name))
        try browser.post(path + "/restore")
        #expect(try store().contains(name))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 4)
        let actions = try TestDatabase.owner.query(
            "select action from audit_log where tenant_id = $1 order by id", admin.tenantID
        ).map { try $0.decode("action", as: String.self) }
        #expect(actions == ["profile.hide", "profile.show", "profile.delete", "profile.restore"])
    }

    @Test func movingProfilesUpAndDownReordersTheStore() throws {
        let tag = UUID().uuidString.prefix(6)
        let a = try Self.profile(tenantID: admin.tenantID, name: "A-\(tag)", price: 5_000)
        try Self.profile(tenantID: admin.tenantID, name: "B-\(tag)", price: 6_000)
        let c = try Self.profile(tenantID: admin.tenantID, name: "C-\(tag)", price: 7_000)
        func order() throws -> [String] {
            let page = try store()
            return ["A", "B", "C"].map { "\($0)-\(tag)" }
                .sorted { page.range(of: $0)!.lowerBound < page.range(of: $1)!.lowerBound }
        }
        #expect(try order() == ["A-\(tag)", "B-\(tag)", "C-\(tag)"])
        let browser = try signedInOnList()
        #expect(try browser.post("/admin/profiles/\(c.uuidString.lowercased())/up").status == 303)
        #expect(try order() == ["A-\(tag)", "C-\(tag)", "B-\(tag)"])
        try browser.post("/admin/profiles/\(a.uuidString.lowercased())/down")
        #expect(try order() == ["C-\(tag)", "A-\(tag)", "B-\(tag)"])
        // The first one cannot go higher: nothing changes, nothing is audited.
        try browser.post("/admin/profiles/\(c.uuidString.lowercased())/up")
        #expect(try order() == ["C-\(tag)", "A-\(tag)", "B-\(tag)"])
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
    }

    @Test func aPriceOrGroupChangeNeverAltersAnOrderAlreadyPaid() throws {
        var sold = StoreFixtures.Profile()
        sold.price = 5_000
        sold.radiusGroup = "sold-group"
        let (order, slug) = try FulfilmentTests.paidSandboxOrder(sold)
        let codes = try FulfilmentTests.codes(order)
        #expect(codes.count == 2)
        let profileID = try TestDatabase.owner.query(
            "select profile_id from voucher_orders where id = $1", order.id
        ).first!.decode("profile_id", as: UUID.self)
        func groupReplies(_ group: String) throws -> [String] {
            try TestDatabase.owner.query(
                "select attribute || '=' || value as line from radgroupreply where groupname = $1 order by attribute", group
            ).map { try $0.decode("line", as: String.self) }
        }
        let repliesBefore = try groupReplies("\(slug)-sold-group")
        #expect(!repliesBefore.isEmpty)

        let shopAdmin = try Self.admin(tenantID: order.tenantID, slug: slug)
        let browser = try AdminFixtures.signedIn(shopAdmin)
        let path = "/admin/profiles/\(profileID.uuidString.lowercased())"
        try browser.get(path)
        // New limits in the sold vouchers' group would rewrite that group's RADIUS rows: refused.
        let sameGroup = try browser.post(path, Self.fields(["price": "9000", "radius_group": "sold-group"]))
        #expect(sameGroup.status == 422)
        #expect(sameGroup.text.contains("f-radius_group-error"))
        #expect(try AdminFixtures.auditRows(tenantID: order.tenantID) == 0)
        // A new price and a new group: saved, and the paid order stays exactly as sold.
        let changed = try browser.post(path, Self.fields(["price": "9000", "radius_group": "new-group"]))
        #expect(changed.status == 303)
        #expect(try Self.row(profileID).decode("price", as: Int64.self) == 9_000)
        let paid = try TestDatabase.owner.query(
            "select amount, unit_price, radius_group, status from voucher_orders where id = $1", order.id
        ).first!
        #expect(try paid.decode("amount", as: Int64.self) == order.amount)
        #expect(try paid.decode("unit_price", as: Int64.self) == 5_000)
        #expect(try paid.decode("radius_group", as: String.self) == "sold-group")
        #expect(try paid.decode("status", as: String.self) == "paid")
        for code in codes {
            let groups = try TestDatabase.owner.query("select groupname from radusergroup where username = $1", code)
                .map { try $0.decode("groupname", as: String.self) }
            #expect(groups == ["\(slug)-sold-group"])
        }
        #expect(try groupReplies("\(slug)-sold-group") == repliesBefore)
        #expect(try FulfilmentTests.codes(order) == codes)
    }

    @Test func anAdminOfAnotherTenantGetsNotFoundForItsProfilesAndATenantIDFieldIsIgnored() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let theirs = try Self.profile(tenantID: other.tenantID, name: "Theirs", price: 4_000)
        let path = "/admin/profiles/\(theirs.uuidString.lowercased())"
        let browser = try signedInOnList()
        #expect(try browser.get(path).status == 404)
        #expect(try browser.post(path, Self.fields(["name": "Taken"])).status == 404)
        for action in ["hide", "delete", "up", "down"] {
            #expect(try browser.post(path + "/" + action).status == 404, "\(action)")
        }
        let row = try Self.row(theirs)
        #expect(try row.decode("name", as: String.self) == "Theirs")
        #expect(try row.decode("evoucher_access", as: Bool.self))
        #expect(!(try row.decode("deleted", as: Bool.self)))
        // A tenant_id added to the create form is never read.
        let name = "Mine \(UUID().uuidString.prefix(6))"
        #expect(
            try browser.post("/admin/profiles/new", Self.fields(["name": name, "tenant_id": other.tenantID.uuidString]))
                .status == 303)
        let owner = try TestDatabase.owner.query("select tenant_id from voucher_profiles where name = $1", name)
        #expect(try owner.map { try $0.decode("tenant_id", as: UUID.self) } == [admin.tenantID])
        #expect(try AdminFixtures.auditRows(tenantID: other.tenantID) == 0)
    }

    @Test func everyProfilePostWithoutAValidCSRFTokenIsRefusedAndChangesNothing() throws {
        let id = try Self.profile(tenantID: admin.tenantID, name: "Guarded")
        let path = "/admin/profiles/\(id.uuidString.lowercased())"
        let browser = try signedInOnList()
        let posts =
            [("/admin/profiles/new", Self.fields()), (path, Self.fields(["name": "Changed"]))]
            + ["hide", "delete", "up", "down"].map { (path + "/" + $0, [String: String]()) }
        for (target, fields) in posts {
            #expect(try browser.post(target, fields, withCSRF: false).status == 403, "\(target)")
            #expect(try browser.post(target, fields.merging(["_csrf": String(repeating: "0", count: 64)]) { $1 }).status == 403)
        }
        let row = try Self.row(id)
        #expect(try row.decode("name", as: String.self) == "Guarded")
        #expect(try row.decode("evoucher_access", as: Bool.self))
        #expect(!(try row.decode("deleted", as: Bool.self)))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
        #expect(try TestDatabase.owner.query("select 1 from voucher_profiles where tenant_id = $1", admin.tenantID).count == 1)
    }

    @Test func unknownProfilesAndActionsAreNotFound() throws {
        let id = try Self.profile(tenantID: admin.tenantID, name: "Known")
        let browser = try signedInOnList()
        #expect(try browser.get("/admin/profiles/not-a-uuid").status == 404)
        #expect(try browser.get("/admin/profiles/\(UUID().uuidString)").status == 404)
        #expect(try browser.post("/admin/profiles/\(id.uuidString.lowercased())/explode").status == 404)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    /// A tenant admin for a tenant made by another fixture.
    static func admin(tenantID: UUID, slug: String) throws -> AdminFixtures.Admin {
        let email = "shop-\(UUID().uuidString.prefix(8).lowercased())@example.test"
        let password = "pw-\(UUID().uuidString.prefix(12))"
        try TestDatabase.owner.query(
            """
            insert into admins (tenant_id, email, password_hash, role)
            values ($1, $2, crypt($3, gen_salt('bf', 4)), 'tenant_admin')
            """, tenantID, email, password)
        return AdminFixtures.Admin(tenantID: tenantID, host: "\(slug).localhost", email: email, password: password)
    }
}
