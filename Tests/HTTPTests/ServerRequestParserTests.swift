import Testing

@testable import HTTP

@Suite("HTTP request parser")
struct ServerRequestParserTests {
    static let limits = HTTPRequestParser.Limits(maxRequestLineBytes: 8192, maxHeaderBytes: 16384, maxHeaderCount: 100)

    private func parse(_ text: String) -> HTTPRequestParser.Result {
        var parser = HTTPRequestParser(limits: Self.limits)
        return parser.parse(Array(text.utf8), from: 0)
    }

    private func status(_ text: String) -> Int? {
        if case .failed(let error) = parse(text) { return error.status.code }
        return nil
    }

    @Test func headFedByteByByteParsesLikeTheWholeHead() throws {
        let text = "POST /a?b=c HTTP/1.1\r\nHost: shop.test\r\nContent-Length: 3\r\nX-Two: 1\r\n\r\nabc"
        var parser = HTTPRequestParser(limits: Self.limits)
        var buffer: [UInt8] = []
        var parsed: (HTTPRequestHead, Int)?
        for byte in text.utf8 {
            buffer.append(byte)
            switch parser.parse(buffer, from: 0) {
            case .incomplete: continue
            case .complete(let head, let consumed): parsed = (head, consumed)
            case .failed(let error): Issue.record("unexpected \(error)")
            }
            break
        }
        let (head, consumed) = try #require(parsed)
        #expect(consumed == text.utf8.count - 3)
        #expect(head.method == .POST && head.target == "/a?b=c" && head.path == "/a")
        #expect(head.headers["host"] == "shop.test" && head.contentLength == 3 && head.keepAlive)
    }

    @Test func requestLineLimitIsExact() {
        let fits = "GET /" + String(repeating: "a", count: 8192 - 14) + " HTTP/1.1"
        #expect(fits.utf8.count == 8192)
        #expect(status(fits + "\r\nHost: a\r\n\r\n") == nil)
        #expect(status("GET /a" + String(repeating: "a", count: 8192 - 14) + " HTTP/1.1\r\nHost: a\r\n\r\n") == 414)
    }

    @Test func absoluteFormTargetIsReducedToItsPath() throws {
        guard case .complete(let head, _) = parse("GET http://shop.test/x?y=1 HTTP/1.1\r\nHost: shop.test\r\n\r\n") else {
            Issue.record("absolute-form was refused")
            return
        }
        #expect(head.target == "/x?y=1")
    }

    @Test func leadingEmptyLinesAreSkipped() {
        let bytes = Array("\r\n\nGET / HTTP/1.1\r\n".utf8)
        #expect(HTTPRequestParser.leadingEmptyLineLength(in: bytes, from: 0) == 3)
    }

    @Test func headerValuesAreTrimmedAndConnectionOptionsRead() throws {
        guard case .complete(let head, _) = parse("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t padded \t\r\nConnection: Keep-Alive, Close\r\n\r\n")
        else {
            Issue.record("head was refused")
            return
        }
        #expect(head.headers["X-A"] == "padded")
        #expect(!head.keepAlive)
    }

    @Test func unsupportedExpectationGets417() {
        #expect(status("POST / HTTP/1.1\r\nHost: a\r\nExpect: tea\r\nContent-Length: 1\r\n\r\n") == 417)
    }

    @Test func nonChunkedTransferEncodingGets501() {
        #expect(status("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n") == 501)
    }

    @Test func controlCharactersInTargetAreRefused() {
        #expect(status("GET /a\u{01}b HTTP/1.1\r\nHost: a\r\n\r\n") == 400)
    }

    @Test func serializerAddsFramingHeadersAndDropsTheResponders() {
        var response = HTTPResponse(body: Array("hi".utf8))
        response.headers.add("Content-Length", "999")
        response.headers.add("Connection", "upgrade")
        let (bytes, bodyBytes) = HTTPResponseSerializer.serialize(
            response, method: .GET, version: .http1_1, keepAlive: true)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bodyBytes == 2)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.contains("\r\nContent-Length: 2\r\n") && !text.contains("999") && !text.contains("upgrade"))
        #expect(text.hasSuffix("\r\n\r\nhi"))
    }

    @Test func theServerAloneFramesTheResponseAndKeepsWhatTheResponderDecided() {
        func wire(_ response: HTTPResponse, _ method: HTTPMethod = .GET, _ version: HTTPVersion = .http1_1, keepAlive: Bool = true)
            -> String
        {
            let bytes = HTTPResponseSerializer.serialize(response, method: method, version: version, keepAlive: keepAlive).bytes
            return String(decoding: bytes, as: UTF8.self)
        }
        var large = HTTPResponse(body: [UInt8](repeating: 65, count: 10_240))
        large.headers.add("transfer-encoding", "chunked")
        large.headers.add("KEEP-ALIVE", "timeout=5")
        large.headers.add("Date", "Sun, 06 Nov 1994 08:49:37 GMT")
        large.headers.add("Content-Type", "text/css")
        let text = wire(large, keepAlive: false)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: text/css\r\n"))
        #expect(text.contains("\r\nContent-Length: 10240\r\nConnection: close\r\n\r\nAAAA"))
        #expect(!text.contains("chunked") && !text.contains("timeout=5") && !text.contains("text/plain"))
        #expect(text.components(separatedBy: "Date:").count == 2)

        var head = HTTPResponse()
        head.headers.add("Content-Length", "1234")
        #expect(wire(head, .HEAD).hasSuffix("Content-Length: 1234\r\n\r\n"))
        #expect(wire(HTTPResponse(), .GET, .http1_0).hasSuffix("Content-Length: 0\r\nConnection: keep-alive\r\n\r\n"))
        var notModified = HTTPResponse(status: .notModified)
        notModified.headers.add("Content-Length", "77")
        #expect(wire(notModified).hasPrefix("HTTP/1.1 304 Not Modified\r\n") && wire(notModified).hasSuffix("Content-Length: 77\r\n\r\n"))
    }

    @Test func noContentResponseHasNoLengthOrBody() {
        let (bytes, _) = HTTPResponseSerializer.serialize(
            HTTPResponse(status: .noContent), method: .GET, version: .http1_1, keepAlive: true)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("Content-Length") && text.hasSuffix("\r\n\r\n"))
    }

    @Test func imfFixdateIsFormattedPerRFC9110() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
