import HTTP
import Templates

/// A context that knows the rules of the route its request was routed to.
protocol RoutedContext: Sendable {
    var route: RouteRules { get }
}

/// What every site's context carries: the visitor's language, and the cookie that remembers a
/// language chosen with `?lang=` (nil when there is nothing new to remember).
protocol SiteContext: Sendable {
    var language: Language { get }
    var chrome: SiteChrome { get }
    var languageCookie: SetCookie? { get }
}

/// What a handler on a tenant's site knows: the tenant, its branding, the visitor's language.
/// Built after tenant resolution, so a tenant handler can never run without a tenant.
public struct TenantContext: SiteContext, RoutedContext {
    public let tenant: Tenant
    public let site: TenantSite
    public let language: Language
    /// The request's own path and query, which the frame's language links point back to.
    let pageAddress: String
    /// The admin's pages say when something the store relies on is missing (no WhatsApp sender).
    let warnsOfNoSender: Bool
    let languageCookie: SetCookie?
    /// The rules of the route the request was routed to.
    let route: RouteRules
    /// Whether the request is answered by a worker, or from memory on the event loop.
    var answering = Answering.onWorker

    public var branding: Branding { site.branding }

    /// The page's frame, made when a page is rendered: an answer from memory (a cached home page, a
    /// refusal) needs none, and building it for every request was a twentieth of the home page's cost.
    public var chrome: SiteChrome {
        var chrome = SiteChrome.tenant(site, language: language, path: pageAddress)
        if warnsOfNoSender { chrome.alerts.append(language.adminSalesStrings.whatsAppNoSenderWarning) }
        return chrome
    }
}

/// Where a tenant's request is being answered. On the event loop nothing may block: the middleware
/// decides from memory or throws `AnswerNeedsWorker` before changing anything, and the request is
/// answered again, from the start, by a worker.
enum Answering: Sendable {
    case onWorker
    /// On the event loop, with the way to the route's answer from memory, looked up only once the
    /// middleware has decided it can answer there (so a cache hit is counted once, where it is used).
    case onEventLoop(lookUp: @Sendable () throws -> HTTPResponse)
    /// On the event loop, with the route's answer found.
    case answered(HTTPResponse)

    /// The answer from memory, for the endpoint; throws `AnswerNeedsWorker` when there is none.
    func answer() throws -> HTTPResponse {
        switch self {
        case .onWorker: throw AnswerNeedsWorker()
        case .onEventLoop(let lookUp): try lookUp()
        case .answered(let response): response
        }
    }

    var isOnEventLoop: Bool {
        if case .onWorker = self { false } else { true }
    }
}

/// Thrown on the event loop by whatever would have to block: the request goes to a worker instead.
struct AnswerNeedsWorker: Error {}

/// What a handler on the platform's own site knows.
public struct PlatformContext: SiteContext, RoutedContext {
    public let language: Language
    public let chrome: SiteChrome
    let languageCookie: SetCookie?
    let route: RouteRules
}

/// Routes answered on every host, before any tenant is resolved (health, assets, webhooks).
public struct GlobalContext: RoutedContext {
    /// The rules of the global route the request was routed to (`unrouted` when it goes on to a site).
    let route: RouteRules
}
