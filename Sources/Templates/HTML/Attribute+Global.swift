// Attributes any element may carry: identity, language, accessibility and tables.
extension Attribute {
    public static func `class`(_ names: String) -> Attribute { Attribute("class", names) }
    public static func id(_ id: String) -> Attribute { Attribute("id", id) }
    public static func title(_ title: String) -> Attribute { Attribute("title", title) }
    public static func lang(_ languageTag: String) -> Attribute { Attribute("lang", languageTag) }
    public static func role(_ role: String) -> Attribute { Attribute("role", role) }
    public static func tabindex(_ index: Int) -> Attribute { Attribute("tabindex", index) }

    public static let hidden = Attribute("hidden", isOn: true)
    public static func hidden(_ isOn: Bool) -> Attribute { Attribute("hidden", isOn: isOn) }

    public static func ariaLabel(_ label: String) -> Attribute { Attribute("aria-label", label) }
    /// Space-separated ids of the elements that name this one (a section by its heading).
    public static func ariaLabelledBy(_ ids: String) -> Attribute { Attribute("aria-labelledby", ids) }
    /// Space-separated ids of the elements describing this one (an error message next to a field).
    public static func ariaDescribedBy(_ ids: String) -> Attribute { Attribute("aria-describedby", ids) }
    /// Renders `aria-invalid="true"` when the field failed validation, nothing otherwise.
    public static func ariaInvalid(_ isInvalid: Bool) -> Attribute {
        isInvalid ? Attribute("aria-invalid", token: "true") : .none
    }
    public static func ariaCurrent(_ current: AriaCurrent) -> Attribute { Attribute("aria-current", current.rawValue) }
    public static let ariaHidden = Attribute("aria-hidden", token: "true")
    public static func ariaLive(_ politeness: AriaLive) -> Attribute { Attribute("aria-live", politeness.rawValue) }

    public static func colspan(_ columns: Int) -> Attribute { Attribute("colspan", columns) }
    public static func rowspan(_ rows: Int) -> Attribute { Attribute("rowspan", rows) }
    public static func scope(_ scope: HeaderScope) -> Attribute { Attribute("scope", scope.rawValue) }

    public enum AriaCurrent: String, Sendable {
        case page, step, location, date, time
        case `true`
    }

    public enum AriaLive: String, Sendable {
        case polite, assertive
        case off
    }

    public enum HeaderScope: String, Sendable {
        case col, row, colgroup, rowgroup
    }
}
