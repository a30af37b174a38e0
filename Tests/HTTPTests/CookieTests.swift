import Foundation
import HTTP
import Testing

@Suite struct CookieTests {
    private static func request(cookieHeaders: [String]) -> HTTPRequest {
        HTTPRequest(method: .GET, target: "/", headers: HTTPHeaders(cookieHeaders.map { ("Cookie", $0) }))
    }

    @Test func cookiesAreParsedAndTheFirstValueWins() {
        let request = Self.request(cookieHeaders: ["sid=abc123; lang=id;theme=\"dark\"; sid=second", "sid=third; extra=1"])
        #expect(request.cookies == ["sid": "abc123", "lang": "id", "theme": "dark", "extra": "1"])
        #expect(request.cookie("lang") == "id")
        #expect(request.cookie("missing") == nil)
        #expect(Self.request(cookieHeaders: []).cookies.isEmpty)
    }

    @Test func junkPairsAreSkippedNotFatal() {
        let header = "; ;noequals; =novalue; bad name=1; ok=1; ctl=a\u{7F}b; tab\t=2; a=b=c;  spaced  =  v  ;"
        let cookies = Self.request(cookieHeaders: [header]).cookies
        #expect(cookies == ["ok": "1", "a": "b=c", "spaced": "v", "tab": "2"])
    }

    @Test func sqlInACookieValueStaysData() {
        let cookies = Self.request(cookieHeaders: ["sid='%3B DROP TABLE sessions--"]).cookies
        #expect(cookies["sid"] == "'%3B DROP TABLE sessions--")
    }

    @Test func setCookieHasSafeDefaultsAndNoDomain() throws {
        let cookie = try SetCookie(name: "sid", value: "tok_ABC-123.x~", maxAge: 3600)
        #expect(cookie.headerValue == "sid=tok_ABC-123.x~; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax")
        let secure = try SetCookie(name: "__Host-sid", value: "v", secure: true, sameSite: .strict)
        #expect(secure.headerValue == "__Host-sid=v; Path=/; Secure; HttpOnly; SameSite=Strict")
        #expect(!secure.headerValue.lowercased().contains("domain"))
    }

    @Test func expiresIsAnIMFFixdateInGMT() throws {
        let date = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example)
        let cookie = try SetCookie(name: "a", value: "b", expires: date, httpOnly: false)
        #expect(cookie.headerValue == "a=b; Path=/; Expires=Sun, 06 Nov 1994 08:49:37 GMT; SameSite=Lax")
        let leap = try SetCookie(name: "a", value: "b", expires: Date(timeIntervalSince1970: 951_782_400))
        #expect(leap.headerValue.contains("Expires=Tue, 29 Feb 2000 00:00:00 GMT"))
    }

    @Test func expiredCookieDeletes() throws {
        let cookie = try SetCookie.expired(name: "sid", secure: true)
        #expect(
            cookie.headerValue
                == "sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax")
    }

    @Test(arguments: [
        "a; Domain=evil.example", "a b", "a\r\nSet-Cookie: admin=1", "a,b", "\"quoted\"", "a\\b", "a\u{0}",
        "caf\u{E9}", "x; HttpOnly=false",
    ])
    func valuesThatCouldInjectAttributesAreRefused(value: String) {
        #expect(throws: SetCookieError.invalidValue) { try SetCookie(name: "sid", value: value) }
    }

    @Test(arguments: ["", "a b", "a=b", "a;b", "sid\r\n", "(x)", "a\u{0}"])
    func invalidNamesAreRefused(name: String) {
        #expect(throws: SetCookieError.invalidName) { try SetCookie(name: name, value: "v") }
    }

    @Test func attributeRulesAreEnforced() {
        #expect(throws: SetCookieError.invalidPath) { try SetCookie(name: "a", value: "b", path: "/x; Domain=evil") }
        #expect(throws: SetCookieError.invalidPath) { try SetCookie(name: "a", value: "b", path: "relative") }
        #expect(throws: SetCookieError.invalidPath) { try SetCookie(name: "a", value: "b", path: "/\r\nX: y") }
        #expect(throws: SetCookieError.sameSiteNoneRequiresSecure) {
            try SetCookie(name: "a", value: "b", sameSite: .none)
        }
        #expect(throws: SetCookieError.prefixRequirementsNotMet) { try SetCookie(name: "__Secure-a", value: "b") }
        #expect(throws: SetCookieError.prefixRequirementsNotMet) {
            try SetCookie(name: "__Host-a", value: "b", path: "/portal", secure: true)
        }
    }

    @Test func responsesCarryOneHeaderPerCookie() throws {
        var response = HTTPResponse.text("ok")
        response.setCookie(try SetCookie(name: "sid", value: "1"))
        response.setCookie(try SetCookie(name: "csrf", value: "2", httpOnly: false))
        #expect(
            response.headers.values("Set-Cookie") == [
                "sid=1; Path=/; HttpOnly; SameSite=Lax", "csrf=2; Path=/; SameSite=Lax",
            ])
    }
}
