import Foundation
import Postgres
import Templates

#if canImport(Glibc)
    import Glibc
#endif

/// `gerbang admin create --email <address>` and `gerbang admin list`: head-office accounts from the
/// command line, so the first one exists before anyone can sign in at `/head-office`. The password is read
/// from standard input (asked twice, unechoed, at a terminal; one line from a pipe), never from an
/// argument, which any user of the machine could read in the process list.
enum HeadOfficeAdminCommand {
    static let usage = """
        usage: gerbang admin create --email <address>   (the password is read from standard input)
               gerbang admin list
        """

    static func run(_ arguments: [String], config: AppConfig) throws -> String {
        var databaseConfiguration = try PostgresConfiguration(url: config.migrationDatabaseURL)
        databaseConfiguration.poolSize = 1
        let admins = HeadOfficeAdminRepository(database: PostgresPool(configuration: databaseConfiguration))
        switch arguments.first {
        case "list":
            guard arguments.count == 1 else { throw AdminCommandError(usage) }
            let all = try admins.all()
            return all.isEmpty ? "gerbang: no head-office admin yet" : all.map(\.email).joined(separator: "\n")
        case "create":
            guard arguments.count == 3, arguments[1] == "--email" else { throw AdminCommandError(usage) }
            let email = arguments[2].trimmed
            guard OrderSubmission.isPlausibleEmail(email) else { throw AdminCommandError("'\(email)' is not an email address") }
            let password = try readPassword()
            let actor = AuditActor(email: "gerbang admin create", clientAddress: "")
            guard try admins.create(email: email, password: password, by: actor) else {
                throw AdminCommandError("a head-office admin \(email.lowercased()) exists already")
            }
            return "gerbang: head-office admin \(email.lowercased()) created; sign in at \(Paths.HeadOffice.login) on the base domain"
        default:
            throw AdminCommandError(usage)
        }
    }

    /// The password from standard input, its length checked.
    private static func readPassword() throws -> String {
        let lengths = HeadOfficeAdminRepository.passwordLengths
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = readUnechoed(prompt: "Password (\(lengths.lowerBound) to \(lengths.upperBound) characters): ")
            let second = readUnechoed(prompt: "The same password again: ")
            guard first == second else { throw AdminCommandError("the two passwords differ") }
            password = first ?? ""
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard lengths.contains(password.count) else {
            throw AdminCommandError("the password must be \(lengths.lowerBound) to \(lengths.upperBound) characters")
        }
        return password
    }

    /// One line from the terminal with echo off, so the password is not shown as it is typed.
    private static func readUnechoed(prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if hasTerminal { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}

/// A refused `gerbang admin` command: the message says what to do instead.
struct AdminCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
