/// One access-log line per request, in a fixed field order that is easy to `grep` and `awk`:
/// `time id host tag method path status bytes durationµs`.
struct AccessLogEntry: Sendable {
    var requestID: String
    var host: String?
    var logTag: String?
    var method: String
    var path: String
    var status: Int
    var bodyBytes: Int
    var microseconds: Int

    var line: String {
        let fields = [
            HTTPDate.iso8601Now(), requestID, Self.field(host), Self.field(logTag), method, Self.field(path),
            String(status), String(bodyBytes), "\(microseconds)us",
        ]
        return fields.joined(separator: " ")
    }

    /// Keeps one field one token: data from the request must not add fields or lines to the log.
    private static func field(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        let limited = value.utf8.count > 512 ? String(decoding: value.utf8.prefix(512), as: UTF8.self) : value
        guard limited.utf8.contains(where: { $0 <= 32 || $0 == 127 }) else { return limited }
        return String(decoding: limited.utf8.map { $0 <= 32 || $0 == 127 ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }
}
