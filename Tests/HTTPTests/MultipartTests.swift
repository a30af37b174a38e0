import HTTP
import Testing

@Suite struct MultipartTests {
    private static let boundary = "----GerbangBoundary7MA4YWxkTrZu0gW"
    private static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// Builds a body the way browsers do, with CRLF line ends.
    private static func body(_ parts: [(headers: [String], body: String)], boundary: String = boundary) -> [UInt8] {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\n" + part.headers.map { $0 + "\r\n" }.joined() + "\r\n" + part.body + "\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Array(text.utf8)
    }

    private static func status(_ body: [UInt8], contentType: String = contentType, limits: MultipartLimits = .default)
        -> HTTPStatus?
    {
        statusOf { () throws(HTTPError) in _ = try MultipartForm(body: body, contentType: contentType, limits: limits) }
    }

    @Test func anEncodedFormParsesBackToTheSamePartsWhateverTheyHold() throws {
        let awkward = "line one\r\n--gerbang-0123\r\nline three -- ✓"
        let form = MultipartForm(parts: [
            MultipartForm.Part(name: "target", body: Array("6281234567890".utf8)),
            MultipartForm.Part(name: "message", body: Array(awkward.utf8)),
            MultipartForm.Part(name: "empty", body: []),
            MultipartForm.Part(name: "logo", filename: "a.png", contentType: "image/png", body: [0, 1, 2, 13, 10, 45, 45]),
        ])
        let (body, contentType) = form.encoded()
        #expect(contentType.hasPrefix("multipart/form-data; boundary=gerbang-"))
        let parsed = try MultipartForm(body: body, contentType: contentType)
        #expect(parsed.parts.map(\.name) == ["target", "message", "empty", "logo"])
        #expect(parsed["target"] == "6281234567890")
        #expect(parsed["message"] == awkward)
        #expect(parsed["empty"] == "")
        #expect(parsed.files.first?.filename == "a.png")
        #expect(parsed.files.first?.contentType == "image/png")
        #expect(parsed.files.first?.body == [0, 1, 2, 13, 10, 45, 45])
        #expect(form.encoded().contentType != contentType, "each body draws its own boundary")
    }

    @Test func anEncodedNameCannotBreakOutOfItsHeader() throws {
        let (body, contentType) = MultipartForm(parts: [
            MultipartForm.Part(name: "a\"\r\nContent-Type: text/evil", body: Array("x".utf8))
        ]).encoded()
        let parsed = try MultipartForm(body: body, contentType: contentType)
        #expect(parsed.parts.count == 1)
        #expect(parsed.parts.first?.name == "a%22%0D%0AContent-Type: text/evil")
        #expect(parsed.parts.first?.contentType == nil)
    }

    @Test func textFieldsAndFilesAreParsedInOrder() throws {
        let body = Self.body([
            (["Content-Disposition: form-data; name=\"display_name\""], "Net Bogor ✓"),
            (
                ["Content-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"", "Content-Type: image/png"],
                "\u{01}PNG\r\n--not-the-boundary\r\n"
            ),
            (["content-disposition: FORM-DATA; name=tag"], "a"),
            (["Content-Disposition: form-data; name=\"tag\""], "'; DROP TABLE tenant_branding; --"),
        ])
        let form = try MultipartForm(body: body, contentType: Self.contentType, limits: .default)
        #expect(form.parts.map(\.name) == ["display_name", "logo", "tag", "tag"])
        #expect(form["display_name"] == "Net Bogor ✓")
        #expect(form.values("tag") == ["a", "'; DROP TABLE tenant_branding; --"])
        #expect(form["logo"] == nil)
        let logo = try #require(form.part(named: "logo"))
        #expect(logo.filename == "logo.png")
        #expect(logo.contentType == "image/png")
        #expect(logo.body == Array("\u{01}PNG\r\n--not-the-boundary\r\n".utf8))
        #expect(form.files.count == 1)
    }

    @Test func preambleEpilogueQuotedBoundaryAndEmptyFileInputAreAccepted() throws {
        let text =
            "ignored preamble\r\n--b'(x)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\r\n--b'(x)--\r\nepilogue"
        let form = try MultipartForm(body: Array(text.utf8), contentType: "multipart/form-data; boundary=\"b'(x)\"")
        #expect(form.parts.count == 1)
        #expect(form.parts[0].filename == "")
        #expect(form.parts[0].body.isEmpty)
    }

    @Test func boundaryTextAndHeadersInsideDataStayData() throws {
        let trick = "x--B--\r\nContent-Disposition: form-data; name=\"admin\"\r\n\r\ntrue\n--B\r\r\n-B--"
        let text = "--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\(trick)\r\n--B--\r\n"
        let form = try MultipartForm(body: Array(text.utf8), contentType: "multipart/form-data; boundary=B")
        #expect(form.parts.map(\.name) == ["note"])
        #expect(form["note"] == trick)
        #expect(form["admin"] == nil)
    }

    @Test func aBodyWithOnlyTheClosingDelimiterHasNoParts() throws {
        #expect(try MultipartForm(body: Array("--x--\r\n".utf8), contentType: "multipart/form-data; boundary=x").parts.isEmpty)
    }

    @Test(arguments: [
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=\(String(repeating: "a", count: 71))",
        "multipart/form-data; boundary=\"a\\\r\nb\"", "multipart/form-data; boundary=\"bad\u{7F}\"",
    ])
    func missingOrInvalidBoundaryIsABadRequest(contentType: String) {
        #expect(
            Self.status(Self.body([(["Content-Disposition: form-data; name=a"], "1")]), contentType: contentType)
                == .badRequest)
    }

    @Test func otherContentTypesAreUnsupported() throws {
        let body = Self.body([(["Content-Disposition: form-data; name=a"], "1")])
        #expect(Self.status(body, contentType: "multipart/mixed; boundary=\(Self.boundary)") == .unsupportedMediaType)
        let request = HTTPRequest(method: .POST, target: "/admin/branding", body: body)
        #expect(statusOf { () throws(HTTPError) in _ = try request.multipartForm() } == .unsupportedMediaType)
        var headers = HTTPHeaders()
        headers.add("Content-Type", Self.contentType)
        let good = HTTPRequest(method: .POST, target: "/admin/branding", headers: headers, body: body)
        #expect(try good.multipartForm()["a"] == "1")
    }

    @Test(arguments: [
        "no delimiter at all",
        "--B\r\nContent-Disposition: form-data; name=a\r\n\r\nvalue never closed",
        "--B\r\nContent-Disposition: form-data; name=a\r\n\r\nvalue\r\n--B",
        "--B\r\nContent-Disposition: form-data; name=a\r\nheaders never end",
        "--B\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--BX\r\n\r\n--B--",
        "--B junk\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--B--",
        "--B\nContent-Disposition: form-data; name=a\n\nv\n--B--",
        "--B\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--B--",
        "--B\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--B--",
        "--B\r\nContent-Disposition: form-data; filename=x\r\n\r\nno name\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=a\r\n folded: header\r\n\r\nv\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n\r\nv\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=\"a\rInjected: 1\"\r\n\r\nv\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=a\r\n\r\nnul\u{0}inside\r\n--B--",
    ])
    func malformedBodiesAreBadRequests(text: String) {
        #expect(Self.status(Array(text.utf8), contentType: "multipart/form-data; boundary=B") == .badRequest)
    }

    @Test func invalidUTF8InATextFieldIsABadRequestButAFileMayHoldAnyBytes() throws {
        let head = Array("--B\r\nContent-Disposition: form-data; name=a".utf8)
        let tail = Array("\r\n--B--\r\n".utf8)
        let field = head + Array("\r\n\r\n".utf8) + [0xFF, 0xFE] + tail
        #expect(Self.status(field, contentType: "multipart/form-data; boundary=B") == .badRequest)
        let file = head + Array("; filename=x.bin\r\n\r\n".utf8) + [0xFF, 0x00, 0xFE] + tail
        let form = try MultipartForm(body: file, contentType: "multipart/form-data; boundary=B")
        #expect(form.parts[0].body == [0xFF, 0x00, 0xFE])
        let badHeader = Array("--B\r\nContent-Disposition: form-data; name=\"".utf8) + [0xC3, 0x28] + Array("\"\r\n\r\nv".utf8) + tail
        #expect(Self.status(badHeader, contentType: "multipart/form-data; boundary=B") == .badRequest)
    }

    @Test func limitsOnPartsSizesAndHeadersGive413() {
        let limits = MultipartLimits(maxParts: 3, maxPartBytes: 16, maxTotalBytes: 4096, maxHeaderBytes: 200)
        let field = (headers: ["Content-Disposition: form-data; name=a"], body: "x")
        #expect(Self.status(Self.body(Array(repeating: field, count: 3)), limits: limits) == nil)
        #expect(Self.status(Self.body(Array(repeating: field, count: 4)), limits: limits) == .contentTooLarge)
        let big = (headers: field.headers, body: String(repeating: "y", count: 17))
        #expect(Self.status(Self.body([big]), limits: limits) == .contentTooLarge)
        let longHeader = (headers: field.headers + ["X-Padding: " + String(repeating: "p", count: 300)], body: "x")
        #expect(Self.status(Self.body([longHeader]), limits: limits) == .contentTooLarge)
        let huge = [UInt8](repeating: UInt8(ascii: "-"), count: 4097)
        #expect(Self.status(huge, limits: limits) == .contentTooLarge)
    }

    @Test func hostileRepetitionStaysFast() {
        // Many near-delimiters: each a CR LF and most of the boundary. A quadratic parser would take minutes.
        let near = "\r\n--" + String(Self.boundary.dropLast())
        let payload = String(repeating: near, count: 40_000)
        let body = Self.body([(["Content-Disposition: form-data; name=\"f\"; filename=\"x\""], payload)])
        let limits = MultipartLimits(maxPartBytes: 4 * 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024)
        let start = ContinuousClock.now
        #expect(Self.status(body, limits: limits) == nil)
        let headerFlood = Array("--B\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "h"), count: 1_000_000)
        #expect(Self.status(headerFlood, contentType: "multipart/form-data; boundary=B", limits: limits) == .contentTooLarge)
        let partFlood = Array(String(repeating: "--B\r\nContent-Disposition: form-data; name=a\r\n\r\n\r\n", count: 20_000).utf8)
        #expect(Self.status(partFlood, contentType: "multipart/form-data; boundary=B", limits: limits) == .contentTooLarge)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

@Suite struct MultipartFuzzTests {
    /// SplitMix64: deterministic, so a failure reproduces with the same inputs every run.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomlyMutatedBodiesNeverCrashAndFailOnlyWithClientErrors() {
        let valid = Array(
            ("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n"
                + "\u{1}\u{2}\r\n--B--\r\n").utf8)
        let alphabet = Array("-B\r\n\"=;: %a\u{0}".utf8) + [0xFF, 0xC3]
        var generator = SeededGenerator(state: 7)
        var accepted = 0
        for _ in 0..<3_000 {
            var body = valid
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let index = Int.random(in: 0..<body.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: body[index] = alphabet.randomElement(using: &generator)!
                case 1: body.remove(at: index)
                default: body.insert(alphabet.randomElement(using: &generator)!, at: index)
                }
                if body.isEmpty { body = [0] }
            }
            let status = statusOf { () throws(HTTPError) in
                _ = try MultipartForm(body: body, contentType: "multipart/form-data; boundary=B")
            }
            if let status {
                #expect(status == .badRequest || status == .contentTooLarge)
            } else {
                accepted += 1
            }
        }
        // Some mutations only touch field data; if none parsed, the parser is refusing everything.
        #expect(accepted > 0)
    }

    @Test func randomBytesNeverCrashTheOtherParsers() {
        var generator = SeededGenerator(state: 11)
        let alphabet = Array("/%2e.&=+;\"\\ aZ\u{0}\r\n".utf8) + [0xFF, 0xC3, 0x80]
        var router = Router<Int, Void>()
        router.get("/a/{x}/b", handler: { _, _, _ in HTTPResponse() })
        router.get("/assets/{path...}", handler: { _, _, _ in HTTPResponse() })
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            _ = try? URLEncodedForm(body: bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Cookie.parse([text])
            _ = MediaType(parsing: text)
            _ = try? router.match(method: .GET, path: "/" + text)
        }
    }
}
