import Foundation
import Postgres
import TestSupport
import Testing

/// An application with a WireGuard network of its own (a random /24 or smaller of 100.64.0.0/10, so test
/// servers never share a pool), its key and peers files in a fresh directory, and an admin's routers.
final class TunnelServer {
    let application: InProcessServer
    let directory: String
    let network: String
    let admin: AdminFixtures.Admin

    var peersFile: String { directory + "/gerbang.conf" }
    var keyFile: String { directory + "/server.key" }

    /// - Parameter endpoint: what routers are told to dial (the test's "server" namespace address).
    init(prefixLength: Int = 24, endpoint: String = "vpn.example.net") throws {
        directory = NSTemporaryDirectory() + "gerbang-wg-\(UInt32.random(in: 0...UInt32.max))"
        network = "100.\(Int.random(in: 64...127)).\(Int.random(in: 0...255)).0/\(prefixLength)"
        application = try InProcessServer(environment: [
            "WIREGUARD_NETWORK": network, "WIREGUARD_ENDPOINT": endpoint, "WIREGUARD_PORT": "51820",
            "WIREGUARD_PRIVATE_KEY_FILE": directory + "/server.key", "WIREGUARD_PEERS_FILE": directory + "/gerbang.conf",
        ])
        admin = try AdminFixtures.tenantWithAdmin()
    }

    deinit {
        application.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The pool's address `host` (its last octet, for pools of at most /24).
    func address(_ host: Int) -> String {
        network.split(separator: ".").prefix(3).joined(separator: ".") + ".\(host)"
    }

    func signedIn() throws -> PortalBrowser {
        try AdminFixtures.signedIn(admin, server: application)
    }

    /// Adds a router through its form and returns its id.
    @discardableResult
    func addRouter(_ browser: PortalBrowser, name: String, secret: String = "s3cret-Router-42") throws -> Int {
        try browser.get("/admin/routers/new")
        let address = AdminRoutersTests.freeAddress()
        let created = try browser.post(
            "/admin/routers/new",
            ["name": name, "identifier": "", "address": address, "secret": secret, "kind": "hotspot", "coa_port": "3799"])
        try #require(created.status == 303, "router not added: \(created.status)")
        return try TestDatabase.owner.query(
            "select id from nas where tenant_id = $1 and shortname = $2", admin.tenantID, name
        ).first!.decode("id", as: Int.self)
    }

    func nasAddress(_ id: Int) throws -> String {
        try TestDatabase.owner.query("select nasname from nas where id = $1", id).first!.decode("nasname", as: String.self)
    }

    /// The text of the page's `<pre>` commands, as an admin would copy it.
    static func commands(in html: String) -> String? {
        guard let block = html.range(of: "class=\"router-commands\">"),
            let start = html.range(of: "<code>", range: block.upperBound..<html.endIndex),
            let end = html.range(of: "</code>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return unescaped(String(html[start.upperBound..<end.lowerBound]))
    }

    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `name="value"` in the commands (a quoted RouterOS value, unescaped only of what keys never hold).
    static func quoted(_ name: String, in commands: String) -> String? {
        guard let range = commands.range(of: " \(name)=\"[^\"]*\"", options: .regularExpression) else { return nil }
        return String(commands[range].dropFirst(name.count + 3).dropLast())
    }

    /// `name=value` unquoted.
    static func plain(_ name: String, in commands: String) -> String? {
        guard let range = commands.range(of: " \(name)=[^ \n\"]+", options: .regularExpression) else { return nil }
        return String(commands[range].dropFirst(name.count + 2))
    }

    /// What `wg pubkey` says of a private key: the test's own check of the pair Gerbang handed out.
    static func publicKey(of privateKey: String) throws -> String {
        let file = NSTemporaryDirectory() + "gerbang-wg-key-\(UInt32.random(in: 0...UInt32.max))"
        try #require(
            FileManager.default.createFile(atPath: file, contents: Data(privateKey.utf8), attributes: [.posixPermissions: 0o600]))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (status, output) = try ChildProcess.run("/bin/sh", ["-c", "wg pubkey < \"$1\"", "sh", file])
        try #require(status == 0, "wg pubkey failed: \(output)")
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
