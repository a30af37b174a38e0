import Foundation

/// A subscriber's fields as an admin types them in the form or a CSV row carries them, checked once
/// for both against what the database, FreeRADIUS and the routers accept. Problems are typed, per
/// field; the form and the import report put them into words.
///
/// The plan is not resolved here: a form names it by id and a CSV file by name or RADIUS group, and
/// only the tenant's plans can say which exists.
struct SubscriberInput: Sendable, Hashable {
    enum Field: String, Sendable, CaseIterable {
        case customerNumber = "customer_number"
        case name
        case phone
        case email
        case address
        case pppoeUsername = "pppoe_username"
        case pppoePassword = "pppoe_password"
        case billingDay = "billing_day"
        case installationDate = "installation_date"
        case notes
    }

    enum Problem: Error, Sendable, Hashable {
        case missing
        /// Longer than the field holds.
        case tooLong
        /// Characters the field (or RADIUS, or a router) does not take.
        case characters
        case outOfRange
        /// Not a calendar date as `YYYY-MM-DD`.
        case date
        case phone(IndonesianPhoneNumber.Problem)
    }

    /// Nil: the tenant's next number is generated.
    var customerNumber: String?
    var name = ""
    /// `+62…`, or empty: no WhatsApp messages.
    var phone = ""
    var email = ""
    var address = ""
    /// Lower case: RADIUS user names here are case-sensitive, routers send them as typed.
    var pppoeUsername = ""
    /// Nil: keep the stored one (an edit left blank).
    var pppoePassword: String?
    var billingDay = 1
    /// `YYYY-MM-DD`, or nil when not known.
    var installationDate: String?
    var notes = ""
    private(set) var problems: [Field: Problem] = [:]

    var isValid: Bool { problems.isEmpty }

    /// - Parameters:
    ///   - values: raw text per field (`Field.rawValue`); absent fields count as empty.
    ///   - requiresPassword: a new subscriber needs a PPPoE password; an edit may keep the stored one.
    init(values: [String: String], requiresPassword: Bool) {
        func text(_ field: Field) -> String { (values[field.rawValue] ?? "").trimmed }

        let number = text(.customerNumber).uppercased()
        if !number.isEmpty {
            if Self.isCustomerNumber(number) { customerNumber = number } else { problems[.customerNumber] = .characters }
        }
        name = text(.name)
        if name.isEmpty {
            problems[.name] = .missing
        } else if name.count > 120 {
            problems[.name] = .tooLong
        } else if name.contains(where: { $0.isNewline }) {
            problems[.name] = .characters
        }
        let phoneText = text(.phone)
        if !phoneText.isEmpty {
            do throws(IndonesianPhoneNumber.Problem) {
                phone = try IndonesianPhoneNumber(parsing: phoneText).normalised
            } catch {
                problems[.phone] = .phone(error)
            }
        }
        email = text(.email)
        if email.count > 200 {
            problems[.email] = .tooLong
        } else if !email.isEmpty, !Self.looksLikeEmail(email) {
            problems[.email] = .characters
        }
        address = text(.address)
        if address.count > 500 { problems[.address] = .tooLong }
        pppoeUsername = text(.pppoeUsername).lowercased()
        if pppoeUsername.isEmpty {
            problems[.pppoeUsername] = .missing
        } else if !Self.isPPPoEUsername(pppoeUsername) {
            problems[.pppoeUsername] = pppoeUsername.utf8.count > 64 ? .tooLong : .characters
        }
        // Not trimmed: a password is what the router will send, spaces and all; but RADIUS and RouterOS
        // scripts must be able to carry it.
        let password = values[Field.pppoePassword.rawValue] ?? ""
        if password.isEmpty {
            if requiresPassword { problems[.pppoePassword] = .missing }
        } else if password.unicodeScalars.count < 4 || password.unicodeScalars.count > 64 {
            problems[.pppoePassword] = .outOfRange
        } else if !password.unicodeScalars.allSatisfy(Self.isPasswordCharacter) {
            problems[.pppoePassword] = .characters
        } else {
            pppoePassword = password
        }
        let day = text(.billingDay)
        if day.isEmpty {
            billingDay = 1
        } else if day.utf8.count <= 2, day.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(day),
            (1...31).contains(number)
        {
            billingDay = number
        } else {
            problems[.billingDay] = .outOfRange
        }
        let installed = text(.installationDate)
        if !installed.isEmpty {
            if let date = Self.calendarDate(installed) { installationDate = date } else { problems[.installationDate] = .date }
        }
        notes = text(.notes)
        if notes.count > 2000 { problems[.notes] = .tooLong }
    }

    /// What the database's check says: upper-case letters, digits and dashes, 3 to 32.
    static func isCustomerNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (3...32).contains(bytes.count), let first = bytes.first, Self.isUpperAlphanumeric(first) else { return false }
        return bytes.allSatisfy { Self.isUpperAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Lower-case letters, digits and `_ . @ -`, 3 to 64, starting with a letter or digit: what every
    /// RouterOS version takes as a PPP secret's name, and never a voucher code (those are upper case).
    /// Also what FreeRADIUS's `filter_username` policy lets through, since it refuses the rest before
    /// any password is checked: no `..`, no final `.`, and at most one `@`, followed by a realm with a
    /// dot inside it (`budi@net.id`, not `budi@net`).
    static func isPPPoEUsername(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (3...64).contains(bytes.count), let first = bytes.first, Self.isLowerAlphanumeric(first),
            bytes.allSatisfy({ Self.isLowerAlphanumeric($0) || "_.@-".utf8.contains($0) }),
            !text.contains(".."), !text.hasSuffix(".")
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        guard parts.count == 2, let realm = parts.last else { return true }
        return !realm.hasPrefix(".") && realm.dropFirst().contains(".")
    }

    /// Printable ASCII without quotes, backslash or space: safe in RADIUS, a RouterOS script and a CSV.
    static func isPasswordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value) && !"\"'\\`".unicodeScalars.contains(scalar)
    }

    /// `YYYY-MM-DD` of a day that exists (no 31 February), or nil.
    static func calendarDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 4, parts[1].utf8.count == 2, parts[2].utf8.count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2999).contains(year), (1...12).contains(month), day >= 1
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let days = calendar.range(of: .day, in: .month, for: first), days.contains(day)
        else { return nil }
        return text
    }

    private static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0.isNewline })
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
