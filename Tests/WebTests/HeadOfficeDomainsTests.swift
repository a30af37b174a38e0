import Foundation
import TestSupport
import Testing

/// `/head-office/domains`: the pending custom domains of every tenant; approving one makes it serve its
/// tenant at once, rejecting removes the request; each decision audited once, each POST CSRF-checked.
@Suite struct HeadOfficeDomainsTests {
    static func uniqueDomain() -> String { "shop-\(UUID().uuidString.prefix(8).lowercased()).example.id" }

    static func domainRow(_ domain: String) throws -> (tenantID: UUID, approved: Bool)? {
        try TestDatabase.owner.query(
            "select tenant_id, verified_at is not null as approved from tenant_domains where domain = $1", domain
        ).first.map { (try $0.decode("tenant_id", as: UUID.self), try $0.decode("approved", as: Bool.self)) }
    }

    @Test func anApprovedDomainServesItsTenantAtOnceAndIsAuditedOnce() throws {
        let domain = Self.uniqueDomain()
        let name = "Domain ISP \(UUID().uuidString.prefix(6))"
        let tenant = try TestDatabase.createTenant(name: name, domains: [(domain, verified: false)])
        let visitor = PortalBrowser(server: HeadOfficeFixtures.server, host: domain)
        #expect(try visitor.get("/").status == 404, "a pending domain serves nothing")

        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let list = try browser.get("/head-office/domains")
        #expect(list.text.contains(domain))
        #expect(list.text.contains(name))
        let approved = try browser.post("/head-office/domains/approve", ["domain": domain])
        #expect(approved.status == 303)
        #expect(approved.headers["Location"] == "/head-office/domains?saved=1")
        #expect(try browser.get("/head-office/domains?saved=1").text.contains(#"<p class="form-notice" role="status">"#))

        #expect(try Self.domainRow(domain)?.approved == true)
        #expect(try HeadOfficeFixtures.status(of: "/", on: visitor, becoming: 200) == 200)
        let home = try visitor.get("/")
        #expect(home.text.contains(name))
        #expect(!(try browser.get("/head-office/domains").text.contains(domain)), "no longer pending")
        let audit = try HeadOfficeFixtures.auditRows(actor: admin.email)
        #expect(audit.map(\.action) == ["domain.approve"])
        #expect(audit.first?.tenantID == tenant.id && audit.first?.target == domain)
    }

    @Test func aRejectedDomainIsRemovedAndServesNothing() throws {
        let domain = Self.uniqueDomain()
        let tenant = try TestDatabase.createTenant(domains: [(domain, verified: false)])
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/domains")
        #expect(try browser.post("/head-office/domains/reject", ["domain": domain]).status == 303)
        #expect(try Self.domainRow(domain) == nil)
        let visitor = PortalBrowser(server: HeadOfficeFixtures.server, host: domain)
        #expect(try HeadOfficeFixtures.status(of: "/", on: visitor, becoming: 404) == 404)
        let audit = try HeadOfficeFixtures.auditRows(actor: admin.email)
        #expect(audit.map(\.action) == ["domain.reject"])
        #expect(audit.first?.tenantID == tenant.id)
    }

    @Test func anApprovedOrUnknownDomainCannotBeDecidedAgain() throws {
        let domain = Self.uniqueDomain()
        try TestDatabase.createTenant(domains: [(domain, verified: true)])
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        #expect(try browser.post("/head-office/domains/reject", ["domain": domain]).status == 404)
        #expect(try browser.post("/head-office/domains/approve", ["domain": Self.uniqueDomain()]).status == 404)
        #expect(try Self.domainRow(domain)?.approved == true)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test func aDecisionWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws {
        let domain = Self.uniqueDomain()
        try TestDatabase.createTenant(domains: [(domain, verified: false)])
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        for action in ["approve", "reject"] {
            #expect(try browser.post("/head-office/domains/\(action)", ["domain": domain], withCSRF: false).status == 403)
            let forged = ["domain": domain, "_csrf": String(repeating: "b", count: 64)]
            #expect(try browser.post("/head-office/domains/\(action)", forged).status == 403)
        }
        #expect(try Self.domainRow(domain)?.approved == false)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }
}
