import HTTP

/// Headers every response carries (DESIGN §7). No page has inline script, so the policy forbids it.
///
/// A policy already on the response is kept: `TenantFraming` sets one naming the sites a tenant lets
/// frame its pages. `X-Frame-Options` can only say DENY or one origin, so it is sent only while the
/// policy forbids framing altogether; browsers that know `frame-ancestors` ignore it anyway.
struct SecurityHeaders<Context: Sendable>: Middleware {
    static var contentSecurityPolicy: String { policy(frameAncestors: .none) }

    static func policy(frameAncestors: FrameAncestors) -> String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self' https:; frame-ancestors \(frameAncestors.directiveValue); base-uri 'none'; "
            + "object-src 'none'"
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
        if response.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true {
            response.headers.set("X-Frame-Options", "DENY")
        } else {
            response.headers.remove("X-Frame-Options")
        }
        if request.isSecure {
            response.headers.set("Strict-Transport-Security", "max-age=31536000")
        }
        return response
    }
}
