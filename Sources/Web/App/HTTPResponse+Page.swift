import HTTP
import Templates

extension HTTPResponse {
    /// A rendered page. Pages depend on the host, the language cookie and `Accept-Language`.
    static func page(_ page: some HTML, status: HTTPStatus = .ok) -> HTTPResponse {
        var response = HTTPResponse.html(page.render(), status: status)
        response.headers.set("Cache-Control", "no-cache")
        response.headers.set("Vary", "Accept-Language, Cookie")
        return response
    }

    /// Answers a conditional GET: 304 when the client's `If-None-Match` holds this tag.
    static func cacheable(
        _ body: [UInt8], contentType: String, etag: String, request: HTTPRequest, cacheControl: String
    ) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("ETag", etag)
        headers.set("Cache-Control", cacheControl)
        if request.ifNoneMatch(etag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        headers.set("Content-Type", contentType)
        return HTTPResponse(status: .ok, headers: headers, body: body)
    }
}


extension HTTPRequest {
    /// The path a language switch may link back to: the page itself for a GET, the home page after
    /// a POST (a form's target is no page to link to).
    var pageAddress: String {
        method == .GET || method == .HEAD ? path : "/"
    }
}
