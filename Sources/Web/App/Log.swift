import Foundation
import Synchronization

/// Plain-text logging to standard error. Never pass secrets or request bodies here.
public enum Log {
    nonisolated(unsafe) static var level: AppConfig.LogLevel = .info

    static func error(_ message: @autoclosure () -> String) { write(.error, message) }
    static func warning(_ message: @autoclosure () -> String) { write(.warning, message) }
    static func info(_ message: @autoclosure () -> String) { write(.info, message) }

    private static func write(_ messageLevel: AppConfig.LogLevel, _ message: () -> String) {
        let order: [AppConfig.LogLevel] = [.debug, .info, .warning, .error]
        guard order.firstIndex(of: messageLevel)! >= order.firstIndex(of: level)! else { return }
        FileHandle.standardError.write(Data("gerbang \(messageLevel.rawValue): \(message())\n".utf8))
    }
}

/// Collects log lines from many worker threads and writes them to standard output in batches:
/// one `write` per batch instead of one per request, and never held back more than a moment,
/// so a supervisor reading the pipe sees each line promptly.
final class LogWriter: Sendable {
    private let pending = Mutex<[UInt8]>([])
    private let maximumBuffer = 64 * 1024

    /// Starts a small thread that flushes every `interval` for as long as the writer lives.
    init(flushEvery interval: TimeInterval = 0.1) {
        let thread = Thread { [weak self] in
            while let writer = self {
                writer.flush()
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.name = "gerbang-log"
        thread.start()
    }

    func write(_ line: String) {
        let full = pending.withLock { buffer -> Bool in
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            return buffer.count >= maximumBuffer
        }
        if full { flush() }
    }

    func flush() {
        let bytes = pending.withLock { buffer -> [UInt8] in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
    }
}
