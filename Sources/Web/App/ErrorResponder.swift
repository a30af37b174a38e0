import HTTP
import Postgres
import Templates

/// The one place where errors become statuses and pages.
struct ErrorResponder: Sendable {
    /// Maps any error to a status, the page's words and extra headers.
    func classify(_ error: any Error, strings: Strings) -> (status: HTTPStatus, title: String, message: String, headers: [String: String]) {
        switch error {
        case let error as HTTPError:
            let (title, message) = words(for: error.status, strings: strings)
            return (error.status, title, message, error.headers)
        case let error as RateLimitExceeded:
            return (.tooManyRequests, strings.tooManyRequestsTitle, strings.tooManyRequestsText, error.headers)
        case let error as LoginThrottled:
            let seconds = String(error.retryAfterSeconds)
            return (
                .tooManyRequests, strings.tooManyRequestsTitle, strings.loginThrottled(error.retryAfterSeconds),
                ["Retry-After": seconds]
            )
        case is TenantNotFound:
            return (.notFound, strings.notFoundTitle, strings.notFoundText, [:])
        case let error as PostgresError where error.isUnavailable:
            Log.error("database unavailable: \(error)")
            return (.serviceUnavailable, strings.unavailableTitle, strings.unavailableText, ["Retry-After": "5"])
        case let error as PostgresError where error.isQueryCanceled:
            // The statement outlived DB_STATEMENT_TIMEOUT_MS: the database is busy or the page asks too much
            // of it, not a fault in the request, and the request changed nothing (its transaction rolled back).
            Log.error("statement timed out: \(error)")
            return (.serviceUnavailable, strings.unavailableTitle, strings.unavailableText, ["Retry-After": "5"])
        default:
            Log.error("unexpected error: \(String(reflecting: error))")
            return (.internalServerError, strings.serverErrorTitle, strings.serverErrorText, [:])
        }
    }

    func page(for error: any Error, request: HTTPRequest, chrome: SiteChrome) -> HTTPResponse {
        let (status, title, message, headers) = classify(error, strings: chrome.strings)
        let view = ErrorView(status: status.code, title: title, message: message, requestID: request.id)
        var response = HTTPResponse.html(ErrorPage(chrome: chrome, view: view).render(), status: status)
        for (name, value) in headers { response.headers.set(name, value) }
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// A tenant's 429 from its page kept with the site (`TenantSiteCache.refusalPage`): refusing a flood
    /// must cost no more than serving a page, so nothing is rendered per refusal.
    func refusal(_ error: RateLimitExceeded, page: [UInt8]) -> HTTPResponse {
        var response = HTTPResponse.html(page, status: .tooManyRequests)
        error.decision.apply(to: &response.headers)
        // A new response has none of these yet: adding skips the search that `set` makes first.
        response.headers.add("Retry-After", String(error.decision.retryAfterSeconds))
        response.headers.add(Self.noStore)
        return response
    }

    private static let noStore = HTTPHeaders.Field("Cache-Control", "no-store")

    /// The body of a tenant's 429 page in the frame `chrome`, without a request id.
    static func refusalPage(chrome: SiteChrome) -> [UInt8] {
        let strings = chrome.strings
        let view = ErrorView(
            status: 429, title: strings.tooManyRequestsTitle, message: strings.tooManyRequestsText, requestID: nil)
        return ErrorPage(chrome: chrome, view: view).render()
    }

    private func words(for status: HTTPStatus, strings: Strings) -> (String, String) {
        switch status.code {
        case 404, 405, 410: (strings.notFoundTitle, strings.notFoundText)
        case 403: (strings.forbiddenTitle, strings.forbiddenText)
        case 413, 414, 431: (strings.tooLargeTitle, strings.tooLargeText)
        case 429: (strings.tooManyRequestsTitle, strings.tooManyRequestsText)
        case 503, 504: (strings.unavailableTitle, strings.unavailableText)
        case 500...: (strings.serverErrorTitle, strings.serverErrorText)
        default: (strings.badRequestTitle, strings.badRequestText)
        }
    }
}
