import HTTP

/// Headers every response carries. No page has inline script, so the policy forbids it.
///
/// A policy already on the response is kept: `TenantFraming` sets one naming the sites a tenant lets
/// frame its pages. `X-Frame-Options` can only say DENY or one origin, so it is sent only while the
/// policy forbids framing altogether; browsers that know `frame-ancestors` ignore it anyway.
struct SecurityHeaders<Context: Sendable>: Middleware {
    static var contentSecurityPolicy: String { ContentSecurityPolicy.framingForbidden }

    static func policy(frameAncestors: FrameAncestors) -> String {
        ContentSecurityPolicy.value(frameAncestors: frameAncestors)
    }

    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response = try next(request, context)
        let policy = response.headers["Content-Security-Policy"]
        if policy == nil {
            response.headers.set(ContentSecurityPolicy.Fields.policy)
        }
        response.headers.set(ContentSecurityPolicy.Fields.noSniffing)
        response.headers.set(ContentSecurityPolicy.Fields.referrer)
        if policy == nil || policy == Self.contentSecurityPolicy {
            response.headers.set(ContentSecurityPolicy.Fields.framingDenied)
        } else {
            response.headers.remove("X-Frame-Options")
        }
        if request.isSecure {
            response.headers.set(ContentSecurityPolicy.Fields.transportSecurity)
        }
        return response
    }
}

/// The policy text, outside the generic middleware so the common one is built once, not per response.
enum ContentSecurityPolicy {
    static func value(frameAncestors: FrameAncestors) -> String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self' https:; frame-ancestors \(frameAncestors.directiveValue); base-uri 'none'; "
            + "object-src 'none'"
    }

    /// Every page that no tenant lets other sites frame.
    static let framingForbidden = value(frameAncestors: .none)

    /// The fields `SecurityHeaders` adds to every response, sanitised once rather than per response.
    enum Fields {
        static let policy = HTTPHeaders.Field("Content-Security-Policy", framingForbidden)
        static let noSniffing = HTTPHeaders.Field("X-Content-Type-Options", "nosniff")
        static let referrer = HTTPHeaders.Field("Referrer-Policy", "strict-origin-when-cross-origin")
        static let framingDenied = HTTPHeaders.Field("X-Frame-Options", "DENY")
        static let transportSecurity = HTTPHeaders.Field("Strict-Transport-Security", "max-age=31536000")
    }
}
