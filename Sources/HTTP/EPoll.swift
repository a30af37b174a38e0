import CSystem

/// The Linux epoll and eventfd calls, through the small C target `CSystem` (Swift's Glibc module
/// imports neither header, and `struct epoll_event` is packed on x86-64, so C copies it out).
enum EPoll {
    static let input = UInt32(GERBANG_EPOLLIN)
    static let output = UInt32(GERBANG_EPOLLOUT)
    static let error = UInt32(GERBANG_EPOLLERR)
    static let hangUp = UInt32(GERBANG_EPOLLHUP)
    static let exclusive = UInt32(GERBANG_EPOLLEXCLUSIVE)

    /// How many events one `wait` returns at most.
    static let batch = 256

    static func create() -> Int32 {
        gerbang_epoll_create()
    }

    /// A non-blocking eventfd, used to wake a loop from other threads.
    static func makeEventFD() -> Int32 {
        gerbang_eventfd()
    }

    @discardableResult
    static func register(_ epoll: Int32, fd: Int32, events: UInt32, token: UInt64) -> Int32 {
        gerbang_epoll_ctl(epoll, Int32(GERBANG_EPOLL_CTL_ADD), fd, events, token)
    }

    @discardableResult
    static func change(_ epoll: Int32, fd: Int32, events: UInt32, token: UInt64) -> Int32 {
        gerbang_epoll_ctl(epoll, Int32(GERBANG_EPOLL_CTL_MOD), fd, events, token)
    }

    @discardableResult
    static func unregister(_ epoll: Int32, fd: Int32) -> Int32 {
        gerbang_epoll_ctl(epoll, Int32(GERBANG_EPOLL_CTL_DEL), fd, 0, 0)
    }

    /// Waits for events into `buffer` (capacity `batch`); returns how many, or -1 on error.
    static func wait(_ epoll: Int32, buffer: UnsafeMutablePointer<gerbang_epoll_event>, timeoutMilliseconds: Int32) -> Int32 {
        gerbang_epoll_wait(epoll, buffer, Int32(batch), timeoutMilliseconds)
    }
}
