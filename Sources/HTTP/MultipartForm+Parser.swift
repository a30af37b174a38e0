extension MultipartForm {
    /// A single forward pass over the body. Every search starts where the last one ended and the
    /// delimiter is at most 74 bytes, so hostile input costs time linear in its size.
    struct Parser {
        private let body: [UInt8]
        private let delimiter: [UInt8]
        private let limits: MultipartLimits
        private var position = 0

        private static let crlf: [UInt8] = [13, 10]
        private static let blankLine: [UInt8] = [13, 10, 13, 10]

        init(body: [UInt8], boundary: String, limits: MultipartLimits) {
            self.body = body
            self.delimiter = Array("--\(boundary)".utf8)
            self.limits = limits
        }

        mutating func parse() throws(HTTPError) -> [Part] {
            try skipPreamble()
            var parts: [Part] = []
            while true {
                if hasPrefix([UInt8(ascii: "-"), UInt8(ascii: "-")], at: position) { return parts }
                try skipToLineEnd()
                guard parts.count < limits.maxParts else { throw HTTPError(.contentTooLarge, "too many form parts") }
                parts.append(try part())
            }
        }

        /// Anything before the first delimiter is preamble, ignored as RFC 2046 says.
        private mutating func skipPreamble() throws(HTTPError) {
            if hasPrefix(delimiter, at: 0) {
                position = delimiter.count
            } else if let found = find(Self.crlf + delimiter, from: 0, before: body.count) {
                position = found + 2 + delimiter.count
            } else {
                throw HTTPError(.badRequest, "multipart boundary not found")
            }
        }

        /// After a delimiter only transport padding (spaces, tabs) and CRLF may follow.
        private mutating func skipToLineEnd() throws(HTTPError) {
            while position < body.count, body[position] == UInt8(ascii: " ") || body[position] == UInt8(ascii: "\t") {
                position += 1
            }
            guard hasPrefix(Self.crlf, at: position) else { throw HTTPError(.badRequest, "malformed multipart delimiter") }
            position += 2
        }

        private mutating func part() throws(HTTPError) -> Part {
            let headerBytes: ArraySlice<UInt8>
            if hasPrefix(Self.crlf, at: position) {
                headerBytes = []
                position += 2
            } else {
                let available = body.count - position - Self.blankLine.count
                let window = available <= limits.maxHeaderBytes ? body.count : position + limits.maxHeaderBytes + 4
                guard let end = find(Self.blankLine, from: position, before: window) else {
                    if window < body.count { throw HTTPError(.contentTooLarge, "multipart headers too large") }
                    throw HTTPError(.badRequest, "unterminated multipart headers")
                }
                headerBytes = body[position..<end]
                position = end + Self.blankLine.count
            }
            var part = try Self.part(fromHeaders: headerBytes)
            guard let end = find(Self.crlf + delimiter, from: position, before: body.count) else {
                throw HTTPError(.badRequest, "unterminated multipart body")
            }
            guard end - position <= limits.maxPartBytes else { throw HTTPError(.contentTooLarge, "form part too large") }
            part.body = Array(body[position..<end])
            position = end + 2 + delimiter.count
            if !part.isFile {
                guard !part.body.contains(0), part.text != nil else {
                    throw HTTPError(.badRequest, "form field \(part.name) is not valid UTF-8 text")
                }
            }
            return part
        }

        private static func part(fromHeaders bytes: ArraySlice<UInt8>) throws(HTTPError) -> Part {
            guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
                throw HTTPError(.badRequest, "multipart headers are not valid UTF-8")
            }
            var disposition: (name: String, filename: String?)?
            var contentType: String?
            for line in text.utf8.split(separator: Self.crlf, omittingEmptySubsequences: false) {
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon != line.startIndex,
                    line[..<colon].allSatisfy(MediaType.isTokenByte), !line.contains(13), !line.contains(10)
                else {
                    throw HTTPError(.badRequest, "malformed multipart header")
                }
                let name = String(Substring(line[..<colon]))
                let value = String(Substring(line[line.index(after: colon)...])).trimmingSpacesAndTabs()
                if name.equalsIgnoringASCIICase("Content-Disposition") {
                    guard disposition == nil else { throw HTTPError(.badRequest, "repeated Content-Disposition") }
                    disposition = try Self.formDataDisposition(value)
                } else if name.equalsIgnoringASCIICase("Content-Type") {
                    contentType = value
                }
            }
            guard let disposition else { throw HTTPError(.badRequest, "multipart part without Content-Disposition") }
            return Part(name: disposition.name, filename: disposition.filename, contentType: contentType, body: [])
        }

        private static func formDataDisposition(_ value: String) throws(HTTPError) -> (String, String?) {
            var scanner = value.utf8[...]
            guard let type = MediaType.token(&scanner), type.equalsIgnoringASCIICase("form-data") else {
                throw HTTPError(.badRequest, "multipart part is not form-data")
            }
            let parameters = MediaType.parameters(&scanner)
            guard let name = parameters.first(where: { $0.name == "name" })?.value else {
                throw HTTPError(.badRequest, "multipart part without a name")
            }
            return (name, parameters.first { $0.name == "filename" }?.value)
        }

        private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
            guard index + prefix.count <= body.count else { return false }
            return body[index..<(index + prefix.count)].elementsEqual(prefix)
        }

        /// The first index in `start..<end` where `needle` begins, entirely before `end`.
        private func find(_ needle: [UInt8], from start: Int, before end: Int) -> Int? {
            guard let first = needle.first else { return nil }
            var index = start
            while index + needle.count <= end {
                guard let candidate = body[index..<(end - needle.count + 1)].firstIndex(of: first) else { return nil }
                if body[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
                index = candidate + 1
            }
            return nil
        }
    }
}

extension String {
    fileprivate func trimmingSpacesAndTabs() -> String {
        let bytes = utf8.drop { $0 == 32 || $0 == 9 }
        let trimmed = bytes.reversed().drop { $0 == 32 || $0 == 9 }.count
        return String(Substring(bytes.prefix(trimmed)))
    }
}
