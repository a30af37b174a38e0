import HTTP

/// Remembers a language picked with `?lang=` in a cookie, on whatever page answers.
struct LanguageCookie<Context: SiteContext>: Middleware {
    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response = try next(request, context)
        if let cookie = context.languageCookie { response.setCookie(cookie) }
        return response
    }
}
