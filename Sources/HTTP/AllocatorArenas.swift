import CSystem

/// How many heaps (arenas) glibc's allocator may keep for the process's threads.
public enum AllocatorArenas {
    /// Caps the arenas at `count` (`mallopt(M_ARENA_MAX)`), unless `MALLOC_ARENA_MAX` is set: glibc
    /// gives threads that allocate at once arenas of their own, up to eight per core, and memory freed
    /// in one arena cannot serve another. Call it before the threads start.
    public static func limit(to count: Int32, environment: [String: String]) {
        guard environment["MALLOC_ARENA_MAX"] == nil else { return }
        _ = gerbang_limit_malloc_arenas(count)
    }
}
