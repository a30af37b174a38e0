import Foundation
import TestSupport
import Testing

@testable import HTTP

/// Replays the committed fuzz seeds (`Fuzz/corpus/<target>/`) through the invariants the libFuzzer
/// harnesses check, so `make test` exercises them without running a fuzzer.
@Suite struct FuzzRegressionTests {
    @Test func everyHTTPCorpusHasItsSeeds() throws {
        for target in ["http-parser", "url-encoded-form", "multipart-form"] {
            #expect(try FuzzSeeds.names(target).count >= 10, "Fuzz/corpus/\(target) is missing or nearly empty")
        }
    }

    @Test(arguments: FuzzSeeds.namesOrEmpty("http-parser"))
    func requestParserSeedKeepsEveryInvariant(seed: String) throws {
        #expect(HTTPParserInvariants.violations(in: try FuzzSeeds.bytes("http-parser", seed)) == [])
    }

    @Test(arguments: FuzzSeeds.namesOrEmpty("url-encoded-form"))
    func formSeedKeepsEveryInvariant(seed: String) throws {
        #expect(FormInvariants.violations(in: try FuzzSeeds.bytes("url-encoded-form", seed)) == [])
    }

    @Test(arguments: FuzzSeeds.namesOrEmpty("multipart-form"))
    func multipartSeedKeepsEveryInvariant(seed: String) throws {
        #expect(MultipartInvariants.violations(in: try FuzzSeeds.bytes("multipart-form", seed)) == [])
    }

    @Test func splittingAHeadAcrossReadsChangesNoVerdict() {
        let pipelined = Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok".utf8)
        var problems: [String] = []
        let outcomes = HTTPParserInvariants.FramingSimulation.run(pipelined, readSizes: [1], problems: &problems)
        #expect(problems == [])
        #expect(outcomes.map(\.description) == ["GET /a [1 fields, 0 B]", "POST /b [2 fields, 2 B]", "waiting with 0 B"])
    }

    @Test func bodyAboveTheRouteLimitIsRefusedBeforeItIsFramed() {
        let head = "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: \(HTTPParserInvariants.bodyLimit + 1)\r\n\r\n"
        var problems: [String] = []
        let outcomes = HTTPParserInvariants.FramingSimulation.run(Array(head.utf8), readSizes: [7], problems: &problems)
        #expect(outcomes == [.refused(code: 413)])
    }

    @Test func multipartWriterEscapesQuotesAndBackslashesInNames() throws {
        let part = MultipartForm.Part(name: "a\"b\\", filename: "", body: [1, 2])
        let encoded = MultipartInvariants.encoded([part], boundary: "b")
        let parsed = try MultipartForm(body: encoded, contentType: "multipart/form-data; boundary=b").parts
        #expect(parsed.map(\.name) == ["a\"b\\"])
        #expect(parsed.first?.filename == "" && parsed.first?.body == [1, 2])
    }
}
