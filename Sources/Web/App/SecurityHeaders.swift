import HTTP

/// Headers every response carries (DESIGN §7). No page has inline script, so the policy forbids it.
struct SecurityHeaders<Context: Sendable>: Middleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self' https:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }

    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response = try next(request, context)
        if !response.headers.contains("Content-Security-Policy") {
            response.headers.set("Content-Security-Policy", Self.contentSecurityPolicy)
        }
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.set("X-Frame-Options", "DENY")
        if request.isSecure {
            response.headers.set("Strict-Transport-Security", "max-age=31536000")
        }
        return response
    }
}
