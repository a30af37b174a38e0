import HTTP

/// CSRF protection for anonymous forms by double submit: a random host-only cookie, and a hidden
/// field that must carry the same value. A cross-site page can make a browser send the cookie but
/// cannot read it to fill the field. Signed-in areas use their session's secret instead.
enum CSRFToken {
    static let cookieName = "csrf"
    static let fieldName = "_csrf"

    /// The token to put in a form being rendered, and the cookie to set when the browser has none yet.
    /// An existing well-formed cookie is reused, so several open tabs keep working.
    static func issue(for request: HTTPRequest) -> (token: String, cookie: SetCookie?) {
        if let existing = request.cookie(cookieName), isWellFormed(existing) {
            return (existing, nil)
        }
        let token = RandomToken.hex()
        let cookie = try? SetCookie(name: cookieName, value: token, path: "/", httpOnly: true, secure: request.isSecure, sameSite: .lax)
        return (token, cookie)
    }

    /// - Throws: 403 unless the form's token equals the cookie's (compared in constant time).
    static func verify(_ request: HTTPRequest, form: URLEncodedForm) throws(HTTPError) {
        guard let cookie = request.cookie(cookieName), isWellFormed(cookie),
            let field = form[fieldName], ConstantTime.equals(cookie, field)
        else {
            throw HTTPError(.forbidden, "The form's security token is missing or does not match.")
        }
    }

    /// 64 lower-case hex digits: what `RandomToken.hex()` makes; anything else was not ours.
    private static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
