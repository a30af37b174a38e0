import Postgres

/// What the tenant admin's handlers share: sessions, the login throttle, admins and audited edits.
struct AdminServices: Sendable {
    let sessions: SessionStore
    let admins: AdminRepository
    let throttle: LoginThrottle
    let brandings: BrandingRepository
    let branding: BrandingEditor

    init(database: PostgresPool) {
        sessions = SessionStore(database: database)
        admins = AdminRepository(database: database)
        throttle = LoginThrottle(database: database)
        brandings = BrandingRepository(database: database)
        branding = BrandingEditor(database: database)
    }

    var login: SessionLogin { SessionLogin(sessions: sessions, throttle: throttle) }
}
