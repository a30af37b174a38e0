import Foundation
import Testing

/// A real `gerbang serve` process on a free port, against the test database.
final class GerbangProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    private let output = Pipe()
    private let lock = NSLock()
    private var captured = ""

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var executablePath: String {
        if let path = ProcessInfo.processInfo.environment["GERBANG_BIN"] { return path }
        return repositoryRoot + "/.build/debug/gerbang"
    }

    /// Starts the server and waits until it says where it listens.
    init(environment overrides: [String: String] = [:], arguments: [String] = ["serve"]) throws {
        let root = Self.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = "0"
        environment["BIND"] = "127.0.0.1"
        environment["BASE_DOMAIN"] = "localhost"
        environment["PUBLIC_DIR"] = root + "/Public"
        environment["CONTENT_DIR"] = root + "/content"
        environment["MIGRATIONS_DIR"] = root + "/db/migrations"
        environment["EVENT_LOOPS"] = "2"
        environment["WORKERS"] = "8"
        environment["DB_POOL_SIZE"] = "4"
        environment["GERBANG_EXIT_WITH_PARENT"] = "1"
        for (key, value) in overrides { environment[key] = value }
        process.executableURL = URL(fileURLWithPath: Self.executablePath)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()

        let handle = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(15)
        var seen = ""
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"listening on [^ ]+:(\d+)"#, options: .regularExpression) {
                let match = seen[range]
                port = Int(match.split(separator: ":").last!)!
                break
            }
        }
        guard port != 0 else {
            process.terminate()
            throw ProcessStartFailure(output: seen)
        }
        captured = seen
        // Keep draining output so the server never blocks on a full pipe.
        handle.readabilityHandler = { [weak self] h in
            let data = h.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.captured += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
    }

    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }

    /// SIGTERM, then waits for the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill() }
    }
}

struct ProcessStartFailure: Error, CustomStringConvertible {
    let output: String
    var description: String { "gerbang did not start:\n\(output)" }
}
