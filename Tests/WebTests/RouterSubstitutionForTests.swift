import Foundation

/// The router's side of a hotspot page: MikroTik's `$(name)` variables and `$(if name) … $(else) … $(endif)`.
enum RouterSubstitution {
    static func apply(_ template: String, _ values: [String: String]) -> String {
        let conditional = try! NSRegularExpression(
            pattern: #"\$\(if ([a-z-]+)\)(.*?)(?:\$\(else\)(.*?))?\$\(endif\)"#, options: [.dotMatchesLineSeparators])
        var text = template
        while let match = conditional.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            func group(_ index: Int) -> String {
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            let isSet = !(values[group(1)] ?? "").isEmpty
            text.replaceSubrange(Range(match.range, in: text)!, with: isSet ? group(2) : group(3))
        }
        let variable = try! NSRegularExpression(pattern: #"\$\(([a-z-]+)\)"#)
        var result = ""
        var last = text.startIndex
        for match in variable.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = Range(match.range, in: text)!
            result += text[last..<range.lowerBound]
            result += values[String(text[Range(match.range(at: 1), in: text)!])] ?? ""
            last = range.upperBound
        }
        return result + text[last...]
    }
}
