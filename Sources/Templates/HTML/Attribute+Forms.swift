// Forms and their controls.
extension Attribute {
    public static func method(_ method: FormMethod) -> Attribute { Attribute("method", method.rawValue) }
    public static func enctype(_ encoding: FormEncoding) -> Attribute { Attribute("enctype", encoding.rawValue) }
    public static let novalidate = Attribute("novalidate", isOn: true)

    public static func name(_ name: String) -> Attribute { Attribute("name", name) }
    public static func type(_ type: InputType) -> Attribute { Attribute("type", type.rawValue) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func value(_ value: Int) -> Attribute { Attribute("value", value) }
    public static func placeholder(_ text: String) -> Attribute { Attribute("placeholder", text) }
    public static func autocomplete(_ tokens: String) -> Attribute { Attribute("autocomplete", tokens) }
    public static func inputmode(_ mode: InputMode) -> Attribute { Attribute("inputmode", mode.rawValue) }
    public static func pattern(_ regularExpression: String) -> Attribute { Attribute("pattern", regularExpression) }
    /// Accepted file types of a file input (`image/png,image/jpeg`).
    public static func accept(_ mediaTypes: String) -> Attribute { Attribute("accept", mediaTypes) }
    /// The id of the control a `label` names.
    public static func `for`(_ controlID: String) -> Attribute { Attribute("for", controlID) }

    public static func min(_ value: Int) -> Attribute { Attribute("min", value) }
    public static func min(_ value: String) -> Attribute { Attribute("min", value) }
    public static func max(_ value: Int) -> Attribute { Attribute("max", value) }
    public static func max(_ value: String) -> Attribute { Attribute("max", value) }
    public static func step(_ value: Int) -> Attribute { Attribute("step", value) }
    public static func step(_ value: String) -> Attribute { Attribute("step", value) }
    public static func minlength(_ length: Int) -> Attribute { Attribute("minlength", length) }
    public static func maxlength(_ length: Int) -> Attribute { Attribute("maxlength", length) }
    public static func rows(_ rows: Int) -> Attribute { Attribute("rows", rows) }
    public static func cols(_ columns: Int) -> Attribute { Attribute("cols", columns) }
    public static func size(_ size: Int) -> Attribute { Attribute("size", size) }

    public static let required = Attribute("required", isOn: true)
    public static func required(_ isOn: Bool) -> Attribute { Attribute("required", isOn: isOn) }
    public static let disabled = Attribute("disabled", isOn: true)
    public static func disabled(_ isOn: Bool) -> Attribute { Attribute("disabled", isOn: isOn) }
    public static let readonly = Attribute("readonly", isOn: true)
    public static func readonly(_ isOn: Bool) -> Attribute { Attribute("readonly", isOn: isOn) }
    public static let checked = Attribute("checked", isOn: true)
    public static func checked(_ isOn: Bool) -> Attribute { Attribute("checked", isOn: isOn) }
    public static let selected = Attribute("selected", isOn: true)
    public static func selected(_ isOn: Bool) -> Attribute { Attribute("selected", isOn: isOn) }
    public static let multiple = Attribute("multiple", isOn: true)
    public static let autofocus = Attribute("autofocus", isOn: true)

    public enum FormMethod: String, Sendable {
        case get, post
    }

    public enum FormEncoding: String, Sendable {
        case urlEncoded = "application/x-www-form-urlencoded"
        case multipart = "multipart/form-data"
    }

    /// Types of `input` and `button`.
    public enum InputType: String, Sendable {
        case text, email, tel, password, number, search, url, date, month, time, color, file, hidden
        case checkbox, radio, range
        case submit, button, reset
        case dateTimeLocal = "datetime-local"
    }

    public enum InputMode: String, Sendable {
        case none, text, decimal, numeric, tel, search, email, url
    }
}
