import Foundation

/// A JSON object as a gateway sent it, read with `JSONSerialization` and typed accessors that tell
/// a missing field from one of the wrong type. Used only while decoding one message.
struct GatewayJSON {
    let object: [String: Any]

    init(object: [String: Any]) {
        self.object = object
    }

    /// Parses bytes that must hold one JSON object; nil for anything else.
    init?(bytes: [UInt8]) {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = parsed as? [String: Any] else {
            return nil
        }
        self.object = object
    }

    /// Serialises an object built from strings, numbers, arrays and dictionaries, with sorted keys
    /// so tests and signatures see the same bytes every time.
    static func encode(_ object: [String: Any]) -> [UInt8] {
        // Only literal dictionaries built in this module reach here, so serialisation cannot fail.
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return [UInt8](data)
    }

    /// A string field (nil when absent, null or not a string).
    func string(_ key: String) -> String? {
        object[key] as? String
    }

    /// A non-empty string field.
    func nonEmptyString(_ key: String) -> String? {
        guard let value = string(key), !value.isEmpty else { return nil }
        return value
    }

    /// A number that is a whole amount (`10000` or `10000.0`); nil for fractions, strings or booleans.
    func wholeNumber(_ key: String) -> Int64? {
        guard let number = object[key] as? NSNumber, !Self.isBoolean(number) else { return nil }
        let value = number.doubleValue
        guard value.isFinite, value.rounded() == value, abs(value) < 9e15 else { return nil }
        return Int64(value)
    }

    /// A JSON `true` or `false`; nil for numbers, strings or anything else.
    func boolean(_ key: String) -> Bool? {
        guard let number = object[key] as? NSNumber, Self.isBoolean(number) else { return nil }
        return number.boolValue
    }

    func array(_ key: String) -> [Any]? {
        object[key] as? [Any]
    }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        // JSONSerialization gives true/false as boolean NSNumbers, type "c"; integers come as "q" or "i".
        String(cString: number.objCType) == "c"
    }
}

/// Whole rupiah from a decimal string as gateways write it: `"10000"` or `"10000.00"`.
/// Fractions of a rupiah, signs, exponents and anything else are refused (nil).
enum RupiahAmount {
    static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy({ $0 == 48 }) else { return nil }
        }
        return Int64(whole)
    }
}
