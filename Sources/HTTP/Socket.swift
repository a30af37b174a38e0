#if canImport(Glibc)
    import Glibc
#endif

/// A failed socket call, described the way an operator reads it in a start-up log.
public struct SocketError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func lastError(_ call: String) -> SocketError {
        SocketError("\(call) failed: \(String(cString: strerror(errno)))")
    }
}

/// Thin wrappers over the POSIX socket calls the server needs, so the loop code reads as intent.
enum Socket {
    /// Opens a non-blocking listening socket on an IPv4 or IPv6 literal.
    static func listen(host: String, port: Int, reusePort: Bool, backlog: Int32 = 1024) throws -> Int32 {
        let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let isIPv6 = literal.contains(":")
        let display = isIPv6 ? "[\(literal)]:\(port)" : "\(literal):\(port)"
        guard (0...65_535).contains(port) else { throw SocketError("port \(port) is out of range") }

        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, type, 0)
        guard fd >= 0 else { throw SocketError.lastError("socket") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if reusePort {
            setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        }

        let bound: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, literal, &address.sin6_addr) == 1 else {
                close(fd)
                throw SocketError("host \(host) is not an IPv6 address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, literal, &address.sin_addr) == 1 else {
                close(fd)
                throw SocketError("host \(host) is not an IPv4 or IPv6 address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        if bound != 0 {
            let code = errno
            close(fd)
            if code == EADDRINUSE { throw SocketError("address \(display) is already in use") }
            throw SocketError("bind to \(display) failed: \(String(cString: strerror(code)))")
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let error = SocketError.lastError("listen on \(display)")
            close(fd)
            throw error
        }
        return fd
    }

    /// Takes over a listening socket received from a parent process: non-blocking, because every worker
    /// process is woken for a new connection and all but one find the queue empty (EAGAIN); close-on-exec,
    /// so it goes no further than this process.
    static func adopt(_ fd: Int32) throws -> Int32 {
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        var listening: Int32 = 0
        var listeningLength = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0, type == Int32(SOCK_STREAM.rawValue),
            getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &listeningLength) == 0, listening != 0
        else { throw SocketError("descriptor \(fd) is not an inherited listening socket") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return fd
    }

    /// The port the kernel actually bound (the answer to `port: 0`).
    static func boundPort(of fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard ok == 0 else { return 0 }
        return port(of: storage)
    }

    /// Accepts one pending connection as a non-blocking socket, with the peer's printable address.
    static func accept(from listener: Int32) -> (fd: Int32, peer: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        // accept4 needs _GNU_SOURCE, which Swift's Glibc module lacks; fcntl does the same in two calls.
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &length) }
        }
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return (fd, address(of: storage))
    }

    /// Dotted IPv4 for IPv4 peers (also when they arrive IPv4-mapped on an IPv6 socket), else IPv6 text.
    static func address(of storage: sockaddr_storage) -> String {
        var copy = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin_addr
                    inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
                    return Socket.string(fromNulTerminated: text)
                }
            }
        case AF_INET6:
            let printed = withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin6_addr
                    inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
                    return Socket.string(fromNulTerminated: text)
                }
            }
            if printed.hasPrefix("::ffff:"), printed.contains(".") { return String(printed.dropFirst(7)) }
            return printed
        default:
            return "unknown"
        }
    }

    static func string(fromNulTerminated text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func port(of storage: sockaddr_storage) -> Int {
        var copy = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            return 0
        }
    }
}
