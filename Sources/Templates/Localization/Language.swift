/// The languages every fixed string exists in.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case id
    case en

    /// The catalogue of fixed strings in this language.
    public var strings: Strings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }

    /// Its own name, for the language switch.
    public var nativeName: String {
        switch self {
        case .id: "Bahasa Indonesia"
        case .en: "English"
        }
    }
}
