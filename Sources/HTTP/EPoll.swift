#if canImport(Glibc)
    import Glibc
#endif

/// The Linux epoll and eventfd calls.
///
/// Swift's Glibc module includes neither `<sys/epoll.h>` nor `<sys/eventfd.h>`, and the package has no
/// C target for them, so the libc symbols are looked up once by name and called through C function
/// pointers. The constants and the `epoll_event` layout are the stable Linux ABI.
enum EPoll {
    static let input: UInt32 = 0x001
    static let output: UInt32 = 0x004
    static let error: UInt32 = 0x008
    static let hangUp: UInt32 = 0x010
    static let exclusive: UInt32 = 1 << 28

    private static let add: Int32 = 1
    private static let delete: Int32 = 2
    private static let modify: Int32 = 3
    private static let closeOnExec: Int32 = 0o2_000_000
    private static let nonBlocking: Int32 = 0o4_000

    #if arch(x86_64)
        /// `struct epoll_event` is packed on x86-64.
        static let eventStride = 12
        static let tokenOffset = 4
    #else
        static let eventStride = 16
        static let tokenOffset = 8
    #endif

    private typealias CreateFunction = @convention(c) (Int32) -> Int32
    private typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    private typealias EventFDFunction = @convention(c) (UInt32, Int32) -> Int32

    // Written once during static initialisation and only read afterwards.
    nonisolated(unsafe) private static let createFunction = symbol("epoll_create1", as: CreateFunction.self)
    nonisolated(unsafe) private static let controlFunction = symbol("epoll_ctl", as: ControlFunction.self)
    nonisolated(unsafe) private static let waitFunction = symbol("epoll_wait", as: WaitFunction.self)
    nonisolated(unsafe) private static let eventFDFunction = symbol("eventfd", as: EventFDFunction.self)

    static func create() -> Int32 {
        createFunction(closeOnExec)
    }

    /// A non-blocking eventfd, used to wake a loop from other threads.
    static func makeEventFD() -> Int32 {
        eventFDFunction(0, closeOnExec | nonBlocking)
    }

    @discardableResult
    static func register(_ epoll: Int32, fd: Int32, events: UInt32, token: UInt64) -> Int32 {
        control(epoll, add, fd, events: events, token: token)
    }

    @discardableResult
    static func change(_ epoll: Int32, fd: Int32, events: UInt32, token: UInt64) -> Int32 {
        control(epoll, modify, fd, events: events, token: token)
    }

    @discardableResult
    static func unregister(_ epoll: Int32, fd: Int32) -> Int32 {
        control(epoll, delete, fd, events: 0, token: 0)
    }

    /// Waits for events; each ready `(events, token)` pair is passed to `body`. Returns -1 on error.
    static func wait(_ epoll: Int32, buffer: UnsafeMutableRawBufferPointer, timeoutMilliseconds: Int32) -> Int32 {
        waitFunction(epoll, buffer.baseAddress, Int32(buffer.count / eventStride), timeoutMilliseconds)
    }

    static func event(at index: Int, in buffer: UnsafeMutableRawBufferPointer) -> (events: UInt32, token: UInt64) {
        let base = index * eventStride
        return (
            buffer.loadUnaligned(fromByteOffset: base, as: UInt32.self),
            buffer.loadUnaligned(fromByteOffset: base + tokenOffset, as: UInt64.self)
        )
    }

    private static func control(_ epoll: Int32, _ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) -> Int32 {
        var bytes = [UInt8](repeating: 0, count: eventStride)
        return bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: token, toByteOffset: tokenOffset, as: UInt64.self)
            return controlFunction(epoll, operation, fd, raw.baseAddress)
        }
    }

    private static func symbol<Function>(_ name: String, as type: Function.Type) -> Function {
        guard let address = dlsym(nil, name) else {
            fatalError("libc has no \(name); Gerbang's server needs Linux epoll")
        }
        return unsafeBitCast(address, to: type)
    }
}
