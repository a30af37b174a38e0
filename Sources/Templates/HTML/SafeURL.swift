import Foundation

/// A URL that is safe to put in `href`, `src`, `action`, `formaction` or `poster`.
///
/// Every URL attribute takes a `SafeURL`, so data reaches those attributes only through this check.
/// Allowed: relative URLs (`/portal`, `?page=2`, `#top`, `//cdn.example/x`) and the schemes `http`,
/// `https`, `mailto` and `tel`. Anything else with a scheme (`javascript:`, `data:`, `vbscript:`,
/// `file:` …) is refused, and a refused URL renders as **`about:blank`**, which neither runs script nor
/// sends a request anywhere.
///
/// The scheme is found the way browsers find it (WHATWG URL parsing): leading and trailing C0 controls
/// and spaces are ignored and tabs and newlines anywhere are removed, so ` JaVaScRiPt:` and
/// `java\tscript:` are recognised as `javascript:`. Text with a colon before the first `/`, `?` or `#`
/// that is not an allowed scheme is refused too, even where a browser would read it as a relative path.
public struct SafeURL: Sendable, Hashable {
    /// What renders in place of a refused URL.
    public static let refusedReplacement = "about:blank"

    /// The text written into the attribute (escaped when rendered).
    public let value: String
    /// Whether the original text was refused and replaced by `about:blank`.
    public let wasRefused: Bool

    public init(_ string: String) {
        if SafeURL.isAllowed(string) {
            value = string
            wasRefused = false
        } else {
            value = SafeURL.refusedReplacement
            wasRefused = true
        }
    }

    private init(checkedValue: String) {
        value = checkedValue
        wasRefused = false
    }

    /// Schemes a URL from data may use. Lower-case.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    static func isAllowed(_ string: String) -> Bool {
        // Mirror the URL parser: skip leading C0 controls and spaces, ignore tabs and newlines.
        var scheme: [UInt8] = []
        var sawContent = false
        for byte in string.utf8 {
            if !sawContent && byte <= 0x20 { continue }
            sawContent = true
            switch byte {
            case 0x09, 0x0A, 0x0D:
                continue
            case UInt8(ascii: ":"):
                let name = String(decoding: scheme, as: UTF8.self).lowercased()
                return allowedSchemes.contains(name)
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\\"):
                return true
            default:
                // Longer than any allowed scheme: keep scanning for a colon, but stop collecting.
                if scheme.count <= 8 { scheme.append(byte) }
            }
        }
        return true
    }
}

extension SafeURL: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Literal and interpolated URLs (`"/vouchers/\(profile.id)"`) go through the same check.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }
}

extension SafeURL {
    /// Image formats allowed in an inline `data:` URL. SVG is left out on purpose: it can carry script.
    public enum InlineImageType: String, Sendable, CaseIterable {
        case png = "image/png"
        case jpeg = "image/jpeg"
        case webp = "image/webp"
        case gif = "image/gif"
    }

    /// UNSAFE-SOUNDING ON PURPOSE: the only way to get a `data:` URL, for an image built from bytes (a
    /// tenant logo, say). The bytes are base64-encoded here, so no string from outside decides the media
    /// type or smuggles in markup.
    public static func inlineImage(bytes: some Sequence<UInt8>, mediaType: InlineImageType) -> SafeURL {
        let encoded = Data(bytes).base64EncodedString()
        return SafeURL(checkedValue: "data:" + mediaType.rawValue + ";base64," + encoded)
    }
}
