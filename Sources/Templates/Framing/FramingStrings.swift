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

extension FramingStrings {
    static let english = FramingStrings(
        fieldLabel: "Sites that may show your pages in a frame",
        fieldHint:
            "Leave empty unless your own website embeds this store. HTTPS addresses only, separated by spaces, "
            + "for example https://www.your-isp.co.id (at most 5).",
        errorOrigins:
            "Enter up to 5 addresses like https://www.your-isp.co.id, with no path, separated by spaces.")
}

extension FramingStrings {
    static let indonesian = FramingStrings(
        fieldLabel: "Situs yang boleh menampilkan halaman Anda dalam bingkai",
        fieldHint:
            "Kosongkan kecuali situs web Anda sendiri menyematkan toko ini. Hanya alamat HTTPS, dipisahkan spasi, "
            + "misalnya https://www.isp-anda.co.id (paling banyak 5).",
        errorOrigins:
            "Isi paling banyak 5 alamat seperti https://www.isp-anda.co.id, tanpa path, dipisahkan spasi.")
}
