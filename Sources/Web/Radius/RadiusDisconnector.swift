import Foundation

/// Ends a session on its router with an RFC 5176 Disconnect-Request, sent by FreeRADIUS's own
/// `radclient` to the router's CoA port with its shared secret: no RADIUS is encoded here. MikroTik
/// answers when `/radius incoming set accept=yes`.
struct RadiusDisconnector: Sendable {
    enum Outcome: String, Sendable {
        /// Disconnect-ACK: the router ended the session.
        case acknowledged
        /// Disconnect-NAK: the router refused (no such session, say).
        case refused
        /// No answer within the timeout (the router is unreachable or does not accept CoA).
        case noAnswer
    }

    /// Where `radclient` is (package `freeradius-utils`).
    static let candidates = ["/usr/bin/radclient", "/usr/local/bin/radclient"]

    /// Blocks for at most a few seconds (`-t 2 -r 2`); call it with no database connection held.
    func disconnect(_ session: RadiusSession, on router: RadiusRouter) -> Outcome {
        guard let radclient = Self.candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Log.warning("radclient not found (install freeradius-utils): cannot disconnect sessions")
            return .noAnswer
        }
        var attributes = [
            "User-Name = \"\(Self.quoted(session.username))\"", "Acct-Session-Id = \"\(Self.quoted(session.sessionID))\"",
        ]
        if let address = session.address { attributes.append("Framed-IP-Address = \(address)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: radclient)
        // The secret goes through a file, not the command line, which any local user could read in ps.
        let secretFile = NSTemporaryDirectory() + "gerbang-coa-" + RandomToken.hex()
        let input = Pipe()
        let output = Pipe()
        // Readable by this user only from the moment it exists.
        guard
            FileManager.default.createFile(
                atPath: secretFile, contents: Data(router.secret.utf8), attributes: [.posixPermissions: 0o600])
        else {
            Log.warning("could not write radclient's secret file in \(NSTemporaryDirectory())")
            return .noAnswer
        }
        defer { try? FileManager.default.removeItem(atPath: secretFile) }
        do {
            process.arguments = [
                "-r", "2", "-t", "2", "-S", secretFile, "\(router.address):\(router.coaPort)", "disconnect",
            ]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data((attributes.joined(separator: "\n") + "\n").utf8))
            try input.fileHandleForWriting.close()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if text.contains("Received Disconnect-ACK") { return .acknowledged }
            if text.contains("Received Disconnect-NAK") { return .refused }
            return .noAnswer
        } catch {
            Log.warning("radclient could not be run: \(error)")
            return .noAnswer
        }
    }

    /// A value inside radclient's double quotes: its own escapes kept literal, and no control character,
    /// so a user name a router reported cannot end the line and add attributes of its own.
    static func quoted(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
