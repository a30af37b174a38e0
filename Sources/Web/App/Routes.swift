import HTTP

/// Every route of the application, in three tables: any host, the platform site, a tenant's site.
struct Routes: Sendable {
    let global: Router<GlobalContext>
    let platform: Router<PlatformContext>
    let tenant: Router<TenantContext>
    /// The tenant routes that can answer from memory on the event loop, each beside its full route:
    /// a handler here returns what its caches hold or throws `AnswerNeedsWorker`.
    let tenantFromMemory: Router<TenantContext>

    init(services: Services) {
        let database = services.database
        let assets = StaticFiles(root: services.config.publicDirectory, urlPrefix: "/assets/")

        var global = Router<GlobalContext>()
        HealthController(database: database, migrationsDirectory: services.config.migrationsDirectory).addRoutes(to: &global)
        global.get("/assets/{path...}") { request, _, _ in assets.respond(to: request) }
        WebhookController(
            processor: .central(
                database: database, accounts: services.gatewayAccounts, gateways: services.gateways, usage: services.usage,
                webhookLimit: services.rateLimits),
            accepts: { [accounts = services.gatewayAccounts] in accounts.offers($0) }
        ).addRoutes(to: &global)
        DomainCheckController(database: database).addRoutes(to: &global)
        MetricsController(
            allowed: services.config.metricsAllow, metrics: services.metrics, database: database, catalogue: services.catalogue,
            supervisorCountersFile: services.config.supervisorCountersFile
        ).addRoutes(to: &global)
        self.global = global

        var platform = Router<PlatformContext>()
        PlatformController().addRoutes(to: &platform)
        HeadOfficeRoutes(services: services).addRoutes(to: &platform)
        self.platform = platform

        var tenant = Router<TenantContext>()
        let profiles = VoucherProfileRepository(database: database)
        let orders = VoucherOrderRepository(database: database)
        let portal = PortalServices(database: database)
        let checkout = PaymentCheckout(
            database: database, accounts: services.gatewayAccounts, gateways: services.gateways,
            gatewayTimeout: services.config.gatewayTimeout)
        var tenantFromMemory = Router<TenantContext>()
        let storefront = StorefrontController(catalogue: services.catalogue)
        storefront.addRoutes(to: &tenant)
        storefront.addRoutes(fromMemoryTo: &tenantFromMemory)
        self.tenantFromMemory = tenantFromMemory
        OrderController(profiles: profiles, orders: orders, checkout: checkout, orderExpiry: services.config.orderExpiry)
            .addRoutes(to: &tenant)
        PaymentReturnController(orders: orders, portal: portal).addRoutes(to: &tenant)
        if services.config.sandboxGateway {
            SandboxCheckoutController(
                orders: orders, invoices: portal.invoices, accounts: services.gatewayAccounts, gateways: services.gateways
            ).addRoutes(to: &tenant)
        }
        BrandController().addRoutes(to: &tenant)
        ContentController(library: services.content).addRoutes(to: &tenant)
        let invoicePayment = InvoiceCheckoutResponder(checkout: checkout)
        PortalLoginController(services: portal).addRoutes(to: &tenant)
        PortalController(services: portal, payment: invoicePayment).addRoutes(to: &tenant)
        PortalAccountController(services: portal, passwords: SubscriberPasswords(database: database, secrets: services.secrets))
            .addRoutes(to: &tenant)
        PayLinkController(services: portal, payment: invoicePayment).addRoutes(to: &tenant)
        IsolationPageController(services: portal, payment: invoicePayment).addRoutes(to: &tenant)
        let admin = AdminServices(database: database)
        AdminLoginController(services: admin).addRoutes(to: &tenant)
        AdminDashboardController(services: admin, dashboard: DashboardQuery(database: database)).addRoutes(to: &tenant)
        let brandingForm = AdminBrandingController(services: admin)
        brandingForm.addRoutes(to: &tenant)
        AdminBrandingPreviewController(services: admin, profiles: profiles, form: brandingForm).addRoutes(to: &tenant)
        AdminDomainsController(
            services: admin, domains: TenantDomainEditor(database: database), baseDomain: services.config.baseDomain
        ).addRoutes(to: &tenant)
        let exports = ExportSourceLoader(
            database: database, secrets: services.secrets, defaults: services.content.defaults, baseDomain: services.config.baseDomain,
            siteStylesheetPath: services.config.publicDirectory + "/css/site.css",
            platformSendsWhatsApp: services.config.whatsApp.hasPlatformSender)
        AdminHotspotController(services: admin, loader: exports).addRoutes(to: &tenant)
        AdminOrdersController(
            services: admin, orders: OrderListQuery(database: database), resender: OrderMessageResender(database: database)
        ).addRoutes(to: &tenant)
        AdminInvoiceSettlementController(
            services: admin, invoices: InvoiceListQuery(database: database),
            settlement: InvoiceSettlement(database: database, invoices: portal.invoices)
        ).addRoutes(to: &tenant)
        SubscriberImportController(services: admin, importer: SubscriberImporter(database: database)).addRoutes(to: &tenant)
        SubscriberExportController(services: admin, exports: SubscriberExportQuery(database: database)).addRoutes(to: &tenant)
        let payLinks = AdminInvoicePayLinkController(
            services: admin, invoices: InvoiceListQuery(database: database),
            renewer: InvoiceLinkRenewer(database: database, baseDomain: services.config.baseDomain))
        payLinks.addRoutes(to: &tenant)
        AdminInvoicesController(services: admin, invoices: InvoiceListQuery(database: database), payLinks: payLinks)
            .addRoutes(to: &tenant)
        AdminBillingController(
            services: admin, settings: BillingSettingsEditor(database: database),
            messages: BillingMessagesEditor(database: database)
        ).addRoutes(to: &tenant)
        AdminAuditController(services: admin, trail: AuditTrailQuery(database: database)).addRoutes(to: &tenant)
        AdminPasswordController(services: admin).addRoutes(to: &tenant)
        AdminPaymentsController(
            services: admin, accounts: services.gatewayAccounts, editor: AdminPaymentsEditor(database: database, secrets: services.secrets)
        )
        .addRoutes(to: &tenant)
        AdminWhatsAppController(
            services: admin, editor: AdminWhatsAppEditor(database: database, secrets: services.secrets),
            hasCentralSender: services.config.whatsApp.hasPlatformSender
        ).addRoutes(to: &tenant)
        AdminPagesController(services: admin, library: services.content, editor: ContentPageEditor(database: database))
            .addRoutes(to: &tenant)
        AdminProfilesController(
            services: admin, profiles: profiles, editor: VoucherProfileEditor(database: database), catalogue: services.catalogue
        ).addRoutes(to: &tenant)
        let plans = PlanRepository(database: database)
        AdminPlansController(services: admin, plans: plans, editor: PlanEditor(database: database)).addRoutes(to: &tenant)
        AdminSubscribersController(
            services: admin, subscribers: SubscriberListQuery(database: database), plans: plans,
            editor: SubscriberEditor(database: database)
        ).addRoutes(to: &tenant)
        let batches = VoucherBatchRepository(database: database)
        let resellers = ResellerRepository(database: database)
        AdminVouchersController(
            services: admin, batches: batches, profiles: profiles, resellers: resellers,
            editor: VoucherBatchEditor(database: database)
        ).addRoutes(to: &tenant)
        AdminResellersController(
            services: admin, resellers: resellers, batches: batches, editor: ResellerEditor(database: database)
        ).addRoutes(to: &tenant)
        let routers = RadiusRouterRepository(database: database)
        AdminRoutersController(
            services: admin, routers: routers, editor: RadiusRouterEditor(database: database),
            tunnels: RouterTunnelRepository(database: database),
            tunnelEditor: services.wireGuard.map { RouterTunnelEditor(database: database, server: $0) }
        ).addRoutes(to: &tenant)
        AdminSessionsController(
            services: admin, sessions: RadiusSessionRepository(database: database), routers: routers,
            disconnector: RadiusDisconnector()
        ).addRoutes(to: &tenant)
        AdminFinanceController(
            services: admin, ledger: FinanceLedger(database: database), editor: ExpenseEditor(database: database)
        ).addRoutes(to: &tenant)
        self.tenant = tenant
    }
}

/// How large a request body each route accepts; the server refuses more with 413 before reading it.
enum RequestLimits {
    static let defaultBodyBytes = 1 << 20

    static func bodyBytes(forPath rawPath: String) -> Int {
        let path = Router<Void>.routedPath(of: rawPath) ?? rawPath
        if path.hasPrefix(AdminBrandingController.path) { return AdminBrandingController.bodyLimit }
        if path == SubscriberImportController.path { return SubscriberImportController.bodyLimit }
        return path.hasPrefix(WebhookController.pathPrefix) ? WebhookController.bodyLimit : defaultBodyBytes
    }
}
