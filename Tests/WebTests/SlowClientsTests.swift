import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Slowloris: 500 connections that send their request head one byte per second hold
/// no thread of the server (epoll), so a normal visitor still gets the home page at once.
@Suite struct SlowClientsTests {
    @Test func fiveHundredClientsTricklingHeadersDoNotDelayANormalVisitor() throws {
        let server = try GerbangProcess(environment: ["RATE_LIMITS": "off", "ACCESS_LOG": "off"])
        defer { _ = server.stop() }
        let tenant = try PortalFixtures.tenant()
        // Warm: the first request loads the tenant and its catalogue into the caches.
        #expect(try TestHTTPClient.request(port: server.port, path: "/", host: tenant.host).status == 200)

        let slow = try SlowClients(count: 500, port: server.port, host: tenant.host)
        defer { slow.close() }
        var timings: [Duration] = []
        for _ in 0..<6 {
            slow.sendOneByteEach()
            let clock = ContinuousClock()
            var status = 0
            let elapsed = try clock.measure {
                status = try TestHTTPClient.request(port: server.port, path: "/", host: tenant.host).status
            }
            #expect(status == 200)
            timings.append(elapsed)
            Thread.sleep(forTimeInterval: 1)
        }
        #expect(slow.openCount() >= 450, "the slow clients were still connected while the visitor was served")
        let sorted = timings.sorted()
        // The median, so one scheduling hiccup of a loaded 2-core machine is not read as a stall.
        #expect(sorted[sorted.count / 2] < .milliseconds(100), "home page times with 500 slow clients: \(timings)")
        #expect(sorted.last! < .seconds(1), "home page times with 500 slow clients: \(timings)")
    }
}

/// Connections that each send one more byte of a request head on every call.
final class SlowClients {
    private var sockets: [Int32] = []
    private let head: [UInt8]
    private var sent = 0

    init(count: Int, port: Int, host: String) throws {
        head = Array("GET / HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: slow\r\nAccept: text/html\r\n\r\n".utf8)
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw TestSupportError("socket failed: errno \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                Glibc.close(fd)
                throw TestSupportError("connect failed: errno \(errno)")
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            sockets.append(fd)
        }
    }

    /// The next byte of the head on every connection (never the final blank line's last byte).
    func sendOneByteEach() {
        guard sent < head.count - 1 else { return }
        var byte = head[sent]
        for fd in sockets { _ = Glibc.send(fd, &byte, 1, Int32(MSG_NOSIGNAL)) }
        sent += 1
    }

    /// Connections the server has not closed (a closed one reads EOF).
    func openCount() -> Int {
        var open = 0
        for fd in sockets {
            var byte: UInt8 = 0
            let result = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
            if result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { open += 1 }
        }
        return open
    }

    func close() {
        for fd in sockets { Glibc.close(fd) }
        sockets.removeAll()
    }

    deinit { close() }
}
