import Foundation
import HTTP
import Postgres

/// The executable's subcommands: `serve` (default), `migrate`, `demo`, `export`, `admin`.
public enum GerbangCommand {
    static let usage = """
        usage: gerbang [serve | migrate | demo | export | admin | help]
          serve     serve HTTP (default): WORKER_PROCESSES workers under a supervisor (SIGHUP replaces them,
                    SIGTERM stops all); configuration from the environment, see docs/OPERATIONS.md
          migrate   apply db/migrations as MIGRATION_DATABASE_URL (default DATABASE_URL) and grant the app role
          demo      load the demo tenants into an empty database
          export    export hotspot|site|isolation --tenant <slug> --out <dir>: a tenant's MikroTik hotspot pages,
                    static site or isolation rules
          admin     admin create --email <address> (password from standard input) | admin list: head-office accounts
        """

    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let command = arguments.first ?? "serve"
        if ["help", "--help", "-h"].contains(command) {
            printLine(usage)
            return 0
        }
        do {
            let environment = try EnvironmentFile.overlay(environment)
            let config = try AppConfig(environment: environment)
            switch command {
            case "serve": try serve(config, environment: environment)
            case "migrate": try migrate(config)
            case "demo": try loadDemo(config)
            case "export": printLine(try ExportCommand.run(Array(arguments.dropFirst()), config: config))
            case "admin": printLine(try HeadOfficeAdminCommand.run(Array(arguments.dropFirst()), config: config))
            default:
                printError("gerbang: unknown command '\(command)'\n\(usage)")
                return 64
            }
            return 0
        } catch {
            printError("gerbang: \(error)")
            return 1
        }
    }

    /// Unbuffered, so a supervisor or test reading a pipe sees each line at once.
    static func printLine(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func migrate(_ config: AppConfig) throws {
        var databaseConfiguration = try PostgresConfiguration(url: config.migrationDatabaseURL)
        databaseConfiguration.poolSize = 1
        let pool = PostgresPool(configuration: databaseConfiguration)
        let applied = try Migrator(directory: config.migrationsDirectory).migrate(pool)
        // A table with a tenant_id that a migration forgot to protect gets row-level security anyway.
        try pool.query("select gerbang_protect_tenant_tables()")
        if let appRole = URLComponents(string: config.databaseURL)?.user {
            try pool.query("select gerbang_grant_app_role($1)", appRole)
        }
        printLine(applied.isEmpty ? "gerbang: database is up to date" : "gerbang: applied \(applied.joined(separator: ", "))")
    }

    static func loadDemo(_ config: AppConfig) throws {
        var databaseConfiguration = try PostgresConfiguration(url: config.migrationDatabaseURL)
        databaseConfiguration.poolSize = 1
        let pool = PostgresPool(configuration: databaseConfiguration)
        let demoDirectory = URL(fileURLWithPath: config.migrationsDirectory).deletingLastPathComponent().path + "/demo"
        let loaded = try DemoData(database: pool, demoDirectory: demoDirectory).loadIfEmpty()
        printLine(loaded ? "gerbang: demo tenants loaded" : "gerbang: tenants exist already; demo not loaded")
    }
}
