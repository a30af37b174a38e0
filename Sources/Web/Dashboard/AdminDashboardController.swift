import Foundation
import HTTP
import Templates

/// `GET /admin`: the tenant admin's first page after signing in. Every figure comes from the tenant's
/// own rows, in its scope, and days begin at midnight in its time zone.
struct AdminDashboardController: Sendable {
    let dashboard: DashboardQuery

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin") { _, admin, _ in
            let context = admin.context
            let words = context.language.adminDashboardStrings
            let dates = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
            let figures = try dashboard.figures(for: context.tenant, timeZone: dates.timeZone.identifier)
            let tiles = [
                AdminDashboardView.Tile(
                    label: words.salesToday, value: Rupiah.format(figures.salesToday),
                    detail: words.payments(figures.paymentsToday), path: nil),
                AdminDashboardView.Tile(
                    label: words.salesThisMonth, value: Rupiah.format(figures.salesThisMonth),
                    detail: words.payments(figures.paymentsThisMonth), path: nil),
                AdminDashboardView.Tile(
                    label: words.unpaidInvoices, value: Rupiah.format(figures.unpaidAmount),
                    detail: words.invoices(figures.unpaidInvoices), path: Paths.Admin.invoices(status: "unpaid")),
                AdminDashboardView.Tile(
                    label: words.isolatedSubscribers, value: String(figures.isolatedSubscribers), detail: nil, path: nil),
                AdminDashboardView.Tile(
                    label: words.onlineSessions, value: String(figures.onlineSessions), detail: nil,
                    path: Paths.Admin.sessions),
            ]
            let payments = try dashboard.lastPayments(for: context.tenant).map { payment in
                let (subject, path) = Self.subject(payment.subject, words: words)
                let method =
                    switch payment.method {
                    case "cash": words.methodCash
                    case "bank_transfer": words.methodBankTransfer
                    default: words.methodGateway
                    }
                return AdminDashboardView.Payment(
                    when: dates.dayAndTime(payment.at), subject: subject, path: path, amount: Rupiah.format(payment.amount),
                    method: method)
            }
            let view = AdminDashboardView(tiles: tiles, payments: payments, csrfToken: admin.session.csrfSecret)
            return .page(AdminDashboardPage(chrome: context.chrome, view: view))
        }
    }

    private static func subject(_ subject: DashboardPayment.Subject?, words: AdminDashboardStrings) -> (String, String?) {
        switch subject {
        case .order(let number): (words.order(number), Paths.Admin.order(number))
        case .invoice(let number): (words.invoice(number), Paths.Admin.invoice(number))
        case .reseller(let id, let name): (words.settlement(name), Paths.Admin.reseller(id))
        case nil: ("", nil)
        }
    }
}
