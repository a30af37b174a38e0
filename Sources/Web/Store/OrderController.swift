import Foundation
import HTTP
import Templates

/// `POST /orders` (validate, commit the order, open the gateway's checkout) and the order status page.
/// The gateway's return link (`PaymentReturnController`) only ever leads to the status page.
struct OrderController: Sendable {
    let profiles: VoucherProfileRepository
    let orders: VoucherOrderRepository
    let checkout: PaymentCheckout
    let orderExpiry: Duration

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.post("/orders", limit: .orders) { request, context, _ in try placeOrder(request, context) }
        router.get("/orders/{number}") { request, context, parameters in
            try showOrder(number: parameters["number"] ?? "", token: try request.queryItems["t"], request, context)
        }
    }

    private func placeOrder(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let form = try request.formFields()
        try CSRFToken.verify(request, form: form)
        let submission: OrderSubmission
        switch try OrderSubmission.validate(form) {
        case .invalid(let problems):
            return try invalidForm(form, problems: problems, request, context)
        case .valid(let valid):
            submission = valid
        }
        guard
            let creation = try orders.create(
                submission, language: context.language.rawValue, expiresIn: orderExpiry, for: context.tenant)
        else { throw HTTPError(.notFound) }
        let order = creation.order
        let origin = try Self.origin(of: request)
        let returnURL = { (token: String) in origin + Paths.paymentReturn(order: order.number, token: token) }
        let outcome: PaymentCheckout.Outcome<VoucherOrder>
        let token: String?
        if let created = creation.accessToken {
            outcome = try checkout.openCreated(order, accessToken: created, returnURL: returnURL, for: context.tenant)
            token = created
        } else {
            let knownToken = try tokenFromCookie(of: order, request, context)
            (outcome, token) = try checkout.open(order, accessToken: knownToken, returnURL: returnURL, for: context.tenant)
        }

        var response: HTTPResponse
        switch outcome {
        case .redirect(let url):
            response = .redirect(to: url)
        case .settled(let settled):
            if let token {
                response = .redirect(to: Paths.order(settled.number, token: token))
            } else if settled.effectiveStatus() == .paid {
                let strings = context.chrome.strings
                let notice = OrderNoticeView(
                    title: strings.orderAlreadyPaidTitle,
                    message: context.site.sendsWhatsApp ? strings.orderAlreadyPaidText : strings.orderAlreadyPaidTextNoWhatsApp,
                    orderNumber: settled.number)
                response = .page(OrderNoticePage(chrome: context.chrome, view: notice))
            } else {
                // Expired or failed, and this browser cannot see it: a fresh form makes a new order.
                response = .redirect(to: Paths.voucher(settled.profileID))
            }
        case .unavailable(let error):
            response = retryPage(order, form: form, error: error, context)
        }
        if let token, let cookie = Self.orderCookie(order, token: token, request) { response.setCookie(cookie) }
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private func invalidForm(
        _ form: URLEncodedForm, problems: [String: OrderSubmission.Problem], _ request: HTTPRequest,
        _ context: TenantContext
    ) throws -> HTTPResponse {
        let (profileID, key) = try OrderSubmission.identity(of: form)
        guard let profile = try profiles.onSaleProfile(id: profileID, for: context.tenant) else {
            throw HTTPError(.notFound)
        }
        var state = OrderSubmission.state(of: form)
        for (field, problem) in problems { state.errors[field] = problem.message(context.chrome.strings) }
        // Same key: nothing was created, and the corrected form is still the same intent.
        let (token, cookie) = CSRFToken.issue(for: request)
        let view = OrderFormView(
            profileID: profile.id.uuidString.lowercased(), csrfToken: token, idempotencyKey: key,
            maximumQuantity: OrderSubmission.maximumQuantity, state: state)
        return OrderFormFactory.voucherPage(profile, form: view, cookie: cookie, context: context, status: .unprocessableContent)
    }

    /// The gateway failed or none is configured: the order stays pending, and one button re-posts the
    /// same form (same idempotency key, same order).
    private func retryPage(_ order: VoucherOrder, form: URLEncodedForm, error: GatewayError, _ context: TenantContext)
        -> HTTPResponse
    {
        let view = PaymentRetryView(
            message: context.chrome.strings.gatewayDownText(order.number), action: Paths.orders,
            fields: HTTPResponse.retryFields(of: form))
        return .paymentRetry(view, after: error, chrome: context.chrome)
    }

    private func showOrder(number: String, token: String?, _ request: HTTPRequest, _ context: TenantContext) throws
        -> HTTPResponse
    {
        guard let token, Self.isPlausible(number: number, token: token),
            let order = try orders.order(number: number, accessToken: token, for: context.tenant)
        else { throw HTTPError(.notFound) }
        let (view, cookie) = try statusView(order, token: token, request, context)
        var response = HTTPResponse.page(OrderStatusPage(chrome: context.chrome, view: view))
        response.headers.set("Cache-Control", "no-store")
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func tokenFromCookie(of order: VoucherOrder, _ request: HTTPRequest, _ context: TenantContext) throws -> String? {
        guard let token = request.cookie(Self.cookieName(order.number)), Self.isPlausible(number: order.number, token: token),
            try orders.order(number: order.number, accessToken: token, for: context.tenant) != nil
        else { return nil }
        return token
    }
}
