import Foundation
import HTTP

/// Reads typed values from environment variables, collecting every problem instead of stopping at the first.
struct EnvironmentReader {
    private let environment: [String: String]
    var problems: [String] = []

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    private func value(_ name: String) -> String? {
        guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }

    mutating func string(_ name: String, default fallback: String) -> String {
        value(name) ?? fallback
    }

    mutating func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            problems.append("\(name)=\(text) is not a whole number in \(range.lowerBound)…\(range.upperBound)")
            return fallback
        }
        return number
    }

    mutating func boolean(_ name: String, default fallback: Bool) -> Bool {
        guard let text = value(name)?.lowercased() else { return fallback }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(name)=\(text) is not a boolean (true/false)")
            return fallback
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) -> T where T.RawValue == String {
        guard let text = value(name) else { return fallback }
        guard let chosen = T(rawValue: text.lowercased()) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("\(name)=\(text) is not one of \(allowed)")
            return fallback
        }
        return chosen
    }

    mutating func hostName(_ name: String, default fallback: String) -> String {
        guard let text = value(name) else { return fallback }
        guard let normalised = HostName.normalise(text), normalised.port == nil else {
            problems.append("\(name)=\(text) is not a host name (example: gerbang.example.com)")
            return fallback
        }
        return normalised.name
    }

    mutating func addressRanges(_ name: String) -> [IPAddressRange] {
        guard let text = value(name) else { return [] }
        var ranges: [IPAddressRange] = []
        for item in text.split(separator: ",") {
            let entry = item.trimmingCharacters(in: .whitespaces)
            guard let range = IPAddressRange(entry) else {
                problems.append("\(name): \(entry) is not an IP address or CIDR range")
                continue
            }
            ranges.append(range)
        }
        return ranges
    }

    /// An `http(s)://` base URL without a trailing slash, or nil when unset.
    mutating func optionalURL(_ name: String) -> String? {
        guard let text = value(name) else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            problems.append("\(name)=\(text) is not an http(s) URL")
            return nil
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    mutating func path(_ name: String, default fallback: String, relativeTo directory: String) -> String {
        let chosen = value(name) ?? fallback
        return chosen.hasPrefix("/") ? chosen : directory + "/" + chosen
    }
}
