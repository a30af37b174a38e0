import HTTP
import Postgres

/// `/healthz` (the process answers) and `/readyz` (the database answers and is fully migrated).
struct HealthController: Sendable {
    let database: PostgresPool
    let migrationsDirectory: String

    func addRoutes(to router: inout RouteGroup<GlobalContext>) {
        router.get("/healthz") { _, _, _ in .text("ok\n") }
        router.get("/readyz") { _, _, _ in readiness() }
    }

    private func readiness() -> HTTPResponse {
        do {
            let pending = try database.withConnection { connection in
                try Migrator(directory: migrationsDirectory).pendingMigrations(connection)
            }
            guard pending.isEmpty else {
                return .text("not ready: \(pending.count) migration(s) pending\n", status: .serviceUnavailable)
            }
            return .text("ready\n")
        } catch {
            return .text("not ready: database unreachable\n", status: .serviceUnavailable)
        }
    }
}
