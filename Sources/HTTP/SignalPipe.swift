import CSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Signals turned into bytes on a pipe, so one `poll` waits for signals and descriptors alike and the
/// signal handler itself does nothing but `write` (the only safe thing it could do).
struct SignalPipe {
    let descriptor: Int32

    init(_ signals: [Int32]) throws {
        let descriptor = signals.withUnsafeBufferPointer { gerbang_signal_pipe($0.baseAddress, Int32($0.count)) }
        guard descriptor >= 0 else { throw SocketError.lastError("installing the signal handlers") }
        self.descriptor = descriptor
    }

    /// The signals received since the last call, in order, each once per delivery the kernel did not merge.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return received }
            received += buffer.prefix(count).map { Int32($0) }
        }
    }
}

/// Descriptor moves the supervisor needs before placing a descriptor at a fixed number in a child.
enum Descriptor {
    /// A close-on-exec copy numbered at least `minimum`, the original closed: `posix_spawn`'s dup2 onto
    /// 3 or 4 then always copies (a dup2 onto itself would keep close-on-exec set), and never overwrites
    /// the other descriptor it still has to place.
    static func moveAbove(_ descriptor: Int32, minimum: Int32 = 10) -> Int32 {
        let moved = gerbang_dup_cloexec_above(descriptor, minimum)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }
}
