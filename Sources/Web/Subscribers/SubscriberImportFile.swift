/// A subscriber CSV read into `SubscriberInput` values, whichever of the two common layouts it has:
///
/// - a MikroTik PPP secrets export (Winbox or WebFig "Export" to CSV, or the properties of
///   `/ppp secret`): `name` is the PPPoE user name, `password` its password, `profile` the plan (by plan
///   name or RADIUS group) and `comment` the subscriber's name (the user name when there is none);
/// - a billing system's customer list: customer number, name, phone or WhatsApp, address, user name,
///   password, package, billing day, installation date, in English or Indonesian headers.
///
/// Headers are matched without regard to case, spaces or punctuation. A file is the MikroTik kind when
/// it has a `profile`, `service` or `caller-id` column and no column that is plainly a user name.
struct SubscriberImportFile: Sendable {
    enum Layout: Sendable, Hashable {
        case mikrotik
        case billing
    }

    enum Problem: Error, Sendable, Hashable {
        case empty
        /// The header is not valid UTF-8.
        case headerEncoding
        /// No column gives the PPPoE user name.
        case noUsernameColumn
        case tooManyRows
    }

    /// One data record, its cells put under the names `SubscriberInput` reads.
    struct Row: Sendable, Hashable {
        let line: Int
        /// Nil when the record could not be read (`problem` says why).
        let values: [String: String]
        let plan: String
        /// What the file says of a row that is not a live subscriber (`disabled`, `terminated` …); nil
        /// for a live one.
        let inactiveMark: String?
        let problem: RecordProblem?
    }

    enum RecordProblem: Sendable, Hashable {
        case encoding
        case unterminatedQuote
        /// More non-empty cells than the header has columns: usually the wrong separator inside a cell.
        case extraCells
    }

    /// More rows than any one import of a small ISP's customers; a bigger list imports in parts.
    static let maxRows = 10_000
    /// The keys under which a row carries its plan and its state (not `SubscriberInput` fields).
    static let planKey = "plan"
    static let statusKey = "status"
    static let disabledKey = "disabled"
    /// States of a row that is imported; any other (`terminated`, `berhenti` …) is skipped, so a customer
    /// who left is never billed again. An isolated one is imported active: the billing run decides anew.
    static let liveStatuses: Set<String> = ["", "active", "aktif", "isolated", "isolir", "enabled"]
    /// A MikroTik secret's `disabled` (`yes`/`true`): a router's paused or departed customer.
    static let disabledValues: Set<String> = ["yes", "true", "1"]

    let layout: Layout
    let rows: [Row]

    init(bytes: [UInt8]) throws(Problem) {
        let csv = CSVRecords(bytes: bytes)
        guard let header = csv.header else { throw .empty }
        guard let names = header.cells else { throw .headerEncoding }
        let keys = names.map(CSVRecords.key)
        let layout: Layout =
            keys.contains(where: { Self.usernameKeys.contains($0) }) || !keys.contains(where: Self.mikrotikMarkers.contains)
            ? .billing : .mikrotik
        let aliases = layout == .mikrotik ? Self.mikrotikAliases : Self.billingAliases
        let columns = keys.map { aliases[$0] }
        guard columns.contains(SubscriberInput.Field.pppoeUsername.rawValue) else { throw .noUsernameColumn }
        guard csv.records.count <= Self.maxRows else { throw .tooManyRows }
        self.layout = layout
        rows = csv.records.map { record in
            guard let cells = record.cells else {
                return Row(line: record.line, values: [:], plan: "", inactiveMark: nil, problem: .encoding)
            }
            if record.isUnterminated {
                return Row(line: record.line, values: [:], plan: "", inactiveMark: nil, problem: .unterminatedQuote)
            }
            if cells.count > columns.count, cells[columns.count...].contains(where: { !$0.trimmed.isEmpty }) {
                return Row(line: record.line, values: [:], plan: "", inactiveMark: nil, problem: .extraCells)
            }
            var values: [String: String] = [:]
            for (column, cell) in zip(columns, cells) {
                guard let column, values[column]?.isEmpty ?? true else { continue }
                values[column] = cell
            }
            if layout == .mikrotik, (values[SubscriberInput.Field.name.rawValue] ?? "").trimmed.isEmpty {
                values[SubscriberInput.Field.name.rawValue] = values[SubscriberInput.Field.pppoeUsername.rawValue]
            }
            if let date = values[SubscriberInput.Field.installationDate.rawValue] {
                values[SubscriberInput.Field.installationDate.rawValue] = Self.isoDate(date)
            }
            let plan = (values.removeValue(forKey: Self.planKey) ?? "").trimmed
            let status = (values.removeValue(forKey: Self.statusKey) ?? "").trimmed
            let disabled = (values.removeValue(forKey: Self.disabledKey) ?? "").trimmed
            var mark: String?
            if Self.disabledValues.contains(disabled.lowercased()) {
                mark = Self.disabledKey
            } else if !Self.liveStatuses.contains(status.lowercased()) {
                mark = status
            }
            return Row(line: record.line, values: values, plan: plan, inactiveMark: mark, problem: nil)
        }
    }

    /// `DD/MM/YYYY` and `DD-MM-YYYY` (how Indonesian spreadsheets show dates) as `YYYY-MM-DD`; anything
    /// else unchanged, for `SubscriberInput` to judge.
    static func isoDate(_ text: String) -> String {
        let trimmed = text.trimmed
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 3, parts[2].utf8.count == 4, (1...2).contains(parts[0].utf8.count),
            (1...2).contains(parts[1].utf8.count)
        else { return trimmed }
        func padded(_ part: Substring) -> String { part.utf8.count == 1 ? "0" + part : String(part) }
        return parts[2] + "-" + padded(parts[1]) + "-" + padded(parts[0])
    }

    private static let mikrotikMarkers: Set<String> = ["profile", "service", "callerid"]
    private static let usernameKeys: Set<String> = [
        "username", "pppoeusername", "usernamepppoe", "userpppoe", "pppoeuser", "user", "login",
    ]

    private static let mikrotikAliases: [String: String] = {
        typealias F = SubscriberInput.Field
        return [
            "name": F.pppoeUsername.rawValue, "password": F.pppoePassword.rawValue, "profile": planKey,
            "comment": F.name.rawValue, "disabled": disabledKey,
        ]
    }()

    private static let billingAliases: [String: String] = {
        typealias F = SubscriberInput.Field
        let groups: [(String, [String])] = [
            (
                F.customerNumber.rawValue,
                [
                    "customernumber", "customerno", "customerid", "idpelanggan", "nopelanggan", "nomorpelanggan",
                    "kodepelanggan", "pelangganid",
                ]
            ),
            (F.name.rawValue, ["name", "nama", "namapelanggan", "customername", "fullname", "namalengkap"]),
            (
                F.phone.rawValue,
                [
                    "phone", "whatsapp", "wa", "nohp", "nowa", "nomorhp", "nomorwa", "hp", "telepon", "telp", "notelp",
                    "phonenumber", "mobile", "nowhatsapp", "nomorwhatsapp",
                ]
            ),
            (F.email.rawValue, ["email", "surel"]),
            (F.address.rawValue, ["address", "alamat"]),
            (F.pppoeUsername.rawValue, Array(usernameKeys)),
            (F.pppoePassword.rawValue, ["password", "pppoepassword", "passwordpppoe", "pass", "sandi", "katasandi"]),
            (planKey, ["plan", "planname", "package", "paket", "namapaket", "layanan", "profile"]),
            (
                F.billingDay.rawValue,
                [
                    "billingday", "dueday", "tanggaltagihan", "tgltagihan", "jatuhtempo", "tanggaljatuhtempo",
                    "tgljatuhtempo",
                ]
            ),
            (
                F.installationDate.rawValue,
                [
                    "installationdate", "installdate", "installedon", "tanggalpasang", "tglpasang", "tanggalinstalasi",
                    "tglinstalasi",
                ]
            ),
            (F.notes.rawValue, ["notes", "note", "catatan", "keterangan"]),
            (statusKey, ["status"]),
            (disabledKey, ["disabled"]),
        ]
        var map: [String: String] = [:]
        for (field, keys) in groups { for key in keys { map[key] = field } }
        return map
    }()
}
