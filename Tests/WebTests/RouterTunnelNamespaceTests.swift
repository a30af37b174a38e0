import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The tunnel works, not just its text: two network namespaces joined by a veth pair stand in for the
/// platform and a router behind NAT, each with WireGuard in user space (`wireguard-go`; this kernel has no
/// WireGuard module). The platform's side runs from the peers file Gerbang wrote, the router's from the
/// keys and addresses of the commands Gerbang showed; a ping from the router to the platform's tunnel
/// address must cross the tunnel.
@Suite(.serialized) struct RouterTunnelNamespaceTests {
    static let tools = ["/usr/sbin/ip", "/usr/bin/wireguard-go", "/usr/bin/wg", "/usr/bin/wg-quick", "/usr/bin/ping"]
    static let runnable =
        getuid() == 0 && tools.allSatisfy(FileManager.default.isExecutableFile(atPath:))
        && FileManager.default.fileExists(atPath: "/dev/net/tun")

    @Test(.enabled(if: runnable, "needs root, /dev/net/tun, iproute2, wireguard-go and wireguard-tools"))
    func aPingFromTheRouterCrossesTheTunnelGerbangConfigured() throws {
        let underlay = (server: "192.168.231.1", router: "192.168.231.2")
        let server = try TunnelServer(endpoint: underlay.server)
        let browser = try server.signedIn()
        let id = try server.addRouter(browser, name: "Behind NAT")
        try browser.get("/admin/routers/\(id)")
        let given = try browser.post("/admin/routers/\(id)/tunnel")
        try #require(given.status == 200)
        let commands = try #require(TunnelServer.commands(in: given.text))
        let routerKey = try #require(TunnelServer.quoted("private-key", in: commands))
        let serverPublicKey = try #require(TunnelServer.quoted("public-key", in: commands))
        let endpoint = try #require(TunnelServer.quoted("endpoint-address", in: commands))
        let port = try #require(TunnelServer.plain("endpoint-port", in: commands))
        let serverAddress = try #require(TunnelServer.plain("allowed-address", in: commands)?.split(separator: "/").first)
        let routerAddress = try #require(TunnelServer.plain("src-address", in: commands))
        let prefix = try #require(TunnelServer.plain("address", in: commands)?.split(separator: "/").last)

        let namespaces = try Namespaces()
        defer { namespaces.tearDown() }
        try namespaces.link(underlay)
        // The platform: wg-quick's own `strip` turns the peers file into what `wg setconf` takes.
        let stripped = try Namespaces.run("/usr/bin/wg-quick", ["strip", server.peersFile])
        let serverConfig = server.directory + "/server-wg.conf"
        try Namespaces.writePrivately(stripped, to: serverConfig)
        try namespaces.startWireGuard(
            in: namespaces.server, interface: "wgs", config: serverConfig,
            address: "\(serverAddress)/\(prefix)")
        // The router, from the commands an admin would paste.
        let routerConfig = server.directory + "/router-wg.conf"
        try Namespaces.writePrivately(
            """
            [Interface]
            PrivateKey = \(routerKey)

            [Peer]
            PublicKey = \(serverPublicKey)
            Endpoint = \(endpoint):\(port)
            AllowedIPs = \(serverAddress)/32
            PersistentKeepalive = 25

            """, to: routerConfig)
        try namespaces.startWireGuard(
            in: namespaces.router, interface: "wgr", config: routerConfig,
            address: "\(routerAddress)/\(prefix)")

        var answered = false
        for _ in 0..<5 where !answered {
            let (status, _) = try ChildProcess.run(
                "/usr/sbin/ip", ["netns", "exec", namespaces.router, "ping", "-c", "1", "-W", "2", String(serverAddress)])
            answered = status == 0
        }
        #expect(answered, "the platform's tunnel address did not answer through the tunnel")
        let handshake = try Namespaces.run("/usr/sbin/ip", ["netns", "exec", namespaces.server, "wg", "show", "wgs", "latest-handshakes"])
        let routerPublicKey = try #require(
            try TestDatabase.owner.query("select public_key from router_tunnels where nas_id = $1", id).first
        ).decode("public_key", as: String.self)
        #expect(handshake.contains(routerPublicKey))
    }
}

/// Two namespaces named for this run, and the wireguard-go processes in them; `tearDown` removes all,
/// whatever failed (deleting a namespace removes its veth end and tunnel interface).
private final class Namespaces {
    let server: String
    let router: String
    private var daemons: [ChildProcess] = []

    init() throws {
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        server = "gwg-s-\(suffix)"
        router = "gwg-r-\(suffix)"
        _ = try Self.run("/usr/sbin/ip", ["netns", "add", server])
        do {
            _ = try Self.run("/usr/sbin/ip", ["netns", "add", router])
        } catch {
            _ = try? ChildProcess.run("/usr/sbin/ip", ["netns", "del", server])
            throw error
        }
    }

    func link(_ addresses: (server: String, router: String)) throws {
        let serverEnd = "vs" + router.suffix(7)
        let routerEnd = "vr" + router.suffix(7)
        try Self.ip(["link", "add", serverEnd, "netns", server, "type", "veth", "peer", "name", routerEnd, "netns", router])
        for (namespace, end, address) in [(server, serverEnd, addresses.server), (router, routerEnd, addresses.router)] {
            try Self.ip(["-n", namespace, "link", "set", "lo", "up"])
            try Self.ip(["-n", namespace, "address", "add", address + "/24", "dev", end])
            try Self.ip(["-n", namespace, "link", "set", end, "up"])
        }
    }

    func startWireGuard(in namespace: String, interface: String, config: String, address: String) throws {
        let daemon = try ChildProcess(
            "/usr/sbin/ip", ["netns", "exec", namespace, "/usr/bin/wireguard-go", "-f", interface],
            environment: ["WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD": "1"])
        daemons.append(daemon)
        var up = false
        for _ in 0..<100 where !up {
            up = (try? Self.run("/usr/sbin/ip", ["-n", namespace, "link", "show", interface])) != nil
            if !up { usleep(50_000) }
        }
        try #require(up, "wireguard-go did not make \(interface): \(daemon.output)")
        _ = try Self.run("/usr/sbin/ip", ["netns", "exec", namespace, "wg", "setconf", interface, config])
        try Self.ip(["-n", namespace, "address", "add", address, "dev", interface])
        try Self.ip(["-n", namespace, "link", "set", interface, "up"])
    }

    func tearDown() {
        for daemon in daemons { daemon.stop() }
        for namespace in [server, router] { _ = try? ChildProcess.run("/usr/sbin/ip", ["netns", "del", namespace]) }
    }

    private static func ip(_ arguments: [String]) throws {
        _ = try run("/usr/sbin/ip", arguments)
    }

    /// The program's output; a failure is an error with that output.
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let (status, output) = try ChildProcess.run(path, arguments)
        guard status == 0 else {
            throw TestSupportError("\(path) \(arguments.joined(separator: " ")) failed (\(status)): \(output)")
        }
        return output
    }

    static func writePrivately(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw TestSupportError("cannot write \(path)") }
    }
}
