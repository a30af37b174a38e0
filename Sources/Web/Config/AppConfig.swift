import Foundation
import HTTP

/// Everything Gerbang reads from its environment, validated once at start.
public struct AppConfig: Sendable {
    public var bindAddress: String
    public var port: Int
    public var baseDomain: String
    public var databaseURL: String
    /// The role that owns the schema; migrations run as it. Defaults to `databaseURL`.
    public var migrationDatabaseURL: String
    /// The application role's direct connection for `LISTEN tenant_changed`, which needs a session of its
    /// own (pgbouncer in transaction mode cannot carry one). Defaults to `databaseURL`.
    public var listenDatabaseURL: String
    public var trustedProxies: [IPAddressRange]
    /// Who may read `/metrics` (client addresses, after trusted forwarding); default loopback only.
    public var metricsAllow: [IPAddressRange]
    /// Worker processes under `gerbang serve`'s supervisor (`WORKER_PROCESSES`); 1 runs the server in the
    /// one process, with no supervisor (debugging, profiling, benchmarks comparable with older figures).
    public var workerProcesses: Int
    /// Set in a supervisor's workers: the file with the supervisor's counters, shown by `/metrics`.
    public var supervisorCountersFile: String?
    public var eventLoops: Int
    public var workers: Int
    public var databasePoolSize: Int
    /// Prepare each statement once per database session (`DB_PREPARED_STATEMENTS`); off behind a
    /// pooler that cannot carry named statements (pgbouncer in transaction mode before 1.21).
    public var databasePreparedStatements: Bool
    /// How long one statement may run before PostgreSQL cancels it (the request then gets a 503).
    public var databaseStatementTimeout: Duration
    public var logLevel: LogLevel
    public var reusePort: Bool
    /// One line per request on standard output (`ACCESS_LOG=off` for benchmarks).
    public var accessLog: Bool
    public var publicDirectory: String
    public var contentDirectory: String
    public var migrationsDirectory: String
    /// How long a buyer has to pay before a pending order expires.
    public var orderExpiry: Duration
    /// How long to wait for a payment gateway before showing the retry page.
    public var gatewayTimeout: Duration
    /// How often pending orders past their deadline are marked expired (all tenants, one UPDATE).
    public var expirySweepInterval: Duration
    /// Where the built-in sandbox gateway delivers its webhooks; nil: this server's own central
    /// endpoint on loopback at the port it listens on.
    public var sandboxWebhookURL: String?
    /// Gateway base URLs, configurable so tests can point the adapters at local fakes.
    public var midtransSnapURL: String?
    public var midtransAPIURL: String?
    public var xenditAPIURL: String
    /// Whether the built-in sandbox gateway exists here (`SANDBOX_GATEWAY`): a development and test tool
    /// that pays without money, so off unless asked for.
    public var sandboxGateway: Bool
    /// The reconciliation job: how often it runs, and how long a checkout waits for its webhook before
    /// the gateway is asked (`RECONCILE_INTERVAL_SECONDS`, `RECONCILE_AFTER_SECONDS`).
    public var reconcileInterval: Duration
    public var reconcileAfter: Duration
    /// How long an expired voucher code keeps its RADIUS rows before they are removed
    /// (`EXPIRED_CODE_GRACE_HOURS`); the voucher itself is kept.
    public var expiredCodeGrace: Duration
    /// How often this process looks for subscribers to isolate (`ISOLATION_SWEEP_MINUTES`); nil (`0`):
    /// never, where another process or instance does it.
    public var isolationSweepInterval: Duration?
    /// Whether this process runs the monthly billing (`BILLING_RUN`), and how often it looks for
    /// invoices and reminders that are due (`BILLING_RUN_SECONDS`).
    public var billingRun: Bool
    public var billingRunInterval: Duration
    /// How long unauthenticated and audit records are kept (`RETENTION_*`).
    public var retention: RetentionSettings
    /// Requests per window per tenant tier and per client address on sensitive routes (`RATE_LIMIT_*`).
    public var rateLimits: RateLimitSettings
    /// How often each instance adds the usage it counted to `tenant_usage`.
    public var usageFlushInterval: Duration
    /// The memory each process may spend on its per-tenant caches (`CACHE_MEMORY_MB`).
    public var cacheBudget: CacheBudget
    /// The provider that delivers the buyers' WhatsApp messages from the outbox.
    public var whatsApp: WhatsAppSettings
    /// What secrets are encrypted under at rest (`SECRETS_KEY`). Optional here so that commands that
    /// touch no secret (`migrate`) run without it; every one that does calls `requireSecretsKey()`.
    public var secretsKey: SecretsKey?
    /// Routers' WireGuard tunnels to the platform (`WIREGUARD_*`); nil when `WIREGUARD_NETWORK` is unset.
    public var wireGuard: WireGuardSettings?

    public enum LogLevel: String, Sendable, CaseIterable {
        case debug, info, warning, error
    }

    /// Reads and validates the configuration; every bad value is reported with its variable's name.
    public init(environment: [String: String], workingDirectory: String = FileManager.default.currentDirectoryPath) throws(ConfigError) {
        var reader = EnvironmentReader(environment)
        bindAddress = reader.string("BIND", default: "0.0.0.0")
        port = reader.integer("PORT", default: 8080, in: 0...65535)
        baseDomain = reader.hostName("BASE_DOMAIN", default: "localhost")
        databaseURL = reader.string("DATABASE_URL", default: "")
        migrationDatabaseURL = reader.string("MIGRATION_DATABASE_URL", default: databaseURL)
        listenDatabaseURL = reader.string("LISTEN_DATABASE_URL", default: databaseURL)
        trustedProxies = reader.addressRanges("TRUSTED_PROXIES")
        // Unset: loopback. Set but empty: nobody.
        metricsAllow =
            environment["METRICS_ALLOW"] == nil
            ? ["127.0.0.0/8", "::1/128"].compactMap(IPAddressRange.init) : reader.addressRanges("METRICS_ALLOW")
        let cores = ProcessorCores.available
        workerProcesses = reader.integer("WORKER_PROCESSES", default: max(2, cores), in: 1...256)
        supervisorCountersFile = environment[WorkerEnvironment.countersFile]
        // Per process: with several workers the defaults share out what one process would have had, so the
        // threads and database connections of a machine stay the same whatever WORKER_PROCESSES says.
        // Two of each a core: PostgreSQL's backends do most of a write's work on the same cores, and on two
        // cores four in flight paid more webhooks and orders a second than eight (docs/BENCHMARKS.md, "Two
        // a core"). At least four a process, for the requests that wait on a payment gateway.
        let share = workerProcesses
        let inFlight = max(4, cores * 2 / share)
        eventLoops = reader.integer("EVENT_LOOPS", default: max(1, cores / share), in: 1...256)
        workers = reader.integer("WORKERS", default: inFlight, in: 1...1024)
        databasePoolSize = reader.integer("DB_POOL_SIZE", default: inFlight, in: 1...500)
        databasePreparedStatements = reader.boolean("DB_PREPARED_STATEMENTS", default: true)
        databaseStatementTimeout = .milliseconds(reader.integer("DB_STATEMENT_TIMEOUT_MS", default: 15_000, in: 100...600_000))
        logLevel = reader.choice("LOG_LEVEL", default: .info)
        reusePort = reader.boolean("REUSE_PORT", default: false)
        accessLog = reader.boolean("ACCESS_LOG", default: true)
        publicDirectory = reader.path("PUBLIC_DIR", default: "Public", relativeTo: workingDirectory)
        contentDirectory = reader.path("CONTENT_DIR", default: "content", relativeTo: workingDirectory)
        migrationsDirectory = reader.path("MIGRATIONS_DIR", default: "db/migrations", relativeTo: workingDirectory)
        orderExpiry = .seconds(reader.integer("ORDER_EXPIRY_MINUTES", default: 60, in: 5...10_080) * 60)
        gatewayTimeout = .seconds(reader.integer("GATEWAY_TIMEOUT_SECONDS", default: 10, in: 1...60))
        expirySweepInterval = .seconds(reader.integer("EXPIRY_SWEEP_SECONDS", default: 30, in: 1...3600))
        sandboxWebhookURL = reader.optionalURL("SANDBOX_WEBHOOK_URL")
        midtransSnapURL = reader.optionalURL("MIDTRANS_SNAP_URL")
        midtransAPIURL = reader.optionalURL("MIDTRANS_API_URL")
        xenditAPIURL = reader.optionalURL("XENDIT_API_URL") ?? "https://api.xendit.co"
        sandboxGateway = reader.boolean("SANDBOX_GATEWAY", default: false)
        reconcileInterval = .seconds(reader.integer("RECONCILE_INTERVAL_SECONDS", default: 60, in: 1...86_400))
        reconcileAfter = .seconds(reader.integer("RECONCILE_AFTER_SECONDS", default: 600, in: 0...86_400))
        expiredCodeGrace = .seconds(reader.integer("EXPIRED_CODE_GRACE_HOURS", default: 72, in: 0...87_600) * 3600)
        let isolationMinutes = reader.integer("ISOLATION_SWEEP_MINUTES", default: 5, in: 0...1440)
        isolationSweepInterval = isolationMinutes == 0 ? nil : .seconds(isolationMinutes * 60)
        billingRun = reader.boolean("BILLING_RUN", default: true)
        billingRunInterval = .seconds(reader.integer("BILLING_RUN_SECONDS", default: 300, in: 10...86_400))
        retention = RetentionSettings(reading: &reader)
        rateLimits = RateLimitSettings(reading: &reader)
        usageFlushInterval = .seconds(reader.integer("USAGE_FLUSH_SECONDS", default: 5, in: 1...3600))
        cacheBudget = CacheBudget(megabytes: reader.integer("CACHE_MEMORY_MB", default: CacheBudget.defaultMegabytes, in: 1...65_536))
        whatsApp = WhatsAppSettings(reading: &reader)
        secretsKey = SecretsKey.read(from: &reader)
        wireGuard = WireGuardSettings.read(from: &reader, workingDirectory: workingDirectory)
        if databaseURL.isEmpty {
            reader.problems.append("DATABASE_URL is not set (example: postgresql://gerbang_app@127.0.0.1:5432/gerbang)")
        }
        if !reader.problems.isEmpty { throw ConfigError(problems: reader.problems) }
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String {
        "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
