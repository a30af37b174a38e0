/// Turns a responder's `HTTPResponse` into wire bytes, adding the framing headers the server owns.
enum HTTPResponseSerializer {
    /// Headers whose values only the server may decide, because they frame the connection.
    private static let framingHeaders = ["Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive"]

    /// - Parameters:
    ///   - method: the request's method; `HEAD` gets the headers of the full response but no body.
    ///   - keepAlive: false adds `Connection: close`; true on an HTTP/1.0 request adds `Connection: keep-alive`.
    /// - Returns: the bytes and the number of body bytes among them (for the access log).
    static func serialize(
        _ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion, keepAlive: Bool
    ) -> (bytes: [UInt8], bodyBytes: Int) {
        let code = response.status.code
        // RFC 9110 §8.6: no Content-Length on 1xx and 204; a 304 keeps only one the responder chose.
        let bodyForbidden = code < 200 || code == 204 || code == 304
        let sendsBody = !bodyForbidden && method != .HEAD
        let responderLength = response.headers["Content-Length"]

        var head = "HTTP/1.1 \(code) \(response.status.reason)\r\n"
        for field in response.headers where !framingHeaders.contains(where: field.name.equalsIgnoringASCIICase) {
            head += "\(field.name): \(field.value)\r\n"
        }
        if !response.headers.contains("Date") {
            head += "Date: \(HTTPDate.now())\r\n"
        }
        if !bodyForbidden {
            if !response.body.isEmpty, !response.headers.contains("Content-Type") {
                head += "Content-Type: text/plain; charset=utf-8\r\n"
            }
            // A HEAD responder may skip building the body and state its length itself.
            let length =
                method == .HEAD && response.body.isEmpty ? (responderLength.flatMap { Int($0) } ?? 0) : response.body.count
            head += "Content-Length: \(length)\r\n"
        } else if code == 304, let responderLength, Int(responderLength) != nil {
            head += "Content-Length: \(responderLength)\r\n"
        }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if version == .http1_0 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"

        var bytes = Array(head.utf8)
        if sendsBody {
            bytes.append(contentsOf: response.body)
            return (bytes, response.body.count)
        }
        return (bytes, 0)
    }

    /// The short text answer the server itself gives to a request it refuses before routing.
    static func errorResponse(_ status: HTTPStatus, message: String) -> HTTPResponse {
        HTTPResponse.text("\(status.code) \(status.reason): \(message)\n", status: status)
    }

    static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
