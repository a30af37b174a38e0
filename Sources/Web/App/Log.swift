import Foundation

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
