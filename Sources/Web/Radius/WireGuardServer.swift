import Foundation
import Postgres

#if canImport(Glibc)
    import Glibc
#endif

/// The platform's end of the routers' tunnels: its key pair, and the wg-quick file an operator's
/// `wg-quick@gerbang` (or `wg syncconf`) reads, with one `[Peer]` per tunnel of every tenant.
struct WireGuardServer: Sendable {
    let settings: WireGuardSettings
    let privateKey: String
    let publicKey: String

    /// The configured key, or the one in the key file, made there with `wg genkey` (mode 0600) when the
    /// file does not exist yet. Several workers start at once: the first file linked into place wins and
    /// the others read it, so all of them serve one key.
    init(settings: WireGuardSettings) throws {
        self.settings = settings
        if let configured = settings.privateKey {
            privateKey = configured
        } else {
            privateKey = try Self.keyFile(at: settings.privateKeyFile)
        }
        publicKey = try WireGuardTool.publicKey(of: privateKey)
    }

    private static func keyFile(at path: String) throws -> String {
        if !FileManager.default.fileExists(atPath: path) {
            let fresh = try WireGuardTool.generatePrivateKey()
            let temporary = try writePrivately(fresh + "\n", besides: path)
            defer { unlink(temporary) }
            if link(temporary, path) != 0 && errno != EEXIST {
                throw WireGuardTool.Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
        guard let stored = try? String(contentsOfFile: path, encoding: .utf8), WireGuardKey.isValid(stored.trimmed) else {
            throw WireGuardTool.Failure(description: "\(path) holds no WireGuard private key (make one with: wg genkey)")
        }
        return stored.trimmed
    }

    /// Writes `text` to a new file next to `path`, readable by this user only from its creation, and
    /// returns the new file's path. Its directory is made (mode 0700) when missing.
    static func writePrivately(_ text: String, besides path: String) throws -> String {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp-" + RandomToken.hex()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WireGuardTool.Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(temporary)
            throw WireGuardTool.Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        return temporary
    }

    /// The server's wg-quick file for these tunnels. wg-quick reads `Address` and `ListenPort`;
    /// `wg syncconf` takes the same file through `wg-quick strip`.
    func peersFileText(_ peers: [RouterTunnel.Peer]) -> String {
        var lines = [
            "# Written by Gerbang whenever a router's tunnel is given or removed; edits here are lost.",
            "# Apply without dropping tunnels: wg syncconf gerbang <(wg-quick strip gerbang)",
            "[Interface]",
            "Address = \(settings.serverAddress)/\(settings.prefixLength)",
            "ListenPort = \(settings.port)",
            "PrivateKey = \(privateKey)",
        ]
        for peer in peers {
            lines += [
                "", "[Peer]", "# router \(peer.routerID)", "PublicKey = \(peer.publicKey)",
                "AllowedIPs = \(peer.address)/32",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rewrites the peers file from the database (every tenant's tunnels), atomically: a reader sees the
    /// old file or the new one, never half of one.
    func writePeersFile(database: PostgresPool) throws {
        let peers = try RouterTunnelRepository(database: database).allPeers()
        let temporary = try Self.writePrivately(peersFileText(peers), besides: settings.peersFile)
        guard rename(temporary, settings.peersFile) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            throw WireGuardTool.Failure(description: "cannot replace \(settings.peersFile): \(problem)")
        }
    }
}
