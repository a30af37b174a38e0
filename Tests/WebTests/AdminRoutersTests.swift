import Foundation
import Postgres
import TestSupport
import Testing

/// `/admin/routers`: a tenant's routers (FreeRADIUS's clients), added, edited and deleted, tenant-scoped,
/// CSRF-protected and audited; the secret is never shown back in full.
@Suite struct AdminRoutersTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    static func freeAddress() -> String {
        "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
    }

    static func fields(_ overrides: [String: String] = [:]) -> [String: String] {
        [
            "name": "Warung hotspot", "identifier": "hs-warung", "address": freeAddress(),
            "secret": "s3cret-Router-42", "kind": "hotspot", "coa_port": "3799",
        ].merging(overrides) { $1 }
    }

    func signedIn() throws -> PortalBrowser {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/routers")
        return browser
    }

    func stored() throws -> PostgresRows {
        try TestDatabase.owner.query(
            "select id, shortname, identifier, nasname, secret, kind, coa_port from nas where tenant_id = $1", admin.tenantID)
    }

    @Test func anAddedRouterIsStoredAuditedAndListedWithItsSecretMasked() throws {
        let browser = try signedIn()
        let fields = Self.fields()
        try browser.get("/admin/routers/new")
        let created = try browser.post("/admin/routers/new", fields)
        #expect(created.status == 303)
        let row = try #require(try stored().first)
        #expect(try row.decode("nasname", as: String.self) == fields["address"])
        #expect(try row.decode("secret", as: String.self) == "s3cret-Router-42")
        #expect(try row.decode("identifier", as: String.self) == "hs-warung")
        #expect(try row.decode("coa_port", as: Int.self) == 3799)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        let audit = try TestDatabase.owner.query(
            "select after::text as after from audit_log where tenant_id = $1 and action = 'router.create'", admin.tenantID
        ).first!.decode("after", as: String.self)
        #expect(!audit.contains("s3cret-Router-42"))

        let list = try browser.get("/admin/routers")
        #expect(list.text.contains("Warung hotspot"))
        #expect(list.text.contains("••••r-42"))
        #expect(!list.text.contains("s3cret-Router-42"))
        let id = try row.decode("id", as: Int.self)
        let form = try browser.get("/admin/routers/\(id)")
        #expect(form.text.contains("••••r-42"))
        #expect(!form.text.contains("s3cret-Router-42"))
    }

    @Test func anEditWithTheSecretLeftBlankKeepsItAndADeleteRemovesTheRouter() throws {
        let browser = try signedIn()
        try browser.get("/admin/routers/new")
        #expect(try browser.post("/admin/routers/new", Self.fields()).status == 303)
        let id = try stored().first!.decode("id", as: Int.self)
        try browser.get("/admin/routers/\(id)")
        let edited = try browser.post("/admin/routers/\(id)", Self.fields(["name": "Renamed", "secret": "", "kind": "pppoe"]))
        #expect(edited.status == 303)
        let row = try #require(try stored().first)
        #expect(try row.decode("shortname", as: String.self) == "Renamed")
        #expect(try row.decode("kind", as: String.self) == "pppoe")
        #expect(try row.decode("secret", as: String.self) == "s3cret-Router-42")
        try browser.get("/admin/routers")
        #expect(try browser.post("/admin/routers/\(id)/delete", [:]).status == 303)
        #expect(try stored().isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 3)
    }

    @Test(arguments: [
        ("name", "", "Give the router a name"),
        ("address", "10.0.0.256", "Enter an IPv4 address"),
        ("address", "router.example", "Enter an IPv4 address"),
        ("address", "'; DROP TABLE nas; --", "Enter an IPv4 address"),
        ("secret", "short", "Use 8 to 64 characters"),
        ("secret", "has space inside", "Use 8 to 64 characters"),
        ("kind", "wifi", "Choose hotspot or PPPoE"),
        ("coa_port", "70000", "between 1 and 65535"),
        ("identifier", "two words", "At most 64 characters"),
    ])
    func eachInvalidFieldHasItsMessageAndTheInputIsKept(field: String, typed: String, message: String) throws {
        let browser = try signedIn()
        try browser.get("/admin/routers/new")
        var overrides = ["name": "Kept name"]
        overrides[field] = typed
        let response = try browser.post("/admin/routers/new", Self.fields(overrides))
        #expect(response.status == 422)
        #expect(response.text.contains("f-\(field)-error"))
        #expect(response.text.contains(message))
        if field != "secret" && field != "kind" {
            let shown = typed.replacingOccurrences(of: "'", with: "&#39;")
            #expect(response.text.contains(#"name="\#(field)" value="\#(shown)""#))
        }
        #expect(!response.text.contains("s3cret-Router-42"))
        #expect(try stored().isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func anAddressAnotherISPRegisteredIsRefusedWithTheInputKept() throws {
        let other = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("rt"), name: "Other")
        let address = Self.freeAddress()
        try TestDatabase.owner.query(
            "insert into nas (tenant_id, nasname, shortname, secret) values ($1, $2, 'theirs', 'their-secret')", other.id, address)
        let browser = try signedIn()
        try browser.get("/admin/routers/new")
        let refused = try browser.post("/admin/routers/new", Self.fields(["address": address, "name": "Mine"]))
        #expect(refused.status == 422)
        #expect(refused.text.contains("already registered on the platform"))
        #expect(refused.text.contains(#"value="Mine""#))
        #expect(!refused.text.contains("their-secret"))
    }

    @Test func anotherTenantsRouterIsNotFound() throws {
        let other = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("rt"), name: "Other")
        let id = try TestDatabase.owner.query(
            "insert into nas (tenant_id, nasname, shortname, secret) values ($1, $2, 'theirs', 'their-secret') returning id",
            other.id, Self.freeAddress()
        ).first!.decode("id", as: Int.self)
        let browser = try signedIn()
        #expect(try browser.get("/admin/routers/\(id)").status == 404)
        #expect(try browser.post("/admin/routers/\(id)/delete", [:]).status == 404)
        #expect(try browser.get("/admin/routers/not-a-number").status == 404)
        #expect(try TestDatabase.owner.query("select 1 from nas where id = $1", id).count == 1)
    }
}
