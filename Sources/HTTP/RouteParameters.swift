import Foundation

/// The values a route pattern captured, already percent-decoded.
///
/// The `require` helpers turn a missing or unparsable value into a 400 by themselves, so handlers
/// can read `try parameters.require("id", as: UUID.self)` and never see a half-valid id.
public struct RouteParameters: Sendable, Equatable {
    private var entries: [Entry]

    private struct Entry: Sendable, Equatable {
        let name: String
        let value: String
    }

    public init() {
        entries = []
    }

    public init(_ pairs: [(name: String, value: String)]) {
        entries = pairs.map { Entry(name: $0.name, value: $0.value) }
    }

    mutating func append(name: String, value: String) {
        entries.append(Entry(name: name, value: value))
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var names: [String] { entries.map(\.name) }

    /// The captured value, or `nil` when the pattern has no capture of that name.
    public subscript(name: String) -> String? {
        entries.first { $0.name == name }?.value
    }

    public func require(_ name: String) throws(HTTPError) -> String {
        guard let value = self[name] else { throw HTTPError(.badRequest, "missing parameter \(name)") }
        return value
    }

    public func require<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws(HTTPError) -> T {
        guard let value = T(try require(name)) else { throw HTTPError(.badRequest, "invalid parameter \(name)") }
        return value
    }

    /// UUIDs are not `LosslessStringConvertible`, and ids in Gerbang's URLs mostly are UUIDs.
    public func require(_ name: String, as type: UUID.Type) throws(HTTPError) -> UUID {
        guard let value = UUID(uuidString: try require(name)) else {
            throw HTTPError(.badRequest, "invalid parameter \(name)")
        }
        return value
    }
}
