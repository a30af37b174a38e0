import HTTP
import Templates

extension HTTPResponse {
    /// An admin's sales page: it shows buyers' numbers and voucher codes, so no cache may keep it.
    static func adminSalesPage(_ page: some HTML, status: HTTPStatus = .ok) -> HTTPResponse {
        var response = HTTPResponse.page(page, status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
