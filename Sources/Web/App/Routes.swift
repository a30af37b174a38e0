import HTTP

/// Every route of the application, in three tables: any host, the platform site, a tenant's site.
/// Each route is declared once, in its feature's controller, with its rules (`RouteRules`): its body
/// limit, its rate-limit family, its cache policy, its answer from memory. A controller's routes are
/// added to the group of who may call them (anyone, a signed-in subscriber, the tenant's admin, head
/// office), and a group's handlers receive the signed-in principal. This file says only which
/// controllers serve which site, in which group.
struct Routes: Sendable {
    let global: RouteTable<GlobalContext>
    let platform: RouteTable<PlatformContext>
    let tenant: RouteTable<TenantContext>

    init(services: Services) {
        global = Self.anyHost(services)
        platform = Self.platformSite(services)
        tenant = Self.tenantSite(services)
    }

    /// The body limit of the route a request head names, before its body is read: the global route's,
    /// else the larger of the platform's and the tenants' (the host is resolved only later).
    func bodyLimit(_ method: HTTPMethod, _ path: String) -> Int {
        let request = (method: method, path: path)
        if let rules = Self.rules(in: global, request) { return rules.bodyLimit }
        let site = [Self.rules(in: platform, request), Self.rules(in: tenant, request)].compactMap { $0?.bodyLimit }
        return site.max() ?? RouteRules.defaultBodyBytes
    }

    private static func rules<Context>(
        in table: RouteTable<Context>, _ request: (method: HTTPMethod, path: String)
    ) -> RouteRules? {
        guard case .found(let route, _)? = try? table.match(method: request.method, path: request.path) else { return nil }
        return route.rules
    }

    /// Answered on every host, before any tenant is resolved.
    private static func anyHost(_ services: Services) -> RouteTable<GlobalContext> {
        let database = services.database
        let assets = StaticFiles(root: services.config.publicDirectory, urlPrefix: "/assets/")
        var anyone = RouteGroup<GlobalContext>()
        HealthController(database: database, migrationsDirectory: services.config.migrationsDirectory).addRoutes(to: &anyone)
        anyone.get("/assets/{path...}", neverBlocks: true) { request, _, _ in assets.respond(to: request) }
        WebhookController(
            processor: .central(
                database: database, accounts: services.gatewayAccounts, gateways: services.gateways, usage: services.usage,
                webhookLimit: services.rateLimits),
            accepts: { [accounts = services.gatewayAccounts] in accounts.offers($0) }
        ).addRoutes(to: &anyone)
        DomainCheckController(database: database).addRoutes(to: &anyone)
        MetricsController(
            allowed: services.config.metricsAllow, metrics: services.metrics, database: database,
            caches: { [services] in services.cacheStatistics },
            supervisorCountersFile: services.config.supervisorCountersFile
        ).addRoutes(to: &anyone)
        var table = RouteTable<GlobalContext>()
        table.add(anyone)
        return table
    }

    /// The platform's own site: its home page and head office.
    private static func platformSite(_ services: Services) -> RouteTable<PlatformContext> {
        var anyone = RouteGroup<PlatformContext>()
        var headOffice = RouteGroup<AuthenticatedHeadOffice>(cache: .noStore)
        PlatformController().addRoutes(to: &anyone)
        let headOfficeRoutes = HeadOfficeRoutes(services: services)
        headOfficeRoutes.addRoutes(to: &anyone, signedIn: &headOffice)
        var table = RouteTable<PlatformContext>()
        table.add(anyone)
        table.add(headOffice) { [services = headOfficeRoutes.services] request, context in
            try AuthenticatedHeadOffice(request: request, context: context, services: services)
        }
        return table
    }

    /// A tenant's site: the store, the customer portal and the back office.
    private static func tenantSite(_ services: Services) -> RouteTable<TenantContext> {
        let database = services.database
        var anyone = RouteGroup<TenantContext>()
        var subscriber = RouteGroup<AuthenticatedSubscriber>(cache: .noStore)
        var admin = RouteGroup<AuthenticatedTenantAdmin>(cache: .noStore)
        let profiles = VoucherProfileRepository(database: database)
        let orders = VoucherOrderRepository(database: database)
        let portal = PortalServices(database: database)
        let checkout = PaymentCheckout(
            database: database, accounts: services.gatewayAccounts, gateways: services.gateways,
            gatewayTimeout: services.config.gatewayTimeout)
        let invoicePayment = InvoiceCheckoutResponder(checkout: checkout)
        let adminServices = AdminServices(database: database)

        // The store and payments.
        StorefrontController(catalogue: services.catalogue).addRoutes(to: &anyone)
        OrderController(profiles: profiles, orders: orders, checkout: checkout, orderExpiry: services.config.orderExpiry)
            .addRoutes(to: &anyone)
        PaymentReturnController(orders: orders, portal: portal).addRoutes(to: &anyone)
        if services.config.sandboxGateway {
            SandboxCheckoutController(
                orders: orders, invoices: portal.invoices, accounts: services.gatewayAccounts, gateways: services.gateways
            ).addRoutes(to: &anyone)
        }
        BrandController().addRoutes(to: &anyone)
        ContentController(library: services.content).addRoutes(to: &anyone)

        // The customer portal.
        PortalLoginController(services: portal).addRoutes(to: &anyone)
        PortalController(services: portal, payment: invoicePayment).addRoutes(to: &subscriber)
        PortalAccountController(services: portal, passwords: SubscriberPasswords(database: database, secrets: services.secrets))
            .addRoutes(to: &anyone, signedIn: &subscriber)
        PayLinkController(services: portal, payment: invoicePayment).addRoutes(to: &anyone)
        IsolationPageController(services: portal, payment: invoicePayment).addRoutes(to: &anyone)

        // The back office: sign-in, the dashboard, the store's settings and sales.
        AdminLoginController(services: adminServices).addRoutes(to: &anyone)
        AdminDashboardController(dashboard: DashboardQuery(database: database)).addRoutes(to: &admin)
        let brandingForm = AdminBrandingController(services: adminServices)
        brandingForm.addRoutes(to: &admin)
        AdminBrandingPreviewController(services: adminServices, profiles: profiles, form: brandingForm).addRoutes(to: &admin)
        AdminDomainsController(domains: TenantDomainEditor(database: database), baseDomain: services.config.baseDomain)
            .addRoutes(to: &admin)
        let exports = ExportSourceLoader(
            database: database, secrets: services.secrets, defaults: services.content.defaults, baseDomain: services.config.baseDomain,
            siteStylesheetPath: services.config.publicDirectory + "/css/site.css",
            platformSendsWhatsApp: services.config.whatsApp.hasPlatformSender)
        AdminHotspotController(loader: exports).addRoutes(to: &admin)
        AdminOrdersController(orders: OrderListQuery(database: database), resender: OrderMessageResender(database: database))
            .addRoutes(to: &admin)
        AdminAuditController(trail: AuditTrailQuery(database: database)).addRoutes(to: &admin)
        AdminPasswordController(services: adminServices).addRoutes(to: &admin)
        AdminPaymentsController(
            accounts: services.gatewayAccounts, editor: AdminPaymentsEditor(database: database, secrets: services.secrets)
        ).addRoutes(to: &admin)
        AdminWhatsAppController(
            editor: AdminWhatsAppEditor(database: database, secrets: services.secrets),
            hasCentralSender: services.config.whatsApp.hasPlatformSender
        ).addRoutes(to: &admin)
        AdminPagesController(library: services.content, editor: ContentPageEditor(database: database)).addRoutes(to: &admin)
        AdminProfilesController(
            profiles: profiles, editor: VoucherProfileEditor(database: database), catalogue: services.catalogue
        ).addRoutes(to: &admin)

        // The back office: subscribers and their billing, resellers, finance, routers.
        AdminInvoiceSettlementController(
            invoices: InvoiceListQuery(database: database),
            settlement: InvoiceSettlement(database: database, invoices: portal.invoices)
        ).addRoutes(to: &admin)
        SubscriberImportController(importer: SubscriberImporter(database: database)).addRoutes(to: &admin)
        SubscriberExportController(exports: SubscriberExportQuery(database: database)).addRoutes(to: &admin)
        let payLinks = AdminInvoicePayLinkController(
            invoices: InvoiceListQuery(database: database),
            renewer: InvoiceLinkRenewer(database: database, baseDomain: services.config.baseDomain))
        payLinks.addRoutes(to: &admin)
        AdminInvoicesController(invoices: InvoiceListQuery(database: database), payLinks: payLinks).addRoutes(to: &admin)
        AdminBillingController(
            settings: BillingSettingsEditor(database: database), messages: BillingMessagesEditor(database: database)
        ).addRoutes(to: &admin)
        let plans = PlanRepository(database: database)
        AdminPlansController(plans: plans, editor: PlanEditor(database: database)).addRoutes(to: &admin)
        AdminSubscribersController(
            subscribers: SubscriberListQuery(database: database), plans: plans, editor: SubscriberEditor(database: database)
        ).addRoutes(to: &admin)
        let batches = VoucherBatchRepository(database: database)
        let resellers = ResellerRepository(database: database)
        AdminVouchersController(
            batches: batches, profiles: profiles, resellers: resellers, editor: VoucherBatchEditor(database: database)
        ).addRoutes(to: &admin)
        AdminResellersController(resellers: resellers, batches: batches, editor: ResellerEditor(database: database))
            .addRoutes(to: &admin)
        let routers = RadiusRouterRepository(database: database)
        AdminRoutersController(
            routers: routers, editor: RadiusRouterEditor(database: database), tunnels: RouterTunnelRepository(database: database),
            tunnelEditor: services.wireGuard.map { RouterTunnelEditor(database: database, server: $0) }
        ).addRoutes(to: &admin)
        AdminSessionsController(
            sessions: RadiusSessionRepository(database: database), routers: routers, disconnector: RadiusDisconnector()
        ).addRoutes(to: &admin)
        AdminFinanceController(ledger: FinanceLedger(database: database), editor: ExpenseEditor(database: database))
            .addRoutes(to: &admin)

        var table = RouteTable<TenantContext>()
        table.add(anyone)
        table.add(subscriber) { request, context in try AuthenticatedSubscriber(request: request, context: context, services: portal) }
        table.add(admin) { request, context in
            try AuthenticatedTenantAdmin(request: request, context: context, services: adminServices)
        }
        return table
    }
}
