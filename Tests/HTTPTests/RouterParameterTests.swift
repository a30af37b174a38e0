import Foundation
import HTTP
import Testing

/// The status of the `HTTPError` thrown by `body`, or `nil` when it did not throw.
func statusOf(_ body: () throws(HTTPError) -> Void) -> HTTPStatus? {
    do {
        try body()
        return nil
    } catch {
        return error.status
    }
}

@Suite struct RouterParameterTests {
    private let parameters = RouteParameters([
        (name: "id", value: "42"), (name: "uuid", value: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"),
        (name: "word", value: "'; DROP TABLE tenants; --"),
    ])

    @Test func requireReturnsPresentValues() throws {
        #expect(try parameters.require("id") == "42")
        #expect(try parameters.require("id", as: Int.self) == 42)
        #expect(try parameters.require("word") == "'; DROP TABLE tenants; --")
        #expect(try parameters.require("uuid", as: UUID.self) == UUID(uuidString: "e621e1f8-c36c-495a-93fc-0c247a3e6e5f"))
    }

    @Test func missingParameterIsABadRequestNamingIt() {
        #expect(parameters["nope"] == nil)
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("nope") } == .badRequest)
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("nope", as: UUID.self) } == .badRequest)
        do {
            _ = try parameters.require("nope", as: Int.self)
            Issue.record("expected a throw")
        } catch {
            #expect(error.status == .badRequest)
            #expect(error.message?.contains("nope") == true)
        }
    }

    @Test func unparsableParameterIsABadRequest() {
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("word", as: Int.self) } == .badRequest)
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("word", as: UUID.self) } == .badRequest)
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("id", as: UUID.self) } == .badRequest)
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("id", as: Int8.self) } == nil)
        #expect(statusOf { () throws(HTTPError) in _ = try parameters.require("uuid", as: Int.self) } == .badRequest)
    }

    @Test func outOfRangeNumbersAreBadRequests() {
        let big = RouteParameters([(name: "n", value: "300")])
        #expect(statusOf { () throws(HTTPError) in _ = try big.require("n", as: UInt8.self) } == .badRequest)
        #expect(statusOf { () throws(HTTPError) in _ = try big.require("n", as: Int.self) } == nil)
    }
}
