import Foundation

/// A WhatsApp number as buyers type it (`0812-3456-7890`, `+62 812 3456 7890`, `62812…`), normalised
/// to `+62…` with 8 to 13 digits after the country code, the form `voucher_orders.buyer_phone` holds.
struct IndonesianPhoneNumber: Sendable, Hashable {
    enum Problem: Error, Sendable, Hashable {
        case missing
        /// Letters or symbols other than spaces, dashes, dots, brackets and one leading `+`.
        case characters
        /// Not `0…`, `62…` or `+62…`.
        case notIndonesian
        case length
    }

    /// `+6281234567890`
    let normalised: String

    init(parsing input: String) throws(Problem) {
        let trimmed = input.trimmed
        guard !trimmed.isEmpty else { throw .missing }
        var digits = ""
        var hasPlus = false
        for (offset, character) in trimmed.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case "+" where offset == 0: hasPlus = true
            case " ", "-", ".", "(", ")": continue
            default: throw .characters
            }
        }
        let national: Substring
        if hasPlus {
            guard digits.hasPrefix("62") else { throw .notIndonesian }
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("62") {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst()
        } else {
            throw .notIndonesian
        }
        // Indonesian numbers never start with 0 after the country code (`+62 0812…` is a typo'd 0812).
        let subscriber = national.hasPrefix("0") ? national.dropFirst() : national
        guard (8...13).contains(subscriber.count) else { throw .length }
        normalised = "+62" + subscriber
    }
}
