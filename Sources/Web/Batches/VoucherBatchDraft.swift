import Foundation
import Templates

/// A batch as the admin asked for it, checked before anything is written. The typed values are kept
/// to be shown again with the errors.
struct VoucherBatchDraft: Sendable {
    typealias Field = AdminVouchersView.Field

    /// The characters codes are drawn from.
    enum Alphabet: String, Sendable, CaseIterable {
        /// No characters a person confuses when reading a card: the store's own codes use it too.
        case unambiguous
        case digits
        case alphanumeric

        var characters: [Character] {
            switch self {
            case .unambiguous: RandomToken.unambiguousAlphabet
            case .digits: Array("0123456789")
            case .alphanumeric: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            }
        }
    }

    static let quantities = 1...5_000
    static let codeLengths = 4...16
    static let prefixLimit = 8
    static let defaultValues = [
        Field.quantity: "100", Field.codeLength: "8", Field.alphabet: Alphabet.unambiguous.rawValue,
        Field.password: "same",
    ]

    let values: [String: String]
    private(set) var errors: [String: String] = [:]
    private(set) var package: VoucherProfile?
    private(set) var quantity = 0
    private(set) var codeLength = 0
    private(set) var alphabet = Alphabet.unambiguous
    let prefix: String
    private(set) var separatePassword = false
    /// Who sells the batch; nil when the ISP sells it itself.
    private(set) var reseller: Reseller?

    /// - Parameters:
    ///   - packages: the tenant's packages a batch may be made of (any not deleted).
    ///   - resellers: the tenant's active resellers, one of which may be chosen.
    init(form: [String: String], packages: [VoucherProfile], resellers: [Reseller], strings: AdminVoucherStrings) {
        var values: [String: String] = [:]
        for field in [Field.package, Field.quantity, Field.codeLength, Field.alphabet, Field.prefix, Field.password, Field.reseller] {
            values[field] = (form[field] ?? "").trimmed
        }
        self.values = values
        let chosen = values[Field.package] ?? ""
        if let package = packages.first(where: { $0.id.uuidString.lowercased() == chosen.lowercased() }) {
            self.package = package
        } else {
            errors[Field.package] = strings.errorPackage
        }
        if let number = Self.number(values[Field.quantity] ?? ""), Self.quantities.contains(number) {
            quantity = number
        } else {
            errors[Field.quantity] = strings.errorQuantity
        }
        if let number = Self.number(values[Field.codeLength] ?? ""), Self.codeLengths.contains(number) {
            codeLength = number
        } else {
            errors[Field.codeLength] = strings.errorCodeLength
        }
        if let alphabet = Alphabet(rawValue: values[Field.alphabet] ?? "") {
            self.alphabet = alphabet
        } else {
            errors[Field.alphabet] = strings.errorAlphabet
        }
        prefix = values[Field.prefix] ?? ""
        if prefix.utf8.count > Self.prefixLimit || !prefix.unicodeScalars.allSatisfy(Self.isPrefixCharacter) {
            errors[Field.prefix] = strings.errorPrefix
        }
        switch values[Field.password] {
        case "same": separatePassword = false
        case "separate": separatePassword = true
        default: errors[Field.password] = strings.errorPassword
        }
        let chosenReseller = values[Field.reseller] ?? ""
        if !chosenReseller.isEmpty {
            reseller = resellers.first { $0.id.uuidString.lowercased() == chosenReseller.lowercased() }
            if reseller == nil { errors[Field.reseller] = strings.errorReseller }
        }
        // Codes are drawn at random: leave at least a hundredfold room, so redraws stay rare and a batch
        // never exhausts its code space (4 digits could make only 10,000 codes in all).
        if errors[Field.quantity] == nil, errors[Field.codeLength] == nil, !hasRoom {
            errors[Field.codeLength] = strings.errorTooFewCodes
        }
    }

    private var hasRoom: Bool {
        var space = 1.0
        for _ in 0..<codeLength { space *= Double(alphabet.characters.count) }
        return space >= Double(quantity) * 100
    }

    /// Up to five ASCII digits as a number; anything else (signs, spaces, "1e3") is nil.
    private static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// ASCII letters and digits: what a hotspot's log-in form, RADIUS and a person typing all agree on.
    private static func isPrefixCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// A code: the prefix, then `codeLength` random characters.
    func drawCode() -> String {
        prefix + RandomToken.code(length: codeLength, alphabet: alphabet.characters)
    }

    /// A separate password: random characters of the code's alphabet and length, never fewer than 8.
    func drawPassword() -> String {
        RandomToken.code(length: max(codeLength, 8), alphabet: alphabet.characters)
    }
}
