/// A parsed route pattern such as `/portal/invoices/{number}/pay` or `/assets/{path...}`.
///
/// Patterns are written by programmers, not users, so a malformed one is reported loudly at
/// registration rather than silently never matching.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        /// Matches exactly this (already decoded) text.
        case literal(String)
        /// Matches any one non-empty segment and captures it.
        case parameter(String)
        /// Matches one or more remaining segments, captured joined by `/`. Only allowed last.
        case catchAll(String)
    }

    public let segments: [Segment]
    /// The pattern as written, for logs and metrics (it never contains request data).
    public let description: String

    /// Parses `text`; the rules are the same as the router's split of request paths, so `/` is one
    /// empty literal segment and `/portal/` is distinct from `/portal`.
    public init(_ text: String) throws(RoutePatternError) {
        guard text.hasPrefix("/") else { throw .mustStartWithSlash(text) }
        var segments: [Segment] = []
        var names: Set<String> = []
        let pieces = text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (offset, piece) in pieces.enumerated() {
            let segment = try Self.segment(Substring(piece), in: text)
            switch segment {
            case .literal:
                break
            case .parameter(let name), .catchAll(let name):
                guard names.insert(name).inserted else { throw .duplicateName(name, in: text) }
            }
            if case .catchAll = segment, offset != pieces.count - 1 {
                throw .catchAllNotLast(text)
            }
            segments.append(segment)
        }
        self.segments = segments
        self.description = text
    }

    private static func segment(_ piece: Substring, in text: String) throws(RoutePatternError) -> Segment {
        let hasOpen = piece.contains("{")
        let hasClose = piece.contains("}")
        guard hasOpen || hasClose else {
            guard let literal = PercentDecoding.decodePathSegment(piece) else { throw .malformedSegment(text) }
            return .literal(literal)
        }
        guard piece.first == "{", piece.last == "}", piece.count > 2 else { throw .malformedSegment(text) }
        var name = piece.dropFirst().dropLast()
        let isCatchAll = name.hasSuffix("...")
        if isCatchAll { name = name.dropLast(3) }
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isNameByte) else { throw .malformedSegment(text) }
        return isCatchAll ? .catchAll(String(name)) : .parameter(String(name))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

/// A route pattern that cannot be registered; always a programming mistake.
public enum RoutePatternError: Error, Sendable, Equatable {
    case mustStartWithSlash(String)
    case malformedSegment(String)
    case duplicateName(String, in: String)
    case catchAllNotLast(String)
}
