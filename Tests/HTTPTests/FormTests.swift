import HTTP
import Testing

@Suite struct FormTests {
    private static func formRequest(_ body: String, contentType: String? = "application/x-www-form-urlencoded")
        -> HTTPRequest
    {
        var headers = HTTPHeaders()
        if let contentType { headers.add("Content-Type", contentType) }
        return HTTPRequest(method: .POST, target: "/orders", headers: headers, body: Array(body.utf8))
    }

    @Test func fieldsKeepTheirOrderAndRepeats() throws {
        let form = try URLEncodedForm(body: Array("b=2&a=1&b=3&empty=&flag".utf8))
        #expect(form.fields.map(\.name) == ["b", "a", "b", "empty", "flag"])
        #expect(form["b"] == "2")
        #expect(form.values("b") == ["2", "3"])
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form["missing"] == nil)
    }

    @Test func plusIsASpaceAndEscapesAreDecoded() throws {
        let form = try URLEncodedForm(body: Array("name=Budi+Santoso&note=a%2Bb%3Dc%26d&city=Bogor%20%E2%9C%93".utf8))
        #expect(form["name"] == "Budi Santoso")
        #expect(form["note"] == "a+b=c&d")
        #expect(form["city"] == "Bogor ✓")
    }

    @Test func sqlInAValueStaysData() throws {
        let form = try URLEncodedForm(body: Array("buyer=%27%3B+DROP+TABLE+voucher_orders%3B--&x='; DROP".utf8))
        #expect(form["buyer"] == "'; DROP TABLE voucher_orders;--")
        #expect(form["x"] == "'; DROP")
    }

    @Test(arguments: ["a=%zz", "a=%4", "a=%", "a=b%", "%G1=x", "a=%C3%28", "a=%FF", "a=%ED%A0%80", "a=%00", "a%00=b"])
    func malformedEscapesAreBadRequests(body: String) {
        #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: Array(body.utf8)) } == .badRequest)
    }

    @Test func rawInvalidUTF8AndNULAreBadRequests() {
        for body: [UInt8] in [[0x61, 0x3D, 0xFF], [0x61, 0x3D, 0xC3], [0x61, 0x3D, 0x00], [0xC0, 0xAF, 0x3D, 0x61]] {
            #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: body) } == .badRequest)
        }
    }

    @Test func tenThousandFieldsAreTooLarge() {
        let body = Array((0..<10_000).map { "f\($0)=1" }.joined(separator: "&").utf8)
        #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: body) } == .contentTooLarge)
    }

    @Test func limitsOnValueLengthAndTotalSizeGive413() throws {
        let limits = FormLimits(maxFields: 5, maxValueBytes: 10, maxTotalBytes: 64)
        #expect(try URLEncodedForm(body: Array("a=0123456789".utf8), limits: limits)["a"] == "0123456789")
        // Limits count decoded bytes: three escapes decode to three bytes.
        #expect(try URLEncodedForm(body: Array("a=%41%42%43".utf8), limits: limits)["a"] == "ABC")
        let tooLong = Array("a=01234567890".utf8)
        #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: tooLong, limits: limits) } == .contentTooLarge)
        let longName = Array("abcdefghijk=1".utf8)
        #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: longName, limits: limits) } == .contentTooLarge)
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 65)
        #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: huge, limits: limits) } == .contentTooLarge)
        let six = Array("a&b&c&d&e&f".utf8)
        #expect(statusOf { () throws(HTTPError) in _ = try URLEncodedForm(body: six, limits: limits) } == .contentTooLarge)
    }

    @Test func defaultLimitsAreTheDocumentedOnes() {
        #expect(FormLimits.default == FormLimits(maxFields: 200, maxValueBytes: 65_536, maxTotalBytes: 1_048_576))
    }

    @Test func emptyPairsAreSkipped() throws {
        let form = try URLEncodedForm(body: Array("&&a=1&&".utf8))
        #expect(form.fields.count == 1)
        #expect(try URLEncodedForm(body: []).isEmpty)
    }

    @Test func requestFormNeedsTheFormContentType() throws {
        #expect(try Self.formRequest("a=1").formFields()["a"] == "1")
        #expect(try Self.formRequest("a=1", contentType: "Application/X-WWW-Form-URLEncoded; charset=UTF-8").formFields()["a"] == "1")
        for contentType: String? in [
            nil, "text/plain", "multipart/form-data; boundary=x", "application/json",
            "application/x-www-form-urlencoded; charset=iso-8859-1", "application/x-www-form-urlencodedx",
        ] {
            let request = Self.formRequest("a=1", contentType: contentType)
            #expect(statusOf { () throws(HTTPError) in _ = try request.formFields() } == .unsupportedMediaType)
        }
        let hostile = Self.formRequest("a=%ZZ")
        #expect(statusOf { () throws(HTTPError) in _ = try hostile.formFields() } == .badRequest)
    }

    @Test func queryItemsComeFromTheTarget() throws {
        let request = HTTPRequest(method: .GET, target: "/orders/EV1?t=abc%2Bdef&lang=id&t=second")
        #expect(try request.queryItems["t"] == "abc+def")
        #expect(try request.queryItems["lang"] == "id")
        #expect(try HTTPRequest(method: .GET, target: "/").queryItems.isEmpty)
        let bad = HTTPRequest(method: .GET, target: "/x?q=%E2%82")
        #expect(throws: HTTPError.self) { try bad.queryItems }
    }

    @Test func percentDecodingTreatsPlusByMode() throws {
        #expect(try PercentDecoding.decode(Array("a+b%20c".utf8), mode: .pathSegment) == "a+b c")
        #expect(try PercentDecoding.decode(Array("a+b%20c".utf8), mode: .formComponent) == "a b c")
        #expect(PercentDecoding.decodePathSegment("%2e%2E") == "..")
        #expect(PercentDecoding.decodePathSegment("%%32%65") == nil)
        #expect(throws: PercentDecodingError.containsNUL) { try PercentDecoding.decode(Array("%00".utf8), mode: .pathSegment) }
        #expect(throws: PercentDecodingError.invalidUTF8) { try PercentDecoding.decode(Array("%C0%AF".utf8), mode: .pathSegment) }
        #expect(throws: PercentDecodingError.badEscape) { try PercentDecoding.decode(Array("%x1".utf8), mode: .formComponent) }
    }
}
