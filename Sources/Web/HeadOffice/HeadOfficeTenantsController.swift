import Foundation
import HTTP
import Templates

/// `GET /head-office?q=…&page=N` (the tenants with this month's figures, 100 a page, found by name, slug or
/// domain), `POST /head-office/tenants` (create), and
/// `POST /head-office/tenants/activate|deactivate` (the tenant named by the form's `slug`). Deleting,
/// restoring and the page after creating are in `HeadOfficeTenantLifecycleController`.
struct HeadOfficeTenantsController: Sendable {
    typealias Field = HeadOfficeTenantsView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office") { request, headOffice, _ in
            let done = TenantActionDone(rawValue: try request.queryItems["done"] ?? "")
            return try page(headOffice, request: request, done: done)
        }
        router.post("/head-office/tenants") { request, headOffice, _ in try create(request, headOffice) }
        router.post("/head-office/tenants/activate") { request, headOffice, _ in
            try Self.change(request, headOffice, done: .activated) { try services.tenants.setActive(true, slug: $0, by: $1) }
        }
        router.post("/head-office/tenants/deactivate") { request, headOffice, _ in
            try Self.change(request, headOffice, done: .deactivated) { try services.tenants.setActive(false, slug: $0, by: $1) }
        }
    }

    private func create(_ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice) throws -> HTTPResponse {
        let form = try headOffice.verifiedForm(request)
        let context = headOffice.context
        let strings = context.language.headOfficeStrings
        let typed = [
            Field.slug: form[Field.slug] ?? "", Field.name: form[Field.name] ?? "", Field.tier: form[Field.tier] ?? "",
            Field.adminEmail: (form[Field.adminEmail] ?? "").trimmed,
        ]
        var errors: [String: String] = [:]
        let slug: TenantSlug?
        do {
            slug = try TenantSlug(typed[Field.slug]!)
        } catch {
            slug = nil
            errors[Field.slug] = Self.message(for: error, typed: typed[Field.slug]!, strings: strings)
        }
        let name = typed[Field.name]!.trimmed
        if name.isEmpty { errors[Field.name] = strings.errorNameMissing }
        if name.count > 120 { errors[Field.name] = strings.errorNameTooLong }
        let tier = Tenant.Tier(rawValue: typed[Field.tier]!)
        if tier == nil { errors[Field.tier] = strings.errorTierInvalid }
        let admin = NewTenantAdmin(email: typed[Field.adminEmail]!, password: form[Field.adminPassword] ?? "")
        if !OrderSubmission.isPlausibleEmail(admin.email) { errors[Field.adminEmail] = context.language.strings.errorEmailInvalid }
        if !(10...200).contains(admin.password.count) { errors[Field.adminPassword] = strings.errorAdminPasswordShort }

        if let slug, let tier, errors.isEmpty {
            let actor = AuditActor(headOffice, request: request)
            if try services.tenants.create(slug: slug, name: name, tier: tier, admin: admin, by: actor) {
                return .redirect(to: Paths.HeadOffice.tenantCreated(slug.value))
            }
            errors[Field.slug] = strings.errorSlugTaken
        }
        return try page(
            headOffice, request: request, state: FormState(values: typed, errors: errors), status: .unprocessableContent)
    }

    /// Applies a change to the tenant the form names, then back to the list with the change's notice;
    /// 404 when there is no such tenant.
    static func change(
        _ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice, done: TenantActionDone,
        _ apply: (_ slug: String, AuditActor) throws -> Bool
    ) throws -> HTTPResponse {
        let form = try headOffice.verifiedForm(request)
        guard try apply(form[Field.slug] ?? "", AuditActor(headOffice, request: request)) else {
            throw HTTPError(.notFound)
        }
        return .redirect(to: Paths.HeadOffice.home(done: done))
    }

    private func page(
        _ headOffice: AuthenticatedHeadOffice, request: HTTPRequest, state: FormState = FormState(), status: HTTPStatus = .ok,
        done: TenantActionDone? = nil
    ) throws -> HTTPResponse {
        let month = UsageMonth(containing: Date())
        let query = String((try request.queryItems[HeadOfficeTenantsView.Field.query] ?? "").trimmed.prefix(100))
        let requested = try AdminListRequest.page(try request.queryItems["page"])
        let listed = try services.tenants.tenants(
            matching: query, offset: (requested - 1) * Self.pageSize, limit: Self.pageSize)
        let usage = Dictionary(
            try services.usage.monthlyUsage(period: month, of: listed.tenants.map(\.id)).map { ($0.tenantID, $0) },
            uniquingKeysWith: { first, _ in first })
        let stores = StoreAddress(request: request, baseDomain: services.baseDomain)
        // The page the statement read: the one asked for, or the last one.
        let pager = AdminSalesPager.at(listed.offset / Self.pageSize + 1, totalCount: listed.total, pageSize: Self.pageSize) {
            Paths.HeadOffice.home(query: query, page: $0)
        }
        let tenants = listed.tenants.map { tenant in
            var listed = HeadOfficeTenantsView.Tenant(
                slug: tenant.slug, name: tenant.name, tier: tenant.tier, isActive: tenant.isActive,
                domains: tenant.domains, figures: usage[tenant.id].map(Self.figures) ?? .init(),
                storeURL: stores.url(slug: tenant.slug))
            listed.routers = tenant.routers
            listed.online = tenant.online
            return listed
        }
        let view = HeadOfficeTenantsView(
            period: month.description, tenants: tenants, query: query, pager: pager.lastPage > 1 ? pager : nil,
            tiers: Tenant.Tier.allCases.map(\.rawValue),
            baseDomain: services.baseDomain, state: state, csrfToken: headOffice.session.csrfSecret,
            deleted: try services.tenants.deletedTenants().map { ($0.slug, $0.name) }, done: done)
        return .page(HeadOfficeTenantsPage(chrome: headOffice.context.chrome, view: view), status: status)
    }

    /// Tenants a page: a platform of 10,000 ISPs made a page of 9.5 MB.
    static let pageSize = 100

    static func figures(_ usage: TenantUsage) -> HeadOfficeTenantsView.Figures {
        HeadOfficeTenantsView.Figures(
            orders: Int(usage.orders), paidOrders: Int(usage.paidOrders), paidAmount: usage.paidAmount,
            pageViews: Int(usage.pageViews))
    }

    static func message(for problem: TenantSlug.Problem, typed: String, strings: HeadOfficeStrings) -> String {
        switch problem {
        case .missing: strings.errorSlugMissing
        case .length: strings.errorSlugLength
        case .characters: strings.errorSlugCharacters
        case .hyphenAtEnd: strings.errorSlugHyphen
        case .reserved: strings.errorSlugReserved(typed.trimmingCharacters(in: .whitespaces))
        }
    }
}
