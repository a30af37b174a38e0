import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A private nginx in front of Gerbang instances on loopback, configured the way `deploy/nginx/gerbang.conf`
/// is: an upstream of every instance, the forwarded headers, and a retry on the next instance only for
/// requests that failed to connect or timed out (nginx never retries a POST that reached an instance).
final class NginxProxy: @unchecked Sendable {
    private let child: ChildProcess
    private let stopped = NSLock()
    private var isStopped = false
    let directory: String
    let port: Int

    static var executablePath: String? {
        ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"].first { access($0, X_OK) == 0 }
    }

    /// Starts nginx and waits until it answers on its port.
    init(upstreamPorts: [Int]) throws {
        guard let nginx = Self.executablePath else { throw TestSupportError("nginx is not installed (scripts/test.sh installs it)") }
        directory = NSTemporaryDirectory() + "gerbang-nginx-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var lastFailure = ""
        // The free port is found by binding port 0 and closing it; another process may take it in
        // between, so try again with a new one when nginx cannot bind.
        for _ in 0..<5 {
            let port = try Self.freePort()
            let configuration = Self.configuration(directory: directory, port: port, upstreamPorts: upstreamPorts)
            try configuration.write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
            let child = try ChildProcess(nginx, ["-p", directory, "-c", directory + "/nginx.conf", "-g", "daemon off;"])
            if Self.waitUntilAnswering(port: port, pid: child.pid) {
                self.child = child
                self.port = port
                return
            }
            lastFailure = child.output + ((try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? "")
            child.stop()
        }
        throw TestSupportError("nginx did not start:\n\(lastFailure)")
    }

    func stop() {
        stopped.lock()
        defer { stopped.unlock() }
        guard !isStopped else { return }
        isStopped = true
        child.stop()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func configuration(directory: String, port: Int, upstreamPorts: [Int]) -> String {
        // As root, nginx hands its workers to `nobody`, who could not write the temp folders here.
        let user = geteuid() == 0 ? "user root root;\n" : ""
        let servers = upstreamPorts.map { "        server 127.0.0.1:\($0) max_fails=1 fail_timeout=1s;" }
            .joined(separator: "\n")
        return """
            \(user)worker_processes 1;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path \(directory)/body;
                proxy_temp_path \(directory)/proxy;
                fastcgi_temp_path \(directory)/fastcgi;
                uwsgi_temp_path \(directory)/uwsgi;
                scgi_temp_path \(directory)/scgi;
                upstream gerbang {
            \(servers)
                    keepalive 16;
                }
                server {
                    listen 127.0.0.1:\(port);
                    client_max_body_size 2m;
                    location / {
                        proxy_pass http://gerbang;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout;
                        proxy_next_upstream_tries 2;
                        proxy_connect_timeout 1s;
                        proxy_read_timeout 10s;
                    }
                }
            }

            """
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("socket failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSupportError("could not find a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitUntilAnswering(port: Int, pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if (try? TestHTTPClient(port: port, timeout: .seconds(1))) != nil { return true }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            usleep(20_000)
        }
        return false
    }
}
