import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately raw HTTP/1.1 client over a blocking socket, for tests that need to control every byte.
///
/// Responses are framed by `Content-Length` only (the server under test always sends it); reads
/// give up after `timeout` instead of hanging the test run.
public final class TestHTTPClient {
    private var fd: Int32
    private var pending: [UInt8] = []

    public init(port: Int, host: String = "127.0.0.1", timeout: Duration = .seconds(5)) throws {
        // Assigned only once connected: a throwing class initialiser still runs deinit, which closes `fd`.
        fd = -1
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("socket failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestSupportError("connect to \(host):\(port) failed: errno \(code)")
        }
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let (seconds, attoseconds) = timeout.components
        var interval = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close()
    }

    public func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    /// The client side's port, which the server sees as the peer's (to tell which process holds the connection).
    public var localPort: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return ok == 0 ? Int(UInt16(bigEndian: address.sin_port)) : 0
    }

    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw TestSupportError("send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads one response. Pass `bodyless: true` for answers to HEAD, whose `Content-Length` has no body after it.
    public func readResponse(bodyless: Bool = false) throws -> TestHTTPResponse {
        let headEnd = try readUntilHeadEnd()
        let head = try TestHTTPResponse.Head(String(decoding: pending[..<headEnd], as: UTF8.self))
        pending.removeFirst(headEnd + 4)
        let length = try head.bodyLength(bodyless: bodyless)
        while pending.count < length {
            guard try receive() > 0 else { throw TestSupportError("connection closed inside a response body") }
        }
        let body = Array(pending[..<length])
        pending.removeFirst(length)
        return TestHTTPResponse(head: head, body: body)
    }

    /// True when the server closes the connection (EOF or reset) within the socket timeout; bytes sent
    /// before the close are discarded.
    public func waitForClose() -> Bool {
        pending.removeAll()
        while true {
            do {
                if try receive() == 0 { return true }
            } catch {
                return error.description.contains("reset")
            }
        }
    }

    /// One request on a fresh connection with `Connection: close`.
    public static func request(
        port: Int, method: String = "GET", path: String = "/", host: String = "localhost",
        headers: [(String, String)] = [], body: [UInt8] = [], timeout: Duration = .seconds(5)
    ) throws -> TestHTTPResponse {
        try exchange(
            port: port, requestBytes(method: method, path: path, host: host, headers: headers, body: body),
            bodyless: method == "HEAD", timeout: timeout)
    }

    /// The bytes `request` sends: the head with `Host` and `Connection: close`, `Content-Length` for a
    /// body (and for every POST, PUT and PATCH), then the body.
    public static func requestBytes(method: String, path: String, host: String, headers: [(String, String)], body: [UInt8])
        -> [UInt8]
    {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" || method == "PATCH" {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + body
    }

    /// Sends `bytes` on a fresh connection and reads one response.
    public static func exchange(port: Int, _ bytes: [UInt8], bodyless: Bool, timeout: Duration = .seconds(5)) throws
        -> TestHTTPResponse
    {
        let client = try TestHTTPClient(port: port, timeout: timeout)
        try client.send(bytes)
        return try client.readResponse(bodyless: bodyless)
    }

    private func readUntilHeadEnd() throws -> Int {
        var searchFrom = 0
        while true {
            if pending.count >= 4 {
                for index in searchFrom...(pending.count - 4)
                where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
                    return index
                }
                searchFrom = pending.count - 3
            }
            guard try receive() > 0 else { throw TestSupportError("connection closed before a complete response head") }
        }
    }

    @discardableResult
    private func receive() throws(TestSupportError) -> Int {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw TestSupportError("timed out waiting for the server") }
            if errno == ECONNRESET { throw TestSupportError("connection reset by the server") }
            throw TestSupportError("recv failed: errno \(errno)")
        }
        pending.append(contentsOf: chunk[..<count])
        return count
    }
}
