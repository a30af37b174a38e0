import Foundation
import HTTP

/// Resolves the request's host to the platform site or a tenant (docs/ARCHITECTURE.md §3).
public final class TenantResolver: Sendable {
    private let baseDomain: String
    private let directory: TenantDirectory
    /// Hosts that resolved to a tenant; the hosts of tenants not visited for longest make way.
    private let known: GenerationalCache<String, Tenant>
    /// Hosts that resolved to nothing, in a share of their own, so a flood of random hosts can neither
    /// grow memory nor push the real tenants out.
    private let unknown: GenerationalCache<String, Bool>

    public init(
        baseDomain: String, directory: TenantDirectory, timeToLive: Duration = .seconds(300), budget: CacheBudget = .standard
    ) {
        self.baseDomain = baseDomain
        self.directory = directory
        self.known = GenerationalCache(timeToLive: timeToLive, capacity: budget.knownHosts) { host, tenant in
            host.utf8.count + tenant.slug.utf8.count + tenant.name.utf8.count + tenant.idString.utf8.count
        }
        self.unknown = GenerationalCache(timeToLive: timeToLive, capacity: budget.unknownHosts) { host, _ in host.utf8.count }
    }

    /// - Throws: `HTTPError(.badRequest)` for a missing or malformed host; `TenantNotFound` for
    ///   a host that belongs to no active tenant.
    public func resolve(host rawHost: String?) throws -> Site {
        guard let rawHost, let host = HostName.normalise(rawHost) else {
            throw HTTPError(.badRequest, "The request has no valid Host header.")
        }
        if host.name == baseDomain { return .platform }
        if host.isIPAddress { throw TenantNotFound() }
        if let tenant = known.value(for: host.name) { return .tenant(tenant) }
        if unknown.value(for: host.name) != nil { throw TenantNotFound() }

        let generation = (known.generation, unknown.generation)
        let found: Tenant?
        if let slug = subdomainLabel(of: host.name) {
            found = try directory.unscopedActiveTenant(slug: slug)
        } else if host.name.hasSuffix("." + baseDomain) {
            found = nil  // a.b.<base>: more than one label is never a tenant
        } else {
            found = try directory.unscopedActiveTenant(domain: host.name)
        }
        guard let tenant = found else {
            unknown.store(true, for: host.name, generation: generation.1)
            throw TenantNotFound()
        }
        known.store(tenant, for: host.name, generation: generation.0)
        return .tenant(tenant)
    }

    /// The tenant `rawHost` is already known to belong to, without asking the database; nil for the
    /// platform, an unknown host or one not looked up yet.
    public func cachedTenant(host rawHost: String?) -> Tenant? {
        guard let rawHost, let host = HostName.normalise(rawHost), host.name != baseDomain, !host.isIPAddress else {
            return nil
        }
        return known.cachedValue(for: host.name)
    }

    /// Forgets everything (a change not said to be one tenant's, or notifications that may have been missed).
    public func invalidate() {
        known.invalidateAll()
        unknown.invalidateAll()
    }

    /// After a change of one tenant (its slug, domains, status): only its hosts can have moved, and a
    /// host unknown until now may be its new domain. Every other tenant's hosts stay resolved, so on a
    /// platform of thousands one ISP's edit sends no other ISP's visitors to the database.
    public func invalidate(tenantID: UUID) {
        known.invalidate { _, tenant in tenant.id == tenantID }
        unknown.invalidateAll()
    }

    public var cachedHostCount: (known: Int, unknown: Int) { (known.count, unknown.count) }
    public var statistics: [(name: String, statistics: CacheStatistics)] {
        [("known_host", known.statistics), ("unknown_host", unknown.statistics)]
    }

    /// `alpha` for `alpha.<base>`; nil for anything with more or fewer labels in front of the base.
    private func subdomainLabel(of host: String) -> String? {
        guard host.hasSuffix("." + baseDomain) else { return nil }
        let label = host.dropLast(baseDomain.count + 1)
        return label.isEmpty || label.contains(".") ? nil : String(label)
    }
}

/// The host belongs to no active tenant: a 404 in platform branding that says nothing more.
public struct TenantNotFound: Error, Sendable {}
