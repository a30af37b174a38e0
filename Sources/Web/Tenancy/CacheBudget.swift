/// The memory one process may spend on its per-tenant caches (`CACHE_MEMORY_MB`), and how it is shared
/// out among them. Every share is a hard bound on that cache's estimated bytes: with more tenants than
/// fit, the tenants not visited for longest are dropped and loaded again on their next visit.
///
/// The shares follow a store's most common visit, its home page, answered from memory only when the
/// page, the site and the host are all kept: those three take five sixths, so the default keeps all of
/// them for 10,000 stores (about 6.5 KB a store). Catalogues, package and content pages serve fewer
/// visits per store and are loaded again cheaply, so they get less. The host caches are small on
/// purpose: a scanner's made-up hosts land there.
public struct CacheBudget: Sendable, Equatable {
    public static let defaultMegabytes = 88

    /// The whole budget in bytes.
    public let bytes: Int

    public init(megabytes: Int) {
        let (product, overflow) = max(0, megabytes).multipliedReportingOverflow(by: 1 << 20)
        self.init(bytes: overflow ? Int.max : product)
    }

    public init(bytes: Int) {
        self.bytes = max(0, bytes)
    }

    public static let standard = CacheBudget(megabytes: defaultMegabytes)

    /// Hosts that resolved to a tenant.
    public var knownHosts: Int { share(2) }
    /// Hosts that resolved to nothing: what random `Host` headers fill.
    public var unknownHosts: Int { share(1) }
    /// Sites, and an eighth of this for their 429 pages.
    public var sites: Int { share(11) }
    public var homePages: Int { share(37) }
    /// Package pages, rendered once each (`VoucherPageTemplate`).
    public var voucherPages: Int { share(3) }
    public var catalogues: Int { share(4) }
    public var contentPages: Int { share(2) }
    /// Gateway accounts by tenant, and by id.
    public var gatewayAccounts: Int { share(1) }
    /// The rate-limit leases and remembered refusals, which are not kept per tenant but per client.
    public var rateLimits: Int { share(3) }

    /// `parts` sixty-fourths of the budget; the shares above add up to the whole.
    private func share(_ parts: Int) -> Int { bytes / 64 * parts }
}
