import Templates

/// An uploaded logo the store can serve: PNG, JPEG or WebP recognised by its first bytes (never by the
/// file name or the browser's content type), small, with pixel dimensions read from its header.
/// Anything else (SVG, which can carry script; HTML renamed `.png`; a truncated header) is refused.
struct LogoImage: Sendable, Equatable {
    static let maxBytes = 512 * 1024
    static let maxSide = 2048

    enum Problem: Error, Equatable {
        case tooLarge
        case unsupportedType
        case tooManyPixels
    }

    let bytes: [UInt8]
    let contentType: String
    let width: Int
    let height: Int

    init(bytes: [UInt8]) throws(Problem) {
        guard bytes.count <= Self.maxBytes else { throw .tooLarge }
        guard let (type, size) = Self.png(bytes) ?? Self.jpeg(bytes) ?? Self.webp(bytes) else { throw .unsupportedType }
        guard size.width > 0, size.height > 0 else { throw .unsupportedType }
        guard size.width <= Self.maxSide, size.height <= Self.maxSide else { throw .tooManyPixels }

        self.bytes = bytes
        contentType = type
        (width, height) = size
    }

    private typealias Header = (String, (width: Int, height: Int))

    /// Signature, then the IHDR chunk first: width and height as big-endian 32-bit at 16 and 20.
    private static func png(_ b: [UInt8]) -> Header? {
        guard b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            Array(b[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        return ("image/png", (bigEndian(b, 16, 4), bigEndian(b, 20, 4)))
    }

    /// Walks the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which holds
    /// height then width.
    private static func jpeg(_ b: [UInt8]) -> Header? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF {
                i += 1
                continue
            }
            let length = bigEndian(b, i + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ("image/jpeg", (bigEndian(b, i + 7, 2), bigEndian(b, i + 5, 2)))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    /// RIFF container with a `VP8 ` (lossy), `VP8L` (lossless) or `VP8X` (extended) first chunk.
    private static func webp(_ b: [UInt8]) -> Header? {
        guard b.count >= 30, Array(b[0..<4]) == Array("RIFF".utf8), Array(b[8..<12]) == Array("WEBP".utf8) else {
            return nil
        }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return ("image/webp", (littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF))
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = littleEndian(b, 21, 4)
            return ("image/webp", ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        case "VP8X":
            return ("image/webp", (littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1))
        default:
            return nil
        }
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        b[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        b[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}

extension LogoImage {
    /// The logo as the branding form carries it until it is saved.
    var kept: AdminBrandingView.KeptLogo {
        AdminBrandingView.KeptLogo(bytes: bytes, mediaType: SafeURL.InlineImageType(rawValue: contentType) ?? .png)
    }
}
