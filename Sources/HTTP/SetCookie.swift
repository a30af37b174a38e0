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
        if let expires { text += "; Expires=\(HTTPDate.format(Int(expires.timeIntervalSince1970.rounded(.down))))" }
        if secure { text += "; Secure" }
        if httpOnly { text += "; HttpOnly" }
        text += "; SameSite=\(sameSite.rawValue)"
        return text
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
