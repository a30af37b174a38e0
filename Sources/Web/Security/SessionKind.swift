/// Who a session signs in: a tenant's subscriber, a tenant's admin, or head office.
/// A session of one kind is never accepted where another kind is required.
enum SessionKind: String, Sendable, CaseIterable {
    case subscriber
    case tenantAdmin = "tenant_admin"
    case headAdmin = "head_admin"
}
