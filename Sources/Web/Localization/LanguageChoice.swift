import HTTP
import Templates

/// Which language a page is shown in: `?lang=` (then remembered in a cookie), the cookie,
/// `Accept-Language`, and finally the tenant's default.
struct LanguageChoice: Sendable {
    static let cookieName = "lang"

    let language: Language
    /// Set when `?lang=` chose a language that the cookie does not yet remember.
    let remember: Bool
    private let isSecure: Bool

    init(request: HTTPRequest, default fallback: Language) {
        isSecure = request.isSecure
        let query = Self.queryLanguage(request.query)
        let cookie = request.cookies[Self.cookieName].flatMap(Language.init(rawValue:))
        if let query {
            language = query
            remember = query != cookie
        } else {
            language = cookie ?? Self.acceptLanguage(request.headers["Accept-Language"]) ?? fallback
            remember = false
        }
    }

    /// The cookie to set: only when `?lang=` chose something the cookie does not remember yet.
    var cookie: SetCookie? {
        guard remember else { return nil }
        return try? SetCookie(name: Self.cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, secure: isSecure)
    }

    /// A bad query string is no reason to refuse a page, so this reads `lang` leniently.
    private static func queryLanguage(_ query: String) -> Language? {
        guard !query.isEmpty else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("lang=") {
            return Language(rawValue: String(pair.dropFirst(5)).lowercased())
        }
        return nil
    }

    /// The supported language with the highest q-value, e.g. `en-US,en;q=0.9,id;q=0.8` → en.
    static func acceptLanguage(_ header: String?) -> Language? {
        guard let header else { return nil }
        var best: (Language, Double)?
        for item in header.split(separator: ",").prefix(20) {
            // `;` alone splits into nothing, so the tag is read without indexing.
            let parts = item.split(separator: ";", omittingEmptySubsequences: false)
            guard let first = parts.first else { continue }
            let tag = first.trimmingPrefix(while: { $0 == " " }).lowercased()
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let p = parameter.trimmingPrefix(while: { $0 == " " })
                if p.hasPrefix("q=") { quality = Self.quality(p.dropFirst(2)) }
            }
            let language: Language? = primary == "in" ? .id : Language(rawValue: primary)
            if let language, quality > 0, quality > (best?.1 ?? -1) { best = (language, quality) }
        }
        return best?.0
    }

    /// A q-value is a number from 0 to 1; anything else (`NaN`, `1e999`, `-1`, no number) counts as 0,
    /// so a malformed entry can never outrank a well-formed one.
    static func quality(_ text: Substring) -> Double {
        guard let value = Double(text), value.isFinite, value >= 0, value <= 1 else { return 0 }
        return value
    }
}
