import HTTP

/// Where a tenant's store is for the visitor of the platform host: the same scheme and port, the
/// tenant's slug before the base domain.
struct StoreAddress: Sendable {
    let scheme: String
    let suffix: String

    init(request: HTTPRequest, baseDomain: String) {
        scheme = request.isSecure ? "https" : "http"
        let port = request.host.flatMap { HostName.normalise($0)?.port }
        suffix = "." + baseDomain + (port.map { ":\($0)" } ?? "") + "/"
    }

    func url(slug: String) -> String { scheme + "://" + slug + suffix }
}
