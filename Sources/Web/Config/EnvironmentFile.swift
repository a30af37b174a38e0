import Foundation

/// `GERBANG_ENV_FILE`: a file of `NAME=value` lines (systemd's `EnvironmentFile=` syntax: `#` comments,
/// blank lines, optional quotes around a value) whose values win over the process's environment. Read at
/// start, and again by the supervisor on SIGHUP, so a reload can change the configuration of new workers.
enum EnvironmentFile {
    static let variable = "GERBANG_ENV_FILE"

    /// `environment` with the named file's values laid over it; unchanged when no file is named.
    static func overlay(_ environment: [String: String]) throws(ConfigError) -> [String: String] {
        guard let path = environment[variable], !path.isEmpty else { return environment }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(problems: ["\(variable)=\(path) cannot be read"])
        }
        return environment.merging(parse(text)) { $1 }
    }

    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") else {
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty { values[name] = value }
        }
        return values
    }
}
