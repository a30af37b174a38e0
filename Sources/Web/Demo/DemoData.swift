import Foundation
import Postgres

/// The demo platform `make run` loads into an empty database: three ISPs.
/// - alpha: English, custom domain `hotspot.alpha-net.test`
/// - beta: Indonesian, its own colours and logo
/// - gamma: inactive, so its host answers 404
public struct DemoData: Sendable {
    let database: PostgresPool
    let demoDirectory: String

    public init(database: PostgresPool, demoDirectory: String) {
        self.database = database
        self.demoDirectory = demoDirectory
    }

    /// Loads the demo when no tenant exists yet; returns false when the database already had tenants.
    @discardableResult
    public func loadIfEmpty() throws -> Bool {
        try database.unscoped.transaction { db in
            let existing = try db.query("select count(*) as n from tenants")
            guard try existing.first?.decode("n", as: Int.self) == 0 else { return false }
            let betaLogo = FileManager.default.contents(atPath: demoDirectory + "/beta-logo.png").map { [UInt8]($0) }

            let alpha = try insertTenant(db, slug: "alpha", name: "Alpha Net", tier: "professional", active: true)
            try db.query(
                "insert into tenant_domains (domain, tenant_id, is_primary, verified_at) values ($1, $2, true, now())",
                "hotspot.alpha-net.test", alpha)
            try insertBranding(
                db, tenant: alpha, displayName: "Alpha Net", tagline: "Fast hotspot internet across Bandung",
                primary: "#1d4ed8", accent: "#f59e0b", logo: nil, whatsapp: "+62 812-3456-7001",
                email: "support@alpha-net.test", address: "Jl. Merdeka 10, Bandung", footer: "Alpha Net — PT Alpha Jaringan Nusantara",
                locale: "en", loginURL: "http://hotspot.alpha-net.test/login")

            let beta = try insertTenant(db, slug: "beta", name: "Beta Wifi", tier: "starter", active: true)
            try insertBranding(
                db, tenant: beta, displayName: "Beta Wifi", tagline: "Internet murah untuk warga Sleman",
                primary: "#0d9488", accent: "#be123c", logo: betaLogo, whatsapp: "0813-9876-5002",
                email: "halo@beta-wifi.test", address: "Jl. Kaliurang Km 7, Sleman, Yogyakarta",
                footer: "Beta Wifi — CV Beta Media Data", locale: "id", loginURL: "")

            let gamma = try insertTenant(db, slug: "gamma", name: "Gamma Link", tier: "starter", active: false)
            try insertBranding(
                db, tenant: gamma, displayName: "Gamma Link", tagline: "", primary: "#7c3aed", accent: "#16a34a",
                logo: nil, whatsapp: "", email: "", address: "", footer: "", locale: "id", loginURL: "")

            // Payments: the built-in sandbox as the platform's central gateway, with a fresh secret.
            try db.query(
                """
                insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
                values (null, 'sandbox', $1::jsonb, true, true) on conflict do nothing
                """, PaymentGatewayRepository.settingsJSON(["secret": RandomToken.hex()]))

            // Store: four voucher packages each for alpha and beta.
            try insertVoucherProfiles(db, tenant: alpha, names: ["Hotspot 3 Hours", "Hotspot 1 Day", "Hotspot 7 Days", "Hotspot 30 Days"])
            try insertVoucherProfiles(db, tenant: beta, names: ["Voucher 3 Jam", "Voucher 1 Hari", "Voucher 7 Hari", "Voucher 30 Hari"])

            // Portal: three subscribers each for alpha and beta; unpaid invoices' pay links are printed once.
            let alphaLinks = try DemoSubscribers.insert(DemoSubscribers.alpha(), tenant: alpha, slug: "alpha", on: db)
            let betaLinks = try DemoSubscribers.insert(DemoSubscribers.beta(), tenant: beta, slug: "beta", on: db)
            DemoSubscribers.printPayLinks(["alpha": alphaLinks, "beta": betaLinks])

            // RADIUS: one router each for alpha and beta (loopback addresses a local FreeRADIUS accepts).
            try DemoRouters.insert(DemoRouters.all(alpha: alpha, beta: beta), on: db)
            // Admin: one tenant admin each for alpha and beta.
            try DemoAdmins.insert(DemoAdmins.all(alpha: alpha, beta: beta), on: db)
            // Head office: one platform admin, at /head-office on the bare base domain.
            try DemoHeadOffice.insert(on: db)
            return true
        }
    }

    /// 3 hours, 1 day, 7 days, 30 days at realistic rupiah prices, quotas and speeds.
    private func insertVoucherProfiles(_ db: PostgresConnection, tenant: UUID, names: [String]) throws {
        let packages: [(minutes: Int, price: Int64, quotaMB: Int64?, kbps: Int, devices: Int, group: String)] = [
            (180, 3_000, 2_048, 5_000, 1, "hourly"),
            (1_440, 5_000, 5_120, 10_000, 1, "daily"),
            (10_080, 25_000, 30_720, 10_000, 2, "weekly"),
            (43_200, 75_000, nil, 20_000, 2, "monthly"),
        ]
        for (index, package) in packages.enumerated() {
            try db.query(
                """
                insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps,
                    upload_kbps, shared_users, radius_group, code_length, sort)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 8, $10)
                """, tenant, names[index], package.price, package.minutes, package.quotaMB, package.kbps,
                package.kbps / 2, package.devices, package.group, index)
        }
    }

    private func insertTenant(_ db: PostgresConnection, slug: String, name: String, tier: String, active: Bool) throws -> UUID {
        let rows = try db.query(
            "insert into tenants (slug, name, tier, is_active) values ($1, $2, $3, $4) returning id", slug, name, tier, active)
        return try rows.single().decode("id", as: UUID.self)
    }

    private func insertBranding(
        _ db: PostgresConnection, tenant: UUID, displayName: String, tagline: String, primary: String, accent: String,
        logo: [UInt8]?, whatsapp: String, email: String, address: String, footer: String, locale: String, loginURL: String
    ) throws {
        try db.query(
            """
            insert into tenant_branding (tenant_id, display_name, tagline, primary_color, accent_color,
                logo, logo_content_type, logo_sha256, contact_whatsapp, contact_email, address, footer_text,
                default_locale, hotspot_login_url)
            values ($1, $2, $3, $4, $5, $6, case when $6::bytea is null then null else 'image/png' end,
                encode(sha256($6::bytea), 'hex'), $7, $8, $9, $10, $11, $12)
            """,
            tenant, displayName, tagline, primary, accent, logo, whatsapp, email, address, footer, locale, loginURL)
    }
}
