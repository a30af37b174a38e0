import HTTP
import Templates

extension HTTPResponse {
    /// The friendly page for a checkout the gateway could not open: 502 when the gateway failed or timed
    /// out, 503 when no usable account is configured; nothing was changed, so the button may post again.
    static func paymentRetry(_ view: PaymentRetryView, after error: GatewayError, chrome: SiteChrome) -> HTTPResponse {
        let status: HTTPStatus
        switch error {
        case .unavailable: status = .badGateway
        case .rejected, .misconfigured: status = .serviceUnavailable
        }
        var response = HTTPResponse.page(PaymentRetryPage(chrome: chrome, view: view), status: status)
        response.headers.set("Retry-After", "10")
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// The hidden fields that re-post a submitted form as it was.
    static func retryFields(of form: URLEncodedForm) -> [PaymentRetryView.HiddenField] {
        form.fields.map { PaymentRetryView.HiddenField(name: $0.name, value: $0.value) }
    }
}
