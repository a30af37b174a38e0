import Foundation
import Postgres
import TestSupport

@testable import Web

/// Two tenants with a row in each table the isolation tests read, arranged by the owner (whose
/// sessions default to the cross-tenant scope), and pools for the roles the deployment uses.
enum RowLevelSecurityFixtures {
    /// The role the server connects as (`DATABASE_URL`).
    static let app: PostgresPool = pool(url: try! TestEnvironment.require("DATABASE_URL"))

    /// The role FreeRADIUS connects as: the server's URL with the user swapped.
    static let radius: PostgresPool = {
        var components = URLComponents(string: try! TestEnvironment.require("DATABASE_URL"))!
        components.user = "gerbang_radius"
        return pool(url: components.string!)
    }()

    static func pool(url: String) -> PostgresPool {
        var configuration = try! PostgresConfiguration(url: url)
        configuration.poolSize = 2
        return PostgresPool(configuration: configuration)
    }

    /// One tenant's rows: an order (with its profile), a subscriber with an invoice, a content page and
    /// a RADIUS user.
    struct TenantRows {
        let id: UUID
        let slug: String
        let orderNumber: String
        let customerNumber: String
        let invoiceNumber: String
        let radiusUser: String
    }

    static func tenantWithRows() throws -> TenantRows {
        let tenant = try StoreFixtures.tenant(provider: "sandbox", settings: ["secret": RandomCode.make(16)])
        let order = try StoreFixtures.order(
            tenantID: tenant.id, profileID: try StoreFixtures.profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "sandbox")
        let subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
        let invoice = try PortalFixtures.invoice(for: subscriber, period: "2031-01")
        try TestDatabase.owner.query(
            "insert into content_pages (tenant_id, slug, locale, title, markdown) values ($1, 'terms', 'en', 'Terms', 'x')",
            tenant.id)
        let radiusUser = "RLS" + RandomCode.make(10)
        try TestDatabase.owner.query(
            "insert into radcheck (username, attribute, op, value, tenant_id) values ($1, 'Cleartext-Password', ':=', $1, $2)",
            radiusUser, tenant.id)
        return TenantRows(
            id: tenant.id, slug: tenant.slug, orderNumber: order.number, customerNumber: subscriber.customerNumber,
            invoiceNumber: invoice.number, radiusUser: radiusUser)
    }

    /// Tenant ids of every row a statement returns (its `tenant_id` column).
    static func tenantIDs(_ rows: PostgresRows) throws -> Set<UUID> {
        Set(try rows.map { try $0.decode("tenant_id", as: UUID.self) })
    }

    /// Statements that forget their tenant filter on purpose: each returns every row it can see.
    static let unfilteredReads: [(table: String, sql: StaticString)] = [
        ("voucher_orders", "select tenant_id from voucher_orders"),
        ("voucher_profiles", "select tenant_id from voucher_profiles"),
        ("subscribers", "select tenant_id from subscribers"),
        ("invoices", "select tenant_id from invoices"),
        ("content_pages", "select tenant_id from content_pages"),
        ("tenant_branding", "select tenant_id from tenant_branding"),
        ("payment_gateways", "select tenant_id from payment_gateways where tenant_id is not null"),
        ("radcheck", "select tenant_id from radcheck"),
        ("tenants", "select id as tenant_id from tenants"),
    ]
}
