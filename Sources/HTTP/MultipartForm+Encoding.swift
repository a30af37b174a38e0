/// Writing a form for an outgoing request (a provider that takes `multipart/form-data`), so the
/// same type reads and writes the format and a test can round-trip one through the other.
extension MultipartForm {
    /// The body and the `Content-Type` to send it with. The boundary is random and checked against
    /// every part, so no part can end the body early whatever it holds.
    public func encoded() -> (body: [UInt8], contentType: String) {
        var boundary = Self.randomBoundary()
        while parts.contains(where: { Self.contains(Array(("--" + boundary).utf8), in: $0.body) }) {
            boundary = Self.randomBoundary()
        }
        var body: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(Self.quoted(filename))\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: \(Self.quoted(contentType))\r\n" }
            body += Array((head + "\r\n").utf8)
            body += part.body
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=" + boundary)
    }

    /// 32 hex digits from the system's generator: 128 bits no part will happen to contain.
    private static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return "gerbang-" + String((0..<32).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
    }

    /// RFC 7578 §4.2's percent-encoding of the three characters that would break a header value.
    private static func quoted(_ value: String) -> String {
        var out = ""
        // Scalars, not characters: "\r\n" is one Character and would slip past a per-character match.
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "%22"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
