/// What a form shows again after a failed submit: the values as typed and a message per field.
/// Keyed by the field's `name`, so one type serves every form (the order form now, admin forms later).
public struct FormState: Sendable, Hashable {
    public var values: [String: String]
    public var errors: [String: String]

    public init(values: [String: String] = [:], errors: [String: String] = [:]) {
        self.values = values
        self.errors = errors
    }

    public var hasErrors: Bool { !errors.isEmpty }

    public func value(_ name: String) -> String { values[name] ?? "" }
    public func error(_ name: String) -> String? { errors[name] }
}
