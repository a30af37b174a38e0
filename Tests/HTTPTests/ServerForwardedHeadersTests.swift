import HTTP
import TestSupport
import Testing

@Suite("HTTP server forwarded headers")
struct ServerForwardedHeadersTests {
    static let forwarded: [(String, String)] = [
        ("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.1.2.3"),
        ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-Host", "shop.example"),
        ("X-Request-Id", "abc-123"),
    ]

    @Test func forwardedHeadersFromATrustedProxyAreBelieved() throws {
        let proxies = ["127.0.0.1", "10.0.0.0/8"].compactMap(IPAddressRange.init)
        try withServer({ $0.trustedProxies = proxies }) { server in
            let response = try TestHTTPClient.request(port: server.port, host: "internal", headers: Self.forwarded)
            // 10.1.2.3 is one of our proxies; 6.6.6.6 may be forged by the client.
            #expect(response.headers["X-Client"] == "203.0.113.9")
            #expect(response.headers["X-Secure"] == "yes")
            #expect(response.headers["X-Host"] == "shop.example")
            #expect(response.headers["X-Id"] == "abc-123")
        }
    }

    @Test func forwardedHeadersFromAnUntrustedPeerAreIgnored() throws {
        let proxies = ["10.0.0.0/8", "::1"].compactMap(IPAddressRange.init)
        try withServer({ $0.trustedProxies = proxies }) { server in
            let response = try TestHTTPClient.request(port: server.port, host: "internal", headers: Self.forwarded)
            #expect(response.headers["X-Client"] == "127.0.0.1")
            #expect(response.headers["X-Secure"] == "no")
            #expect(response.headers["X-Host"] == "internal")
            let id = try #require(response.headers["X-Id"])
            #expect(id != "abc-123")
            #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
        }
    }

    @Test func generatedRequestIdsDiffer() throws {
        try withServer { server in
            let first = try TestHTTPClient.request(port: server.port).headers["X-Id"]
            let second = try TestHTTPClient.request(port: server.port).headers["X-Id"]
            #expect(first != nil && first != second)
        }
    }

    @Test func addressRangesMatchTheirMembersOnly() throws {
        let v4 = try #require(IPAddressRange("10.0.0.0/8"))
        #expect(v4.contains("10.255.1.2"))
        #expect(v4.contains("::ffff:10.1.1.1"))
        #expect(!v4.contains("11.0.0.1"))
        #expect(!v4.contains("not an address"))
        let single = try #require(IPAddressRange("127.0.0.1"))
        #expect(single.contains("127.0.0.1") && !single.contains("127.0.0.2"))
        let v6 = try #require(IPAddressRange("fd00::/8"))
        #expect(v6.contains("fd12:3456::1"))
        #expect(!v6.contains("fe80::1"))
        #expect(!v6.contains("10.0.0.1"))
        #expect(try #require(IPAddressRange("::1")).contains("::1"))
        #expect(try #require(IPAddressRange("192.168.1.77/20")).contains("192.168.0.1"))
        for invalid in ["", "10.0.0.0/33", "fd00::/129", "10.0.0/8", "abc", "10.0.0.0/", "1.2.3.4/-1"] {
            #expect(IPAddressRange(invalid) == nil, "\(invalid) should not parse")
        }
    }
}
