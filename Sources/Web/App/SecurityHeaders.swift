import HTTP

/// Headers every response carries (DESIGN §7). No inline script anywhere, so the policy can forbid it.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self' https:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static func apply(to response: inout HTTPResponse, isSecure: Bool) {
        if !response.headers.contains("Content-Security-Policy") {
            response.headers.set("Content-Security-Policy", contentSecurityPolicy)
        }
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.set("X-Frame-Options", "DENY")
        if isSecure {
            response.headers.set("Strict-Transport-Security", "max-age=31536000")
        }
    }
}
