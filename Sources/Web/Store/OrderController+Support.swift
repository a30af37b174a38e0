import Foundation
import HTTP
import Templates

extension OrderController {
    /// `order_EV…`: remembers the access token in this browser, so a second submit of the same form
    /// can still lead to the status page.
    static func cookieName(_ number: String) -> String {
        "order_" + number
    }

    static func orderCookie(_ order: VoucherOrder, token: String, _ request: HTTPRequest) -> SetCookie? {
        try? SetCookie(
            name: cookieName(order.number), value: token, path: "/", maxAge: 7 * 24 * 3600, httpOnly: true,
            secure: request.isSecure, sameSite: .lax)
    }

    /// `http(s)://host[:port]` of this request, from the validated host, never the raw header.
    static func origin(of request: HTTPRequest) throws(HTTPError) -> String {
        guard let raw = request.host, let host = HostName.normalise(raw, stripWWW: false) else {
            throw HTTPError(.badRequest, "The request has no valid Host header.")
        }
        let scheme = request.isSecure ? "https" : "http"
        let port = host.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host.name)\(port)"
    }

    /// Order numbers and tokens have fixed shapes; anything else is not worth a query.
    static func isPlausible(number: String, token: String) -> Bool {
        number.utf8.count == 14 && number.hasPrefix("EV")
            && number.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
            && token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The status page's view, with the CSRF cookie to set when it carries an "order again" form.
    func statusView(_ order: VoucherOrder, token: String, _ request: HTTPRequest, _ context: TenantContext) throws
        -> (OrderStatusView, SetCookie?)
    {
        let strings = context.chrome.strings
        let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        var summary = [
            OrderStatusView.Line(label: strings.labelOrderNumber, value: order.number),
            OrderStatusView.Line(label: strings.labelPackage, value: order.profileName),
            OrderStatusView.Line(label: strings.labelQuantity, value: String(order.quantity)),
            OrderStatusView.Line(label: strings.labelTotal, value: Rupiah.format(order.amount)),
        ]
        var cookie: SetCookie?
        let state: OrderStatusView.State
        switch order.effectiveStatus() {
        case .pending:
            summary.append(.init(label: strings.labelPayBefore, value: dates.dayAndTime(order.expiresAt)))
            state = .pending(checkoutURL: try checkout.reusableURL(of: order, for: context.tenant))
        case .paid:
            if let paidAt = order.paidAt { summary.append(.init(label: strings.labelPaidAt, value: dates.dayAndTime(paidAt))) }
            let login = context.branding.hotspotLoginURL
            state = .paid(
                codes: try orders.voucherCodes(orderID: order.id, for: context.tenant),
                hotspotLoginURL: login.isEmpty ? nil : login)
        case let closed:
            let outcome: OrderStatusView.Outcome =
                closed == .expired ? .expired : closed == .cancelled ? .cancelled : .failed
            var payAgain: OrderFormView?
            if try profiles.onSaleProfile(id: order.profileID, for: context.tenant) != nil {
                let prefilled = FormState(values: [
                    OrderFormView.Field.phone: order.buyerPhone, OrderFormView.Field.name: order.buyerName,
                    OrderFormView.Field.email: order.buyerEmail, OrderFormView.Field.quantity: String(order.quantity),
                ])
                (payAgain, cookie) = OrderFormFactory.form(for: order.profileID, state: prefilled, request: request)
            }
            state = .closed(outcome, payAgain: payAgain)
        }
        var view = OrderStatusView(
            number: order.number, packageName: order.profileName, summary: summary, state: state,
            refreshURL: Paths.order(order.number, token: token))
        if case .paid(let codes, _) = state {
            view.codeStates = try VoucherUsageQuery(database: orders.database).summaries(
                of: codes, order: order, context: context)
        }
        return (view, cookie)
    }
}
