import Foundation

/// One `NNNN_name.sql` file in the migrations directory.
struct MigrationFile: Sendable {
    let version: Int
    let fileName: String
    let path: String

    /// Every migration in `directory`, in version order. Hidden files are ignored; any
    /// other name that does not fit the pattern is an error rather than silently skipped,
    /// so a misnamed migration cannot go unapplied.
    static func all(in directory: String) throws(PostgresError) -> [MigrationFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw PostgresError(.migration, "cannot list migrations directory \(directory): \(error.localizedDescription)")
        }
        var files: [MigrationFile] = []
        var seen: [Int: String] = [:]
        for name in names where !name.hasPrefix(".") {
            guard let version = version(of: name) else {
                throw PostgresError(
                    .migration,
                    "migration file name '\(name)' in \(directory) must look like NNNN_name.sql (digits, underscore, letters/digits/_/-, .sql)"
                )
            }
            if let other = seen[version] {
                throw PostgresError(.migration, "migrations '\(other)' and '\(name)' share version \(version)")
            }
            seen[version] = name
            files.append(MigrationFile(version: version, fileName: name, path: directory + "/" + name))
        }
        return files.sorted { $0.version < $1.version }
    }

    /// `0012_add_vouchers.sql` → 12.
    static func version(of name: String) -> Int? {
        guard name.hasSuffix(".sql") else { return nil }
        let stem = name.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let label = stem[stem.index(after: underscore)...]
        guard digits.count >= 4, digits.allSatisfy(\.isASCIIDigit), !label.isEmpty,
            label.allSatisfy({ $0.isASCIIDigit || $0 == "_" || $0 == "-" || ($0.isASCII && $0.isLetter) })
        else { return nil }
        return Int(digits)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
