import Foundation

/// A speed as an ISP writes it: `512`, `512 kbps`, `2 Mbps`, `1.5 Mbps`, `1,5 mbps`, `2M`; stored in kbps.
/// A bare number is kbps, the unit the field has always taken.
struct SpeedKbps: Sendable, Hashable {
    let kbps: Int

    /// nil for anything that is not a positive speed within `maximum` kbps.
    init?(parsing input: String, maximum: Int) {
        let lowered = input.trimmed.lowercased()
        var number = Substring(lowered)
        var factor = 1.0
        for (suffix, multiplier) in [("mbps", 1000.0), ("mb/s", 1000.0), ("m", 1000.0), ("kbps", 1.0), ("kb/s", 1.0), ("k", 1.0)]
        where number.hasSuffix(suffix) {
            number = number.dropLast(suffix.count)
            factor = multiplier
            break
        }
        let text = number.trimmed.replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
            text.filter({ $0 == "." }).count <= 1, let value = Double(text), value > 0
        else { return nil }
        let kbps = (value * factor).rounded()
        // A fraction of a kbps is no speed a router can enforce.
        guard kbps >= 1, kbps <= Double(maximum), value * factor == kbps else { return nil }
        self.kbps = Int(kbps)
    }
}
