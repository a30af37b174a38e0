import Foundation
import HTTP
import Templates

/// Builds order forms for pages: a fresh idempotency key per rendering and the visitor's CSRF token
/// (with the cookie to set when the browser has none yet).
struct OrderFormFactory: Sendable {
    /// An empty or prefilled form for a new order.
    static func form(for profileID: UUID, state: FormState = FormState(), request: HTTPRequest)
        -> (form: OrderFormView, cookie: SetCookie?)
    {
        let (token, cookie) = CSRFToken.issue(for: request)
        return (form(for: profileID, csrfToken: token, idempotencyKey: newIdempotencyKey(), state: state), cookie)
    }

    static func form(for profileID: UUID, csrfToken: String, idempotencyKey: String, state: FormState = FormState())
        -> OrderFormView
    {
        OrderFormView(
            profileID: profileID.uuidString.lowercased(), csrfToken: csrfToken, idempotencyKey: idempotencyKey,
            maximumQuantity: OrderSubmission.maximumQuantity, state: state)
    }

    /// A new order's key: a second submission of the same rendered form is the same order.
    static func newIdempotencyKey() -> String { RandomToken.hex(bytes: 16) }

    /// The package page with its order form.
    static func voucherPage(
        _ profile: VoucherProfile, form: OrderFormView, cookie: SetCookie?, context: TenantContext,
        status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let strings = context.chrome.strings
        let view = VoucherView(
            name: profile.name, description: profile.description, price: Rupiah.format(profile.price),
            details: profile.details(strings), form: form)
        var response = HTTPResponse.page(VoucherPage(chrome: context.chrome, view: view), status: status)
        // The page carries a CSRF token and a one-time idempotency key: never serve it from a cache.
        response.headers.set("Cache-Control", "no-store")
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
