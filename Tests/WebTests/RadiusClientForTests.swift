import Foundation
import TestSupport
import Testing

/// A router of a tenant, as the tests' FreeRADIUS sees it: a `nas` row and a loopback address of its own
/// (radclient sends from it with `Packet-Src-IP-Address`), so each test's routers are distinct clients.
struct TestRouter: Sendable {
    let tenantID: UUID
    let address: String
    let secret: String

    static func register(tenantID: UUID, kind: String = "hotspot") throws -> TestRouter {
        let secret = "rt-" + RandomCode.make(16)
        for _ in 0..<5 {
            let address = "127.\(Int.random(in: 10...250)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
            let inserted = try TestDatabase.owner.query(
                """
                insert into nas (tenant_id, nasname, shortname, secret, kind) values ($1, $2, $2, $3, $4)
                on conflict do nothing returning id
                """, tenantID, address, secret, kind)
            if !inserted.isEmpty { return TestRouter(tenantID: tenantID, address: address, secret: secret) }
        }
        throw TestSupportError("no free loopback address for a test router")
    }
}

/// `radclient` (FreeRADIUS's own client: no RADIUS is encoded here) speaking for a test router.
enum RadiusClient {
    /// Sends one packet of `attributes` (`Name = value` lines) and returns radclient's output (`-x`: the
    /// reply's attributes included).
    static func send(
        _ attributes: [String], from router: TestRouter, to port: Int, command: String = "auth", tries: Int = 3
    ) throws -> String {
        let file = NSTemporaryDirectory() + "gerbang-radclient-\(UUID().uuidString).txt"
        let lines = attributes + ["Packet-Src-IP-Address = \(router.address)"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try ChildProcess.run(
            "/usr/bin/radclient", ["-x", "-r", String(tries), "-t", "2", "-f", file, "127.0.0.1:\(port)", command, router.secret]
        ).output
    }

    static func login(
        _ user: String, _ password: String, at router: TestRouter, on server: FreeRADIUSTests.Server, tries: Int = 3
    ) throws -> String {
        try send(
            ["User-Name = \"\(user)\"", "User-Password = \"\(password)\""], from: router, to: server.authPort,
            tries: tries)
    }

    /// An accounting Start or Stop as a MikroTik sends it (`NAS-IP-Address` its own private address).
    static func account(
        _ status: String, user: String, session: String, seconds: Int = 0, bytes: Int64 = 0, at router: TestRouter,
        on server: FreeRADIUSTests.Server
    ) throws -> String {
        // Half uploaded, half downloaded; each a 32-bit count plus gigawords (2^32 bytes), as RADIUS carries it.
        let input = bytes / 2
        let output = bytes - bytes / 2
        return try send(
            [
                "User-Name = \"\(user)\"", "Acct-Status-Type = \(status)", "Acct-Session-Id = \"\(session)\"",
                "NAS-IP-Address = 192.168.88.1", "Framed-IP-Address = 10.5.50.7", "Acct-Session-Time = \(seconds)",
                "Acct-Input-Octets = \(input & 0xFFFF_FFFF)", "Acct-Output-Octets = \(output & 0xFFFF_FFFF)",
                "Acct-Input-Gigawords = \(input >> 32)", "Acct-Output-Gigawords = \(output >> 32)",
            ], from: router, to: server.acctPort, command: "acct")
    }

    /// The reply attribute's value in radclient's output (`\tName = value`), quotes removed.
    static func value(_ name: String, in output: String) -> String? {
        for line in output.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(name + " = ") else { continue }
            return String(trimmed.dropFirst(name.count + 3)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The last reason FreeRADIUS logged for refusing `user`.
    static func lastRejectReason(_ user: String) throws -> String? {
        try TestDatabase.owner.query(
            "select reason from radpostauth where username = $1 and reply = 'Access-Reject' order by id desc limit 1", user
        ).first?.decode("reason", as: String?.self)
    }
}
