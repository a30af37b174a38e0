#if canImport(Glibc)
    import Glibc
#endif

/// Many readers at once, or one writer: for tables read on every request and changed rarely, where
/// a plain mutex made the worker threads queue behind each other on every lookup.
final class ReadWriteLock<State>: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
    /// Read only under the read lock and written only under the write lock; that is what makes the
    /// class `Sendable`.
    private var state: State

    init(_ state: State) {
        self.state = state
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func withReadLock<T>(_ body: (borrowing State) throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(state)
    }

    func withWriteLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(&state)
    }
}
