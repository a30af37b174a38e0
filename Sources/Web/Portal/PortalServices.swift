import Postgres

/// What the portal's handlers share: repositories, sessions and the login throttle, over one pool.
struct PortalServices: Sendable {
    let sessions: SessionStore
    let subscribers: SubscriberRepository
    let invoices: InvoiceRepository
    let throttle: LoginThrottle
    let usage: SubscriberUsageQuery

    var login: SessionLogin { SessionLogin(sessions: sessions, throttle: throttle) }

    init(database: PostgresPool) {
        sessions = SessionStore(database: database)
        subscribers = SubscriberRepository(database: database)
        invoices = InvoiceRepository(database: database)
        throttle = LoginThrottle(database: database)
        usage = SubscriberUsageQuery(database: database)
    }
}
