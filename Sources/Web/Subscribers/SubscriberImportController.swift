import Foundation
import HTTP
import Templates

/// `GET/POST /admin/subscribers/import` and `POST /admin/subscribers/import/confirm`: a CSV of
/// subscribers uploaded, staged and reviewed (the dry run writes only the staged copy), then imported
/// when the admin confirms. Everything is the signed-in admin's tenant's: another tenant's token names
/// no staged file, and names are checked against this tenant's subscribers only.
struct SubscriberImportController: Sendable {
    /// A CSV of 4 MiB with room for the multipart framing and the token field.
    static let maxFileBytes = 4 * 1024 * 1024
    static let bodyLimit = maxFileBytes + 64 * 1024
    /// Rows of each kind the dry run lists; the counts are always whole.
    static let listedRows = 200

    typealias Field = SubscriberImportView.Field

    let importer: SubscriberImporter

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/subscribers/import") { request, admin, _ in
            let context = admin.context
            let items = try request.queryItems
            var notice: String?
            if let count = items["imported"].flatMap(Int.init), let skipped = items["skipped"].flatMap(Int.init) {
                notice = context.language.subscriberImportStrings.imported(count, skipped)
            }
            return page(admin, notice: notice)
        }
        router.post("/admin/subscribers/import", bodyLimit: Self.bodyLimit) { request, admin, _ in try upload(request, admin) }
        router.post("/admin/subscribers/import/confirm") { request, admin, _ in try confirm(request, admin) }
    }

    private func upload(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let form = try request.multipartForm(
            limits: MultipartLimits(maxParts: 10, maxPartBytes: Self.maxFileBytes, maxTotalBytes: Self.bodyLimit))
        try admin.session.verifyCSRF(field: form.parts.first { $0.name == Field.csrf && !$0.isFile }?.text)
        let words = context.language.subscriberImportStrings
        guard let part = form.parts.first(where: { $0.name == Field.file && $0.isFile }), !part.body.isEmpty else {
            return page(admin, fileError: words.errorNoFile, status: .unprocessableContent)
        }
        let file: SubscriberImportFile
        do {
            file = try SubscriberImportFile(bytes: part.body)
        } catch {
            let message =
                switch error {
                case .empty: words.errorEmpty
                case .headerEncoding: words.errorHeaderEncoding
                case .noUsernameColumn: words.errorNoUsername
                case .tooManyRows: words.errorTooManyRows(SubscriberImportFile.maxRows)
                }
            return page(admin, fileError: message, status: .unprocessableContent)
        }
        let staged = try importer.stage(
            file, bytes: part.body, fileName: Self.fileName(part.filename), for: context.tenant,
            by: AuditActor(admin, request: request))
        return page(admin, review: reviewView(staged, words: words))
    }

    private func confirm(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let form = try request.formFields()
        try admin.verifyCSRF(form)
        let words = context.language.subscriberImportStrings
        guard let expectedText = form[Field.expected], expectedText.utf8.count <= 6,
            let expected = Int(expectedText), expected >= 0
        else { throw HTTPError(.badRequest, "expected must be a row count") }
        guard let token = form[Field.token], Self.isToken(token) else {
            return page(admin, notice: words.gone, status: .conflict)
        }
        switch try importer.run(token: token, expected: expected, for: context.tenant, by: AuditActor(admin, request: request)) {
        case .imported(let count, let skipped):
            return .redirect(to: Paths.Admin.subscriberImport + "?imported=\(count)&skipped=\(skipped)")
        case .gone:
            return page(admin, notice: words.gone, status: .conflict)
        case .changed(let staged):
            return page(admin, notice: words.changed, review: reviewView(staged, words: words), status: .conflict)
        }
    }

    /// 64 lower-case hex digits, as `RandomToken.hex()` draws them.
    static func isToken(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The uploaded file's own name, for the page and the audit row: no folders, no control characters,
    /// at most 120 characters.
    static func fileName(_ sent: String?) -> String {
        let base = (sent ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.filter { !$0.isNewline && !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }.prefix(120))
        return clean.isEmpty ? "import.csv" : clean
    }

    private func reviewView(_ staged: SubscriberImporter.Staged, words: SubscriberImportStrings) -> SubscriberImportView.Review {
        let review = staged.review
        let reasons = SubscriberImportReasons(words: words)
        return SubscriberImportView.Review(
            summary: words.summary(
                staged.fileName, staged.layout == .mikrotik ? words.layoutMikrotik : words.layoutBilling,
                review.accepted.count, review.rejected.count),
            acceptedCount: review.accepted.count,
            accepted: review.accepted.prefix(Self.listedRows).map {
                .init(
                    line: $0.line, customerNumber: $0.input.customerNumber ?? "", name: $0.input.name,
                    username: $0.input.pppoeUsername, plan: $0.plan.name)
            },
            rejectedCount: review.rejected.count,
            rejected: review.rejected.prefix(Self.listedRows).map {
                .init(line: $0.line, username: $0.username, reasons: $0.reasons.map(reasons.text))
            },
            token: staged.token, confirmPath: Paths.Admin.subscriberImportConfirm)
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, notice: String? = nil, fileError: String? = nil,
        review: SubscriberImportView.Review? = nil, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = SubscriberImportView(
            uploadPath: Paths.Admin.subscriberImport, subscribersExportPath: Paths.Admin.subscribersExport,
            invoicesExportPath: Paths.Admin.invoicesExport, csrfToken: admin.session.csrfSecret,
            notice: notice, fileError: fileError, review: review)
        return .page(SubscriberImportPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
