import HTTP
import TestSupport
import Testing

/// A raw request the server must refuse, and the status it must refuse it with.
struct RefusedRequest: Sendable, CustomStringConvertible {
    let description: String
    let bytes: String
    let status: Int
}

@Suite("HTTP server limits and malformed input")
struct ServerLimitTests {
    static let refused: [RefusedRequest] = [
        .init(
            description: "request line over 8 KiB",
            bytes: "GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: a\r\n\r\n", status: 414),
        .init(
            description: "unterminated request line over 8 KiB",
            bytes: "GET /\(String(repeating: "a", count: 9000))", status: 414),
        .init(
            description: "header block over 16 KiB",
            bytes: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 17000))\r\n\r\n", status: 431),
        .init(
            description: "more than 100 header fields",
            bytes: "GET / HTTP/1.1\r\nHost: a\r\n" + (0..<101).map { "X-F\($0): v\r\n" }.joined() + "\r\n",
            status: 431),
        .init(
            description: "body over the route limit",
            bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\nabc", status: 413),
        .init(
            description: "non-numeric Content-Length",
            bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 12abc\r\n\r\n", status: 400),
        .init(
            description: "negative Content-Length", bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
            status: 400),
        .init(
            description: "huge Content-Length",
            bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400),
        .init(
            description: "differing duplicate Content-Length",
            bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", status: 400),
        .init(
            description: "Content-Length with Transfer-Encoding",
            bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            status: 400),
        .init(
            description: "chunked request body (411 by choice)",
            bytes: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", status: 411),
        .init(description: "missing Host on HTTP/1.1", bytes: "GET / HTTP/1.1\r\n\r\n", status: 400),
        .init(description: "two Host fields", bytes: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        .init(description: "unknown method", bytes: "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", status: 501),
        .init(description: "HTTP/2.0 request line", bytes: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505),
        .init(description: "garbage version", bytes: "GET / HTPT/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(description: "request line with two spaces", bytes: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(description: "header line without colon", bytes: "GET / HTTP/1.1\r\nHost: a\r\nBroken\r\n\r\n", status: 400),
        .init(
            description: "whitespace before colon", bytes: "GET / HTTP/1.1\r\nHost: a\r\nX-A : b\r\n\r\n", status: 400),
        .init(description: "obs-fold", bytes: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n  c\r\n\r\n", status: 400),
        .init(description: "bare CR in a header", bytes: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n", status: 400),
        .init(description: "target not starting with /", bytes: "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
    ]

    @Test(arguments: refused)
    func refusedRequestGetsItsStatusAndTheServerKeepsServing(_ request: RefusedRequest) throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send(request.bytes)
            let response = try client.readResponse()
            #expect(response.status == request.status)
            #expect(response.headers["Connection"] == "close")
            #expect(client.waitForClose())
            #expect(try TestHTTPClient.request(port: server.port).status == 200)
        }
    }

    @Test func bareLineFeedsAreAcceptedAsLineEnds() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\nHost: a\nContent-Length: 2\n\nok")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "ok")
        }
    }

    @Test func sameContentLengthTwiceIsAccepted() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok")
            #expect(try client.readResponse().text == "ok")
        }
    }

    @Test func bodyLimitIsDecidedPerRoute() throws {
        try withServer({ $0.bodyLimit = { _, path in path == "/echo" ? 10 : 1 << 20 } }) { server in
            let small = try TestHTTPClient.request(port: server.port, method: "POST", path: "/echo", body: Array(repeating: 65, count: 11))
            #expect(small.status == 413)
            let other = try TestHTTPClient.request(port: server.port, method: "POST", path: "/other", body: Array(repeating: 65, count: 11))
            #expect(other.status == 200)
        }
    }

    @Test func overCapacityConnectionIsRefusedWith503() throws {
        try withServer({ $0.maxConnections = 2 }) { server in
            let first = try TestHTTPClient(port: server.port)
            let second = try TestHTTPClient(port: server.port)
            for client in [first, second] {
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try TestHTTPClient(port: server.port)
            #expect(try third.readResponse().status == 503)
            first.close()
            second.close()
        }
    }
}
