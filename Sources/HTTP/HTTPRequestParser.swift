/// Finds and parses one request head in a connection's read buffer.
///
/// Scanning is incremental: bytes already looked at are not looked at again, so a client sending
/// its head one byte at a time costs linear work. Line endings may be CRLF or a bare LF
/// (RFC 9112 §2.2 lets a recipient accept LF alone); a CR anywhere else is refused with 400.
struct HTTPRequestParser {
    struct Limits: Sendable {
        var maxRequestLineBytes: Int
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
    }

    enum Result {
        case incomplete
        /// `consumed` counts from the `start` passed to `parse`.
        case complete(HTTPRequestHead, consumed: Int)
        case failed(HTTPRequestHeadError)
    }

    let limits: Limits
    // Offsets below are relative to the start of the current head.
    private var scanned = 0
    private var requestLineEnd: Int?
    private var lineStart = 0
    private var fieldCount = 0

    init(limits: Limits) {
        self.limits = limits
    }

    /// True until the first byte of a head has been scanned.
    var isAtStart: Bool { scanned == 0 }

    mutating func reset() {
        scanned = 0
        requestLineEnd = nil
        lineStart = 0
        fieldCount = 0
    }

    /// Empty lines before a request line are ignored (RFC 9112 §2.2); returns how many bytes to skip.
    static func leadingEmptyLineLength(in buffer: [UInt8], from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            if buffer[index] == 10 {
                index += 1
            } else if buffer[index] == 13, index + 1 < buffer.count, buffer[index + 1] == 10 {
                index += 2
            } else {
                break
            }
        }
        return index - start
    }

    mutating func parse(_ buffer: [UInt8], from start: Int) -> Result {
        let available = buffer.count - start
        while scanned < available {
            guard let newline = buffer[(start + scanned)...].firstIndex(of: 10) else {
                scanned = available
                break
            }
            let end = newline - start
            scanned = end + 1
            let contentEnd = end > 0 && buffer[newline - 1] == 13 ? end - 1 : end
            guard let requestLineEnd else {
                if contentEnd > limits.maxRequestLineBytes {
                    return .failed(HTTPRequestHeadError(.uriTooLong, "request line too long"))
                }
                self.requestLineEnd = end + 1
                lineStart = end + 1
                continue
            }
            if end + 1 - requestLineEnd > limits.maxHeaderBytes + 2 {
                return .failed(HTTPRequestHeadError(.requestHeaderFieldsTooLarge, "header block too large"))
            }
            if contentEnd == lineStart {
                return finish(buffer, start: start, headEnd: end + 1, requestLineEnd: requestLineEnd)
            }
            fieldCount += 1
            if fieldCount > limits.maxHeaderCount {
                return .failed(HTTPRequestHeadError(.requestHeaderFieldsTooLarge, "too many header fields"))
            }
            lineStart = end + 1
        }
        if let requestLineEnd {
            if available - requestLineEnd > limits.maxHeaderBytes + 2 {
                return .failed(HTTPRequestHeadError(.requestHeaderFieldsTooLarge, "header block too large"))
            }
        } else if available > limits.maxRequestLineBytes + 1 {
            return .failed(HTTPRequestHeadError(.uriTooLong, "request line too long"))
        }
        return .incomplete
    }

    private func finish(_ buffer: [UInt8], start: Int, headEnd: Int, requestLineEnd: Int) -> Result {
        do throws(HTTPRequestHeadError) {
            let line = Self.lineContent(buffer, from: start, to: start + requestLineEnd)
            let (method, target, version) = try Self.requestLine(line)
            var headers = HTTPHeaders()
            var lineBegin = start + requestLineEnd
            while lineBegin < start + headEnd {
                let newline = buffer[lineBegin...].firstIndex(of: 10)!
                let content = Self.lineContent(buffer, from: lineBegin, to: newline + 1)
                if !content.isEmpty {
                    let (name, value) = try Self.field(content)
                    headers.add(name, value)
                }
                lineBegin = newline + 1
            }
            let head = try HTTPRequestHead.validated(method: method, target: target, version: version, headers: headers)
            return .complete(head, consumed: headEnd)
        } catch {
            return .failed(error)
        }
    }

    /// A line without its LF and optional CR.
    private static func lineContent(_ buffer: [UInt8], from begin: Int, to endAfterNewline: Int) -> ArraySlice<UInt8> {
        var end = endAfterNewline - 1
        if end > begin, buffer[end - 1] == 13 { end -= 1 }
        return buffer[begin..<end]
    }

    private static func requestLine(
        _ line: ArraySlice<UInt8>
    ) throws(HTTPRequestHeadError) -> (HTTPMethod, String, HTTPVersion) {
        let parts = line.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw HTTPRequestHeadError(.badRequest, "malformed request line")
        }
        let version = try version(parts[2])
        guard parts[0].allSatisfy(isTokenByte) else { throw HTTPRequestHeadError(.badRequest, "malformed method") }
        guard let method = HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)) else {
            throw HTTPRequestHeadError(.notImplemented, "method not implemented")
        }
        let target = try originFormTarget(parts[1], method: method)
        return (method, target, version)
    }

    private static func version(_ bytes: ArraySlice<UInt8>) throws(HTTPRequestHeadError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text[0..<5].elementsEqual("HTTP/".utf8), isDigit(text[5]), text[6] == 46,
            isDigit(text[7])
        else { throw HTTPRequestHeadError(.badRequest, "malformed HTTP version") }
        switch (text[5], text[7]) {
        case (49, 49): return .http1_1
        case (49, 48): return .http1_0
        default: throw HTTPRequestHeadError(.httpVersionNotSupported, "HTTP version not supported")
        }
    }

    /// Origin-form as sent; absolute-form (`http://host/path`) is reduced to its path and query.
    private static func originFormTarget(
        _ bytes: ArraySlice<UInt8>, method: HTTPMethod
    ) throws(HTTPRequestHeadError) -> String {
        guard bytes.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw HTTPRequestHeadError(.badRequest, "malformed request target")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("/") { return text }
        if text == "*", method == .OPTIONS { return text }
        let lower = text.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            guard let pathStart = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            let remainder = String(rest[pathStart...])
            return remainder.hasPrefix("?") ? "/" + remainder : remainder
        }
        throw HTTPRequestHeadError(.badRequest, "malformed request target")
    }

    private static func field(_ line: ArraySlice<UInt8>) throws(HTTPRequestHeadError) -> (String, String) {
        if line.first == 32 || line.first == 9 {
            throw HTTPRequestHeadError(.badRequest, "obsolete line folding is not accepted")
        }
        guard let colon = line.firstIndex(of: 58), colon > line.startIndex,
            line[line.startIndex..<colon].allSatisfy(isTokenByte)
        else { throw HTTPRequestHeadError(.badRequest, "malformed header field") }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
        while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 9 || ($0 >= 32 && $0 != 127) }) else {
            throw HTTPRequestHeadError(.badRequest, "invalid character in header value")
        }
        return (String(decoding: line[line.startIndex..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: return true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: return true
        default: return false
        }
    }
}
