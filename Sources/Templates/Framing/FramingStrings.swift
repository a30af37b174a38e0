/// The fixed strings of the framing opt-in on the admin branding form, in every `Language`.
///
/// Kept beside their feature rather than in `Strings`, so the shared catalogue's initialiser does not
/// change; `Language.framingStrings` switches exhaustively, so a missing language is a compile error.
public struct FramingStrings: Sendable {
    public let fieldLabel: String
    public let fieldHint: String
    public let errorOrigins: String
}

extension Language {
    /// The framing opt-in's strings in this language.
    public var framingStrings: FramingStrings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}
