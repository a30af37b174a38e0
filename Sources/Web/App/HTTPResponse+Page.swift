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
    /// The address a language switch may link back to: the page itself with every query parameter but
    /// `lang` for a GET (an order's page needs its `t=` token), the home page after a POST (a form's
    /// target is no page to link to).
    var pageAddress: String {
        guard method == .GET || method == .HEAD else { return Paths.home }
        let kept = query.split(separator: "&").filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return name != "lang"
        }
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }
}

extension HTTPRequest {
    /// The site's absolute address as the visitor reached it (`https://wifi.example.id`, the port kept),
    /// from the already validated host; `/` only if the host could not be read at all.
    var siteOrigin: String {
        guard let host = host.flatMap({ HostName.normalise($0, stripWWW: false) }) else { return "/" }
        return (isSecure ? "https://" : "http://") + host.name + (host.port.map { ":\($0)" } ?? "")
    }
}
