/// Turns a responder's `HTTPResponse` into wire bytes, adding the framing headers the server owns.
enum HTTPResponseSerializer {
    /// - Parameters:
    ///   - method: the request's method; `HEAD` gets the headers of the full response but no body.
    ///   - keepAlive: false adds `Connection: close`; true on an HTTP/1.0 request adds `Connection: keep-alive`.
    /// - Returns: the bytes and the number of body bytes among them (for the access log).
    ///
    /// Written byte by byte into one allocation of the right size: building the head as a `String`
    /// first, and comparing every field with each framing name, was a seventh of a refused request's
    /// time (`perf`, 429 flood), and every response pays it.
    static func serialize(
        _ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion, keepAlive: Bool
    ) -> (bytes: [UInt8], bodyBytes: Int) {
        let code = response.status.code
        // RFC 9110 §8.6: no Content-Length on 1xx and 204; a 304 keeps only one the responder chose.
        let bodyForbidden = code < 200 || code == 204 || code == 304
        let sendsBody = !bodyForbidden && method != .HEAD

        var fieldBytes = 0
        for field in response.headers { fieldBytes += field.name.utf8.count + field.value.utf8.count + 4 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 + fieldBytes + (sendsBody ? response.body.count : 0))
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(code, to: &bytes)
        bytes.append(32)
        bytes.append(contentsOf: response.status.reason.utf8)
        bytes.append(contentsOf: crlf)

        var hasDate = false
        var hasContentType = false
        var responderLength: String?
        for field in response.headers {
            switch Self.role(of: field.name) {
            case .framing: continue
            case .contentLength:
                if responderLength == nil { responderLength = field.value }
                continue
            case .date: hasDate = true
            case .contentType: hasContentType = true
            case .other: break
            }
            appendField(field.name, field.value, to: &bytes)
        }
        if !hasDate { appendField("Date", HTTPDate.now(), to: &bytes) }
        if !bodyForbidden {
            if !response.body.isEmpty, !hasContentType { appendField("Content-Type", "text/plain; charset=utf-8", to: &bytes) }
            // A HEAD responder may skip building the body and state its length itself.
            let length =
                method == .HEAD && response.body.isEmpty ? (responderLength.flatMap { Int($0) } ?? 0) : response.body.count
            bytes.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(length, to: &bytes)
            bytes.append(contentsOf: crlf)
        } else if code == 304, let responderLength, Int(responderLength) != nil {
            appendField("Content-Length", responderLength, to: &bytes)
        }
        if !keepAlive {
            appendField("Connection", "close", to: &bytes)
        } else if version == .http1_0 {
            appendField("Connection", "keep-alive", to: &bytes)
        }
        bytes.append(contentsOf: crlf)

        if sendsBody {
            bytes.append(contentsOf: response.body)
            return (bytes, response.body.count)
        }
        return (bytes, 0)
    }

    private static let crlf: [UInt8] = [13, 10]

    /// What the serializer does with a responder's field of this name.
    private enum Role {
        /// Frames the connection: only the server decides it, so the responder's is dropped.
        case framing
        /// Dropped too, but a HEAD or 304 responder's value is the length it states.
        case contentLength
        case date, contentType, other
    }

    /// By length first, so most names are told apart without comparing a byte.
    private static func role(of name: String) -> Role {
        switch name.utf8.count {
        case 4: name.equalsIgnoringASCIICase("Date") ? .date : .other
        case 10: name.equalsIgnoringASCIICase("Connection") || name.equalsIgnoringASCIICase("Keep-Alive") ? .framing : .other
        case 12: name.equalsIgnoringASCIICase("Content-Type") ? .contentType : .other
        case 14: name.equalsIgnoringASCIICase("Content-Length") ? .contentLength : .other
        case 17: name.equalsIgnoringASCIICase("Transfer-Encoding") ? .framing : .other
        default: .other
        }
    }

    private static func appendField(_ name: String, _ value: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(58)
        bytes.append(32)
        bytes.append(contentsOf: value.utf8)
        bytes.append(contentsOf: crlf)
    }

    /// A non-negative count in decimal digits (a negative one, which no status or length is, as 0).
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        let value = max(0, value)
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// The short text answer the server itself gives to a request it refuses before routing.
    static func errorResponse(_ status: HTTPStatus, message: String) -> HTTPResponse {
        HTTPResponse.text("\(status.code) \(status.reason): \(message)\n", status: status)
    }

    static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
