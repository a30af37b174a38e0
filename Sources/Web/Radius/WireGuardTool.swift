import Foundation

/// Makes WireGuard keys with the `wg` tool (package `wireguard-tools`): the key arithmetic is
/// WireGuard's own, never ours. Keys pass through pipes, never the command line, which any local user
/// could read in `ps`.
enum WireGuardTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let candidates = ["/usr/bin/wg", "/usr/local/bin/wg"]

    static var executable: String? { candidates.first(where: FileManager.default.isExecutableFile(atPath:)) }

    static func generatePrivateKey() throws(Failure) -> String {
        try key(from: ["genkey"], input: nil)
    }

    static func publicKey(of privateKey: String) throws(Failure) -> String {
        try key(from: ["pubkey"], input: privateKey)
    }

    /// A fresh key pair: the private key, to be shown once, and its public key.
    static func generateKeyPair() throws(Failure) -> (privateKey: String, publicKey: String) {
        let privateKey = try generatePrivateKey()
        return (privateKey, try publicKey(of: privateKey))
    }

    private static func key(from arguments: [String], input: String?) throws(Failure) -> String {
        guard let wg = executable else { throw Failure(description: "wg not found (install wireguard-tools)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wg)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        do {
            try process.run()
            if let input { standardInput.fileHandleForWriting.write(Data((input + "\n").utf8)) }
            try standardInput.fileHandleForWriting.close()
        } catch {
            throw Failure(description: "wg \(arguments.joined(separator: " ")) could not be run: \(error)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, WireGuardKey.isValid(key) else {
            throw Failure(description: "wg \(arguments.joined(separator: " ")) failed: \(problem.trimmed)")
        }
        return key
    }
}
