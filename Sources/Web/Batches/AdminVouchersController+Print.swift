import Foundation
import HTTP
import Templates

/// `GET /admin/vouchers/{id}/print?per_page=` (A4 cards) and `GET /admin/vouchers/{id}/export.csv`.
extension AdminVouchersController {
    /// Cards per A4 page the print stylesheet lays out; anything else asked for gets the default.
    static let cardsPerPage = [8, 12, 24, 40]
    static let defaultCardsPerPage = 24

    func addPrintRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/vouchers/{id}/print") { request, admin, parameters in
            let context = admin.context
            let (batch, vouchers) = try load(parameters, context)
            let asked = try request.queryItems["per_page"].flatMap { Int($0) }
            let perPage = asked.flatMap { Self.cardsPerPage.contains($0) ? $0 : nil } ?? Self.defaultCardsPerPage
            let view = VoucherCardsView(
                tenantName: context.branding.displayName, packageName: batch.profileName, price: Rupiah.format(batch.price),
                validity: VoucherProfile.validity(minutes: batch.validityMinutes, strings: context.chrome.strings),
                loginURL: context.branding.hotspotLoginURL,
                cards: vouchers.map { VoucherCardsView.Card(code: $0.code, password: $0.password) }, perPage: perPage,
                perPageLinks: Self.cardsPerPage.map {
                    .init(count: $0, href: Paths.Admin.printVoucherBatch(batch.id, perPage: $0), isCurrent: $0 == perPage)
                }, backPath: Paths.Admin.vouchers)
            return .page(VoucherCardsPage(chrome: context.chrome, view: view))
        }
        router.get("/admin/vouchers/{id}/export.csv") { _, admin, parameters in
            let context = admin.context
            let (batch, vouchers) = try load(parameters, context)
            let words = context.language.adminVoucherStrings
            let validity = VoucherProfile.validity(minutes: batch.validityMinutes, strings: context.chrome.strings)
            var rows = [
                [words.csvCode, words.csvPassword, words.csvPackage, words.csvPrice, words.csvValidity, words.csvReseller, words.csvUsed]
            ]
            for voucher in vouchers {
                rows.append([
                    voucher.code, voucher.password ?? voucher.code, batch.profileName, String(batch.price), validity,
                    batch.reseller, voucher.isUsed ? "1" : "0",
                ])
            }
            var headers = HTTPHeaders()
            headers.set("Content-Type", "text/csv; charset=utf-8")
            headers.set(
                "Content-Disposition", "attachment; filename=\"vouchers-\(batch.id.uuidString.lowercased().prefix(8)).csv\"")
            return HTTPResponse(headers: headers, body: Array(CSVText.document(rows).utf8))
        }
    }

    private func load(_ parameters: RouteParameters, _ context: TenantContext) throws -> (VoucherBatch, [BatchVoucher]) {
        guard let batch = try batches.batch(id: try Self.id(parameters), for: context.tenant) else {
            throw HTTPError(.notFound)
        }
        return (batch, try batches.vouchers(of: batch.id, for: context.tenant))
    }
}
