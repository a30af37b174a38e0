import Foundation
import HTTP

#if canImport(Glibc)
    import Glibc
#endif

/// `gerbang serve`: with `WORKER_PROCESSES` above 1, a supervisor that opens the port once and keeps that
/// many workers accepting on it; each worker (and the single process of `WORKER_PROCESSES=1`) is the
/// whole server. A trap cannot be caught, so a separate process is what contains it: a request that
/// crashes a worker costs that worker's requests in flight, not the port.
extension GerbangCommand {
    static func serve(_ config: AppConfig, environment: [String: String]) throws {
        // With an arena per busy thread, the event loops and workers each held memory of pages the
        // caches had evicted: a process with 10,000 tenants sat 15 MiB further above its caches'
        // bound than with two arenas, and served no faster.
        AllocatorArenas.limit(to: 2, environment: environment)
        if let supervisor = environment[WorkerEnvironment.supervisor].flatMap({ pid_t($0) }) {
            try serveAsWorker(config, supervisor: supervisor)
        } else if config.workerProcesses == 1 {
            try serveAlone(config, exitWithParent: flag("GERBANG_EXIT_WITH_PARENT", in: environment))
        } else {
            try supervise(config, environment: environment)
        }
    }

    private static func serveAlone(_ config: AppConfig, exitWithParent: Bool) throws {
        let (app, server) = try startServer(config, listener: nil)
        if exitWithParent { stopWhenParentExits(server, parent: getppid()) }
        printLine(
            "gerbang: listening on \(config.bindAddress):\(server.port) (base domain \(config.baseDomain)), "
                + "\(config.eventLoops) event loop\(config.eventLoops == 1 ? "" : "s"), \(config.workers) workers, "
                + "\(config.databasePoolSize) database connections")
        finish(app, server)
    }

    private static func serveAsWorker(_ config: AppConfig, supervisor: pid_t) throws {
        let (app, server) = try startServer(config, listener: SupervisorConfiguration.listenerDescriptor)
        // Always: a worker whose supervisor is gone would serve on with nobody to replace it or stop it.
        stopWhenParentExits(server, parent: supervisor)
        var ready: UInt8 = 1
        _ = write(SupervisorConfiguration.readinessDescriptor, &ready, 1)
        close(SupervisorConfiguration.readinessDescriptor)
        printLine("gerbang: worker \(getpid()) serving port \(server.port)")
        finish(app, server, as: "worker \(getpid()) ")
    }

    private static func startServer(_ config: AppConfig, listener: Int32?) throws -> (Application, HTTPServer) {
        let app = try Application(config: config)
        var configuration = app.serverConfiguration
        configuration.inheritedListener = listener
        let server = HTTPServer(configuration: configuration, responder: app)
        app.prepare()
        try server.start()
        app.startBackgroundWork(listeningOn: server.port)
        server.stopOnSignals()
        return (app, server)
    }

    private static func finish(_ app: Application, _ server: HTTPServer, as role: String = "") {
        server.waitUntilStopped()
        app.stopBackgroundWork()
        printLine("gerbang: \(role)stopped")
    }

    private static func supervise(_ config: AppConfig, environment: [String: String]) throws {
        // The port is bound here, once, so a taken port fails the start and workers never race to bind.
        let (listener, port) = try HTTPServer.openListener(host: config.bindAddress, port: config.port)
        let runtime = try makeRuntimeDirectory(environment)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let countersFile = runtime + "/supervisor-counters"
        let forWorkers: @Sendable ([String: String]) -> [String: String] = { environment in
            environment.merging(
                [WorkerEnvironment.supervisor: String(getpid()), WorkerEnvironment.countersFile: countersFile]) { $1 }
        }
        var configuration = SupervisorConfiguration(
            executable: executablePath(), arguments: ["serve"], environment: forWorkers(environment),
            workers: config.workerProcesses, listener: listener, countersFile: countersFile)
        configuration.reloadEnvironment = {
            // The file again, over the environment the supervisor started with; a bad value keeps the old workers.
            do {
                let reloaded = try EnvironmentFile.overlay(ProcessInfo.processInfo.environment)
                _ = try AppConfig(environment: reloaded)
                return forWorkers(reloaded)
            } catch {
                printLine("gerbang: SIGHUP: \(error)")
                return nil
            }
        }
        configuration.exitWithParent = flag("GERBANG_EXIT_WITH_PARENT", in: environment)
        configuration.log = { printLine($0) }
        try ProcessSupervisor(configuration: configuration).run {
            printLine(
                "gerbang: listening on \(config.bindAddress):\(port) (base domain \(config.baseDomain)), "
                    + "\(config.workerProcesses) worker processes")
        }
        printLine("gerbang: stopped")
    }

    /// The path this program was started with, made absolute but not resolved: a deploy that puts a new
    /// file (or a new symlink) there is what the next worker runs. `/proc/self/exe` only as a last resort.
    static func executablePath() -> String {
        let invoked = CommandLine.arguments.first ?? ""
        if invoked.hasPrefix("/") { return invoked }
        if invoked.contains("/") { return FileManager.default.currentDirectoryPath + "/" + invoked }
        let searched = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(invoked)" }.first { !invoked.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
        return searched ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? invoked
    }

    /// `$RUNTIME_DIRECTORY` (systemd's `RuntimeDirectory=`) or the temporary directory, one folder per supervisor.
    private static func makeRuntimeDirectory(_ environment: [String: String]) throws -> String {
        let parent =
            environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first.map(String.init)
            ?? NSTemporaryDirectory()
        var template = Array(((parent.hasSuffix("/") ? parent : parent + "/") + "gerbang-\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ConfigError(problems: ["RUNTIME_DIRECTORY: cannot create a folder in \(parent): \(String(cString: strerror(errno)))"])
        }
        return String(cString: made)
    }

    /// A harness that starts the server (the test suite) may die without stopping it, and a supervisor
    /// may die without stopping its workers (SIGKILL); the orphan is re-parented, which this notices.
    private static func stopWhenParentExits(_ server: HTTPServer, parent: pid_t) {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 0.2, repeating: 0.2)
        timer.setEventHandler {
            if getppid() != parent {
                timer.cancel()
                server.stop()
            }
        }
        timer.resume()
    }

    private static func flag(_ name: String, in environment: [String: String]) -> Bool {
        ["1", "true", "yes"].contains(environment[name]?.lowercased() ?? "")
    }
}
