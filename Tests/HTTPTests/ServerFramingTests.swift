import Foundation
import HTTP
import TestSupport
import Testing

@Suite("HTTP server framing")
struct ServerFramingTests {
    @Test func keepAliveConnectionAnswersOneHundredRequests() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            for index in 0..<100 {
                try client.send("GET /n\(index) HTTP/1.1\r\nHost: example.test\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "hello /n\(index)")
                #expect(response.headers["Connection"] == nil)
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send(
                "GET /slow?ms=100 HTTP/1.1\r\nHost: a\r\n\r\nPOST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
            let first = try client.readResponse()
            let second = try client.readResponse()
            #expect(first.text == "slow done")
            #expect(second.text == "abc")
        }
    }

    /// Answers given on the event loop are written at once, between answers from the workers: in
    /// order, and thousands in one pipelined burst without the loop nesting a call per request.
    @Test func answersFromMemoryComeFromTheLoopInOrderWithTheWorkersAnswers() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            var burst = "GET /slow?ms=50 HTTP/1.1\r\nHost: a\r\n\r\n"
            for index in 0..<3000 { burst += "GET /memory/\(index) HTTP/1.1\r\nHost: a\r\n\r\n" }
            burst += "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            try client.send(burst)
            #expect(try client.readResponse().text == "slow done")
            for index in 0..<3000 {
                let response = try client.readResponse()
                #expect(response.text == "memory /memory/\(index)")
                if response.text != "memory /memory/\(index)" { return }
            }
            #expect(try client.readResponse().text == "abc")
        }
    }

    @Test func anAnswerFromMemoryNeedsNoFreeWorker() throws {
        try withServer({ $0.workers = 1 }) { server in
            let busy = try TestHTTPClient(port: server.port)
            try busy.send("GET /slow?ms=1500 HTTP/1.1\r\nHost: a\r\n\r\n")
            usleep(100_000)
            let client = try TestHTTPClient(port: server.port)
            let elapsed = try milliseconds {
                try client.send("GET /memory/now HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().text == "memory /memory/now")
            }
            #expect(elapsed < 1000, "waited \(elapsed) ms for the only worker")
            #expect(try busy.readResponse().text == "slow done")
        }
    }

    @Test func requestSentOneByteAtATimeIsAnswered() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            for byte in Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello".utf8) {
                try client.send([byte])
                usleep(500)
            }
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
        }
    }

    @Test func headGetsTheGetHeadersWithoutABody() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("HEAD /big?bytes=1234 HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == "1234")
            #expect(head.body.isEmpty)
            // Had the server sent body bytes after the HEAD answer, this response would not parse.
            try client.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "hello /after")
        }
    }

    @Test func responsesCarryDateContentTypeAndLength() throws {
        try withServer { server in
            let response = try TestHTTPClient.request(port: server.port, path: "/big?bytes=10")
            #expect(response.headers["Content-Length"] == "10")
            #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(response.headers["Connection"] == "close")
            let date = try #require(response.headers["Date"])
            #expect(date.count == 29 && date.hasSuffix(" GMT"))
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.headers["Connection"] == "close")
            #expect(client.waitForClose())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try withServer { server in
            let plain = try TestHTTPClient(port: server.port)
            try plain.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().status == 200)
            #expect(plain.waitForClose())

            let keepAlive = try TestHTTPClient(port: server.port)
            for _ in 0..<2 {
                try keepAlive.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let response = try keepAlive.readResponse()
                #expect(response.headers["Connection"] == "keep-alive")
            }
        }
    }

    @Test func expectContinueGetsAnInterimResponseBeforeTheBody() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send("data")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "data")
        }
    }

    @Test func expectContinueOverTheLimitIsRefusedWithoutReadingTheBody() throws {
        try withServer({ $0.bodyLimit = { _, _ in 100 } }) { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.headers["Connection"] == "close")
        }
    }

    @Test func accessLogHasOneLinePerRequest() throws {
        let log = LogLines()
        try withServer({ $0.accessLog = { log.append($0) } }) { server in
            let response = try TestHTTPClient.request(port: server.port, path: "/big?bytes=42", host: "shop.test")
            let fields = try #require(log.all.last).split(separator: " ").map(String.init)
            #expect(fields.count == 9)
            #expect(fields[1] == response.headers["X-Id"])
            #expect(Array(fields[2...]) == ["shop.test", "probe", "GET", "/big", "200", "42", fields[8]])
            #expect(fields[8].hasSuffix("us"))
        }
    }

    @Test func emptyLinesBeforeARequestAreIgnored() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "hello /x")
        }
    }

    @Test func emptyLineSplitBetweenCRAndLFIsStillIgnored() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("\r")
            usleep(50_000)
            try client.send("\nGET /y HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "hello /y")
        }
    }
}
