import Foundation
import HTTP

/// A colour from a tenant's brand: only `#rrggbb`, so nothing else can ever reach the CSS.
public struct BrandColor: Sendable, Hashable, CustomStringConvertible {
    public let red: UInt8
    public let green: UInt8
    public let blue: UInt8

    /// Accepts `#rrggbb` (either case) and nothing else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return nil }
        var values: [UInt8] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let high = bytes[i].asciiHexDigitValue, let low = bytes[i + 1].asciiHexDigitValue else { return nil }
            values.append(high << 4 | low)
        }
        (red, green, blue) = (values[0], values[1], values[2])
    }

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// `#rrggbb`, lower-case.
    public var description: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for value in [red, green, blue] {
            text.append(digits[Int(value >> 4)])
            text.append(digits[Int(value & 0x0f)])
        }
        return text
    }

    /// WCAG 2.x relative luminance.
    public var relativeLuminance: Double {
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG contrast ratio between two colours, from 1 to 21.
    public func contrastRatio(with other: BrandColor) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public static let white = BrandColor(red: 255, green: 255, blue: 255)
    public static let ink = BrandColor(red: 17, green: 24, blue: 39)

    /// White or near-black, whichever reads better on this colour.
    public var readableText: BrandColor {
        contrastRatio(with: .white) >= contrastRatio(with: .ink) ? .white : .ink
    }
}
