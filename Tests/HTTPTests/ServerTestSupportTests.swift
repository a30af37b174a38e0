import HTTP
import Testing
import TestSupport

@Suite("Test support")
struct ServerTestSupportTests {
    @Test func missingEnvironmentVariableFailsWithItsName() {
        #expect {
            _ = try TestEnvironment.require("GERBANG_SURELY_UNSET_\(UInt32.random(in: 0...UInt32.max))")
        } throws: { error in
            "\(error)".contains("GERBANG_SURELY_UNSET_") && "\(error)".contains("make test")
        }
    }

    @Test func presentEnvironmentVariableIsReturned() throws {
        #expect(try TestEnvironment.require("PATH").contains("/"))
    }

    @Test func stalledBodyGets408() throws {
        try withServer({ $0.headerTimeout = .milliseconds(300) }) { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
        }
    }

    @Test func emptyLinesBeforeARequestAreIgnored() throws {
        try withServer { server in
            let client = try TestHTTPClient(port: server.port)
            try client.send("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "hello /x")
        }
    }
}
