import HTTP
import Templates

/// What every site's context carries: the visitor's language, and the cookie that remembers a
/// language chosen with `?lang=` (nil when there is nothing new to remember).
protocol SiteContext: Sendable {
    var language: Language { get }
    var chrome: SiteChrome { get }
    var languageCookie: SetCookie? { get }
}

/// What a handler on a tenant's site knows: the tenant, its branding, the visitor's language.
/// Built after tenant resolution, so a tenant handler can never run without a tenant.
public struct TenantContext: SiteContext {
    public let tenant: Tenant
    public let site: TenantSite
    public let language: Language
    public let chrome: SiteChrome
    let languageCookie: SetCookie?

    public var branding: Branding { site.branding }
}

/// What a handler on the platform's own site knows.
public struct PlatformContext: SiteContext {
    public let language: Language
    public let chrome: SiteChrome
    let languageCookie: SetCookie?
}

/// Routes answered on every host, before any tenant is resolved (health, assets, webhooks).
public struct GlobalContext: Sendable {}
