import HTTP
import Templates

extension HTTPResponse {
    /// A page whose form is protected by the double-submit cookie (`CSRFToken`): rendered with the
    /// visitor's token, setting its cookie when the browser has none yet, and never cached (the
    /// token is per visitor).
    static func formPage(
        for request: HTTPRequest, status: HTTPStatus = .ok, render: (_ csrfToken: String) -> any HTML
    ) -> HTTPResponse {
        let (token, cookie) = CSRFToken.issue(for: request)
        var response = HTTPResponse.page(render(token), status: status)
        if let cookie { response.setCookie(cookie) }
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
