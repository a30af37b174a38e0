/// The memory one process may spend on its per-tenant caches (`CACHE_MEMORY_MB`), and how it is shared
/// out among them. Every share is a hard bound on that cache's estimated bytes: with more tenants than
/// fit, the tenants not visited for longest are dropped and loaded again on their next visit.
///
/// The shares follow what a visited tenant costs: its site (theme, page frames, refusal pages, logo)
/// and its rendered home page are the bulk, a few kilobytes each; its catalogue, content pages and
/// host name less. The host caches are small on purpose: a scanner's made-up hosts land there.
public struct CacheBudget: Sendable, Equatable {
    public static let defaultMegabytes = 80

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
    public var knownHosts: Int { share(3) }
    /// Hosts that resolved to nothing: what random `Host` headers fill.
    public var unknownHosts: Int { share(1) }
    /// Sites, and an eighth of this for their 429 pages.
    public var sites: Int { share(18) }
    public var homePages: Int { share(16) }
    /// Package pages, rendered once each (`VoucherPageTemplate`).
    public var voucherPages: Int { share(4) }
    public var catalogues: Int { share(8) }
    public var contentPages: Int { share(6) }
    /// Gateway accounts by tenant, and by id.
    public var gatewayAccounts: Int { share(1) }
    public var frameAncestors: Int { share(1) }
    /// The rate-limit leases and remembered refusals, which are not kept per tenant but per client.
    public var rateLimits: Int { share(4) }

    /// `parts` sixty-fourths of the budget; the shares above add up to 62, a little under the whole.
    private func share(_ parts: Int) -> Int { bytes / 64 * parts }
}
