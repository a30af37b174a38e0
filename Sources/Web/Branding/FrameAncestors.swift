/// The sites a tenant lets frame its pages: at most five `https://host[:port]` origins, in the form the
/// CSP `frame-ancestors` directive takes them. Empty means nobody (`'none'`), the default.
///
/// Only this parser builds a list, so nothing but lower-case host names, dots, digits and the scheme can
/// reach the header: no quote, no semicolon (another directive), no space inside an origin, no CR/LF.
struct FrameAncestors: Sendable, Hashable {
    static let maximumCount = 5

    let origins: [String]

    static let none = FrameAncestors(origins: [])

    private init(origins: [String]) {
        self.origins = origins
    }

    /// Origins separated by spaces, commas or new lines, as typed in the admin form or stored in
    /// `tenant_branding.frame_ancestors`; nil when any one is not an https origin.
    init?(parsing text: String) {
        var origins: [String] = []
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        for piece in pieces {
            guard let origin = Self.origin(String(piece)) else { return nil }
            if !origins.contains(origin) { origins.append(origin) }
        }
        guard origins.count <= Self.maximumCount else { return nil }
        self.origins = origins
    }

    /// As stored and as shown in the form: one space between origins.
    var text: String { origins.joined(separator: " ") }

    /// The CSP directive's source list.
    var directiveValue: String { origins.isEmpty ? "'none'" : origins.joined(separator: " ") }

    /// `https://` and a host name (not an address), an optional port, an optional trailing `/`; nothing else.
    private static func origin(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://"), lowered.utf8.count <= 200 else { return nil }
        var rest = lowered.dropFirst("https://".count)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port), String(port) == parts[1] else { return nil }
        }
        let host = parts[0]
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.utf8.count <= 253 else { return nil }
        for label in labels {
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-",
                label.utf8.allSatisfy({ Self.isLabelByte($0) })
            else { return nil }
        }
        // The last label of a name is never all digits: that would be an IPv4 address.
        guard let last = labels.last, !last.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return "https://" + rest
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45
    }
}
