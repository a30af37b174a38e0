import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A supervisor's workers as the kernel shows them in /proc: which are alive, and which holds a connection.
extension GerbangProcess {
    /// The live (not zombie) children of this process.
    var workerPIDs: Set<pid_t> {
        Self.processes().filter { $0.parent == pid && $0.state != "Z" }.reduce(into: []) { $0.insert($1.pid) }
    }

    /// True while `pid` runs (a zombie or a vanished process does not).
    static func isRunning(_ pid: pid_t) -> Bool {
        processes().contains { $0.pid == pid && $0.state != "Z" }
    }

    /// The worker that holds the server side of the connection whose client port is `clientPort`.
    func worker(holdingClientPort clientPort: Int) -> pid_t? {
        guard let inode = Self.establishedSocketInode(serverPort: port, clientPort: clientPort) else { return nil }
        return workerPIDs.first { worker in
            let directory = "/proc/\(worker)/fd"
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return descriptors.contains {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)")) == "socket:[\(inode)]"
            }
        }
    }

    /// The value of one sample of `/metrics` (`name{labels}` exactly as written), whichever worker answers.
    func metric(_ series: String) throws -> Double? {
        let text = try TestHTTPClient.request(port: port, path: "/metrics").text
        let line = text.split(separator: "\n").first { $0.hasPrefix(series + " ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    /// Every thread of `pid` stopped (SIGSTOP).
    private static func isStopped(_ pid: pid_t) -> Bool {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.allSatisfy { task in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return true }
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            return state == "T" || state == "t"
        }
    }

    private static func processes() -> [(pid: pid_t, parent: pid_t, state: Character)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After the command name (which may hold spaces): state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
            return (pid, parent, state)
        }
    }

    /// /proc/net/tcp: `sl local rem st … inode`, addresses as hex `IP:PORT`, state 01 established.
    private static func establishedSocketInode(serverPort: Int, clientPort: Int) -> String? {
        // Read to the end: the table is longer than the one page a size-guided read of /proc would get.
        guard let file = FileHandle(forReadingAtPath: "/proc/net/tcp") else { return nil }
        defer { try? file.close() }
        let table = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 9, fields[3] == "01",
                let local = fields[1].split(separator: ":").last, Int(local, radix: 16) == serverPort,
                let remote = fields[2].split(separator: ":").last, Int(remote, radix: 16) == clientPort
            else { continue }
            return String(fields[9])
        }
        return nil
    }
}

extension GerbangProcess {
    /// A keep-alive connection that `worker` holds: the other workers are stopped (SIGSTOP) while it
    /// connects, so only `worker` is waiting to accept, then they continue.
    func connection(onWorker worker: pid_t) throws -> TestHTTPClient {
        let others = workerPIDs.subtracting([worker])
        for other in others { Glibc.kill(other, SIGSTOP) }
        defer { for other in others { Glibc.kill(other, SIGCONT) } }
        // A thread still in epoll_wait would take the wake-up for the new connection and then stop.
        var deadline = ContinuousClock.now + .seconds(5)
        while !others.allSatisfy(Self.isStopped), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
        let client = try TestHTTPClient(port: port)
        deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if self.worker(holdingClientPort: client.localPort) == worker { return client }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw TestSupportError("worker \(worker) did not accept the connection")
    }
}

extension TestHTTPClient {
    /// One request on this keep-alive connection.
    func get(_ path: String, host: String, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        var head = "GET \(path) HTTP/1.1\r\nHost: \(host)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try send(head + "\r\n")
        return try readResponse()
    }
}
