import Foundation
import TestSupport
import Testing

/// `GET /.well-known/gerbang/domain-check?domain=…`: Caddy's on-demand TLS `ask`.
@Suite struct AdminDomainCheckTests {
    func status(_ domain: String) throws -> Int {
        let query = domain.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try SharedServer.get("/.well-known/gerbang/domain-check?domain=\(query)", host: "localhost").status
    }

    func uniqueDomain() -> String { "shop-\(UUID().uuidString.prefix(8).lowercased()).example" }

    @Test func anApprovedDomainOfAnActiveTenantIsAllowedInAnyCaseAndWithWWW() throws {
        let domain = uniqueDomain()
        try TestDatabase.createTenant(domains: [(domain, verified: true)])
        #expect(try status(domain) == 200)
        #expect(try status(domain.uppercased() + ".") == 200)
        #expect(try status("www." + domain) == 200)
    }

    @Test func pendingRemovedInactiveDeletedUnknownAndMalformedDomainsAreRefused() throws {
        let pending = uniqueDomain()
        let removed = uniqueDomain()
        let inactive = uniqueDomain()
        let deleted = uniqueDomain()
        try TestDatabase.createTenant(domains: [(pending, verified: false), (removed, verified: true)])
        try TestDatabase.owner.query("delete from tenant_domains where domain = $1", removed)
        try TestDatabase.createTenant(active: false, domains: [(inactive, verified: true)])
        try TestDatabase.createTenant(deleted: true, domains: [(deleted, verified: true)])
        for domain in [pending, removed, inactive, deleted, uniqueDomain(), "", "not a host", "127.0.0.1", "'; drop table tenants; --"] {
            #expect(try status(domain) == 404, "\(domain)")
        }
    }
}
