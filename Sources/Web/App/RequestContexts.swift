import HTTP
import Templates

/// What a handler on a tenant's site knows: the tenant, its branding, the visitor's language.
/// Built after tenant resolution, so a tenant handler can never run without a tenant.
public struct TenantContext: Sendable {
    public let tenant: Tenant
    public let site: TenantSite
    public let language: Language
    public let chrome: SiteChrome

    public var branding: Branding { site.branding }
}

/// What a handler on the platform's own site knows.
public struct PlatformContext: Sendable {
    public let language: Language
    public let chrome: SiteChrome
}

/// Routes answered on every host, before any tenant is resolved (health, assets, webhooks).
public struct GlobalContext: Sendable {}
