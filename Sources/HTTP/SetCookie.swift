import Foundation

/// One `Set-Cookie` header, validated when built so no attribute can be injected through a value.
///
/// There is deliberately no `Domain` attribute: every cookie is host-only, so a cookie set by one
/// tenant's site is never sent to another tenant's subdomain.
public struct SetCookie: Sendable, Equatable {
    public enum SameSite: String, Sendable {
        case lax = "Lax"
        case strict = "Strict"
        case none = "None"
    }

    public let name: String
    public let value: String
    public let path: String
    /// Seconds; `0` or less asks the browser to delete the cookie now.
    public let maxAge: Int?
    public let expires: Date?
    public let httpOnly: Bool
    public let secure: Bool
    public let sameSite: SameSite

    /// - Throws: `SetCookieError` when the name is not a token, the value has characters outside
    ///   RFC 6265 `cookie-octet` (encode it first, e.g. base64url), the path is not a plain
    ///   absolute path, or the `SameSite=None` / `__Host-` / `__Secure-` rules are broken.
    public init(
        name: String, value: String, path: String = "/", maxAge: Int? = nil, expires: Date? = nil,
        httpOnly: Bool = true, secure: Bool = false, sameSite: SameSite = .lax
    ) throws(SetCookieError) {
        guard Cookie.isValidName(name) else { throw .invalidName }
        guard Cookie.isValidValue(value) else { throw .invalidValue }
        guard path.hasPrefix("/"), path.utf8.allSatisfy({ !Cookie.isControl($0) && $0 != UInt8(ascii: ";") }) else {
            throw .invalidPath
        }
        if sameSite == .none && !secure { throw .sameSiteNoneRequiresSecure }
        if name.hasPrefix("__Secure-") && !secure { throw .prefixRequirementsNotMet }
        if name.hasPrefix("__Host-") && (!secure || path != "/") { throw .prefixRequirementsNotMet }
        self.name = name
        self.value = value
        self.path = path
        self.maxAge = maxAge
        self.expires = expires
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// A cookie that tells the browser to forget `name` (sent on logout).
    public static func expired(name: String, path: String = "/", secure: Bool = false) throws(SetCookieError) -> SetCookie {
        try SetCookie(
            name: name, value: "", path: path, maxAge: 0, expires: Date(timeIntervalSince1970: 0), secure: secure)
    }

    /// The header value, e.g. `sid=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`.
    public var headerValue: String {
        var text = "\(name)=\(value); Path=\(path)"
        if let maxAge { text += "; Max-Age=\(max(maxAge, 0))" }
        if let expires { text += "; Expires=\(Self.imfFixdate(expires))" }
        if secure { text += "; Secure" }
        if httpOnly { text += "; HttpOnly" }
        text += "; SameSite=\(sameSite.rawValue)"
        return text
    }

    /// RFC 9110 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), computed in UTC by arithmetic
    /// so it depends on neither the process locale nor the time zone.
    static func imfFixdate(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's days-to-civil algorithm.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(year) "
            + "\(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)):\(two(secondOfDay % 60)) GMT"
    }
}

/// Why a `SetCookie` could not be built; always a programming mistake, never the client's.
public enum SetCookieError: Error, Sendable, Equatable {
    case invalidName
    case invalidValue
    case invalidPath
    case sameSiteNoneRequiresSecure
    /// `__Secure-` needs `Secure`; `__Host-` needs `Secure` and `Path=/`.
    case prefixRequirementsNotMet
}

extension HTTPResponse {
    /// Adds a `Set-Cookie` header; several cookies give several headers, never one joined line.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
