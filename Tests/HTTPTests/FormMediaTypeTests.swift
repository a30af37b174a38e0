import HTTP
import Testing

@Suite struct FormMediaTypeTests {
    @Test func typeSubtypeAndParametersAreParsed() throws {
        let type = try #require(MediaType(parsing: "Multipart/Form-Data ; Boundary=\"a \\\"quoted\\\" b\"; charset=utf-8"))
        #expect(type.essence == "multipart/form-data")
        #expect(type.matches("MULTIPART/form-data"))
        #expect(type.parameter("boundary") == "a \"quoted\" b")
        #expect(type.parameter("CHARSET") == "utf-8")
    }

    @Test func malformedParametersAreSkippedButTheTypeIsKept() throws {
        let type = try #require(MediaType(parsing: "text/plain; =x; broken; charset=\"unterminated; q=1"))
        #expect(type.essence == "text/plain")
        #expect(type.parameter("charset") == nil)
    }

    @Test(arguments: ["", "text", "/plain", "text/", "te xt/plain", "text/pl ain", "\"text\"/plain"])
    func malformedTypesAreRejected(value: String) {
        #expect(MediaType(parsing: value) == nil)
    }
}
