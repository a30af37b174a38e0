import Foundation
import TestSupport
import Testing

/// `/admin/domains`: add (with each rule's message), remove, make primary; tenant-scoped and audited.
@Suite struct AdminDomainsTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    func uniqueDomain() -> String { "hotspot-\(UUID().uuidString.prefix(8).lowercased()).example.id" }

    func domainRow(_ domain: String) throws -> (tenantID: UUID, approved: Bool, primary: Bool)? {
        try TestDatabase.owner.query(
            "select tenant_id, verified_at is not null as approved, is_primary from tenant_domains where domain = $1",
            domain
        ).first.map {
            (
                try $0.decode("tenant_id", as: UUID.self), try $0.decode("approved", as: Bool.self),
                try $0.decode("is_primary", as: Bool.self)
            )
        }
    }

    @Test func anAddedDomainIsStoredNormalisedPendingAndAudited() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/domains")
        let domain = uniqueDomain()
        let response = try browser.post("/admin/domains", ["domain": " WWW.\(domain.uppercased()). "])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/admin/domains?saved=1")
        #expect(try browser.get("/admin/domains?saved=1").text.contains(#"<p class="form-notice" role="status">"#))
        let row = try #require(try domainRow(domain))
        #expect(row.tenantID == admin.tenantID && !row.approved)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        let page = try browser.get("/admin/domains")
        #expect(page.text.contains(domain))
        #expect(page.text.contains("Waiting for approval"))
    }

    @Test(arguments: [
        ("not a domain", "Enter a valid domain name"), ("203.0.113.7", "An IP address cannot be used"),
        ("shop.localhost", "platform"), ("router.local", "reserved"), ("nodot", "Enter a valid domain name"),
    ])
    func eachRefusedDomainHasItsMessageAndTheInputIsKept(typed: String, message: String) throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/domains")
        let response = try browser.post("/admin/domains", ["domain": typed])
        #expect(response.status == 422)
        #expect(response.text.contains("f-domain-error"))
        #expect(response.text.contains(message))
        #expect(response.text.contains(#"value="\#(typed)""#))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func aDomainOfAnotherTenantCannotBeAddedRemovedOrMadePrimary() throws {
        let theirs = uniqueDomain()
        let other = try TestDatabase.createTenant(domains: [(theirs, verified: true)])
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/domains")
        let add = try browser.post("/admin/domains", ["domain": theirs])
        #expect(add.status == 422)
        #expect(add.text.contains("already in use"))
        #expect(try browser.post("/admin/domains/remove", ["domain": theirs]).status == 303)
        #expect(try browser.post("/admin/domains/primary", ["domain": theirs, "tenant_id": other.id.uuidString]).status == 303)
        let row = try #require(try domainRow(theirs))
        #expect(row.tenantID == other.id && !row.primary)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func makingADomainPrimaryDemotesTheOldOneAndRemovingDeletesIt() throws {
        let first = uniqueDomain()
        let second = uniqueDomain()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/domains")
        try browser.post("/admin/domains", ["domain": first])
        try browser.post("/admin/domains", ["domain": second])
        try browser.post("/admin/domains/primary", ["domain": first])
        try browser.post("/admin/domains/primary", ["domain": second])
        #expect(try domainRow(first)?.primary == false)
        #expect(try domainRow(second)?.primary == true)
        try browser.post("/admin/domains/remove", ["domain": first])
        #expect(try domainRow(first) == nil)
        // add, add, primary, primary, remove
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 5)
    }

    @Test func everyDomainPostWithoutTheCSRFTokenIsRefusedAndChangesNothing() throws {
        let mine = uniqueDomain()
        try TestDatabase.owner.query("insert into tenant_domains (domain, tenant_id) values ($1, $2)", mine, admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/domains")
        for path in ["/admin/domains", "/admin/domains/remove", "/admin/domains/primary"] {
            #expect(try browser.post(path, ["domain": mine], withCSRF: false).status == 403, "\(path)")
        }
        #expect(try domainRow(mine)?.primary == false)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }
}
