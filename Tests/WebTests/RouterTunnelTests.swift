import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@testable import Web

/// A router behind carrier NAT given a WireGuard tunnel from its page: the platform allocates its
/// address, makes its keys with `wg`, shows the RouterOS commands (the private key once), moves RADIUS and
/// Disconnect to the tunnel address, and keeps the server's peers file; removing it undoes all of that.
@Suite(.serialized) struct RouterTunnelTests {
    @Test func aTunnelMovesTheRouterToItsAddressShowsTheKeyOnceAndIsRemoved() throws {
        let server = try TunnelServer()
        let browser = try server.signedIn()
        // `$` and `?` mean something to RouterOS inside quotes: the commands must escape them.
        let id = try server.addRouter(browser, name: "Warung", secret: "pa$word?42")
        let ownAddress = try server.nasAddress(id)
        let page = try browser.get("/admin/routers/\(id)")
        #expect(page.text.contains("Give this router a tunnel"))

        let given = try browser.post("/admin/routers/\(id)/tunnel")
        #expect(given.status == 200)
        let commands = try #require(TunnelServer.commands(in: given.text))
        let tunnelAddress = server.address(2)
        #expect(try server.nasAddress(id) == tunnelAddress)
        let privateKey = try #require(TunnelServer.quoted("private-key", in: commands))
        let stored = try #require(
            try TestDatabase.owner.query("select public_key, own_address from router_tunnels where nas_id = $1", id).first)
        let publicKey = try stored.decode("public_key", as: String.self)
        #expect(try TunnelServer.publicKey(of: privateKey) == publicKey)
        #expect(try stored.decode("own_address", as: String.self) == ownAddress)
        let serverKey = try String(contentsOfFile: server.keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let serverPublicKey = try TunnelServer.publicKey(of: serverKey)
        #expect(TunnelServer.quoted("public-key", in: commands) == serverPublicKey)
        #expect(commands.contains("/interface wireguard add name=gerbang listen-port=13231"))
        #expect(commands.contains("endpoint-address=\"vpn.example.net\" endpoint-port=51820"))
        #expect(commands.contains("allowed-address=\(server.address(1))/32 persistent-keepalive=25s"))
        #expect(commands.contains("/ip address add address=\(tunnelAddress)/24 interface=gerbang"))
        #expect(
            commands.contains(
                "/radius add address=\(server.address(1)) secret=\"pa\\$word\\?42\" service=ppp,hotspot src-address=\(tunnelAddress)"))
        #expect(commands.contains("/radius incoming set accept=yes port=3799"))

        // The private key is in no table and no later page.
        let leaks = try TestDatabase.owner.query(
            """
            select (select count(*) from audit_log a
                    where a.tenant_id = $1 and strpos(coalesce(a.before::text, '') || coalesce(a.after::text, ''), $2) > 0)
                + (select count(*) from router_tunnels t where strpos(t::text, $2) > 0)
                + (select count(*) from nas n where strpos(n::text, $2) > 0) as n
            """, server.admin.tenantID, privateKey)
        #expect(try leaks.first!.decode("n", as: Int.self) == 0)
        let again = try browser.get("/admin/routers/\(id)")
        #expect(!again.text.contains(privateKey))
        #expect(again.text.contains(tunnelAddress))
        #expect(again.text.contains(#"name="address" value="\#(ownAddress)""#))

        let peers = try String(contentsOfFile: server.peersFile, encoding: .utf8)
        #expect(peers.contains("[Interface]\nAddress = \(server.address(1))/24\nListenPort = 51820\nPrivateKey = \(serverKey)"))
        #expect(peers.contains("[Peer]\n# router \(id)\nPublicKey = \(publicKey)\nAllowedIPs = \(tunnelAddress)/32"))
        let mode = try FileManager.default.attributesOfItem(atPath: server.peersFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // The router's own address can change while it is tunnelled: RADIUS keeps the tunnel address.
        let moved = AdminRoutersTests.freeAddress()
        let edited = try browser.post(
            "/admin/routers/\(id)",
            ["name": "Warung", "identifier": "", "address": moved, "secret": "", "kind": "hotspot", "coa_port": "3799"])
        #expect(edited.status == 303)
        #expect(try server.nasAddress(id) == tunnelAddress)

        try browser.get("/admin/routers/\(id)")
        let removed = try browser.post("/admin/routers/\(id)/tunnel/delete")
        #expect(removed.status == 303)
        #expect(try server.nasAddress(id) == moved)
        let after = try String(contentsOfFile: server.peersFile, encoding: .utf8)
        #expect(!after.contains(publicKey))
        #expect(after.contains("PrivateKey = \(serverKey)"))
        let actions = try TestDatabase.owner.query(
            "select action from audit_log where tenant_id = $1 and action like 'router.tunnel.%' order by id",
            server.admin.tenantID
        ).map { try $0.decode("action", as: String.self) }
        #expect(actions == ["router.tunnel.create", "router.tunnel.delete"])
    }

    @Test func concurrentRoutersGetDistinctAddressesUntilThePoolIsUsedUp() throws {
        // A /29: the network, the server and the broadcast address leave five for routers.
        let server = try TunnelServer(prefixLength: 29)
        let browser = try server.signedIn()
        let ids = try (1...6).map { try server.addRouter(browser, name: "R\($0)") }
        // Each thread gets its own browser, made from a signed-in one's cookies and form token.
        let sessions = try ids.map { id in
            let own = try server.signedIn()
            try own.get("/admin/routers/\(id)")
            return (cookies: own.cookies, csrf: own.csrf)
        }
        let (host, application) = (server.admin.host, server.application)
        let statuses = Mutex([Int: Int]())
        DispatchQueue.concurrentPerform(iterations: 5) { index in
            let own = PortalBrowser(server: application, host: host)
            own.cookies = sessions[index].cookies
            own.csrf = sessions[index].csrf
            let status = (try? own.post("/admin/routers/\(ids[index])/tunnel").status) ?? 0
            statuses.withLock { $0[index] = status }
        }
        #expect(statuses.withLock { $0.values.sorted() } == [200, 200, 200, 200, 200])
        let addresses = try ids.prefix(5).map(server.nasAddress)
        #expect(Set(addresses) == Set((2...6).map(server.address)))

        try browser.get("/admin/routers/\(ids[5])")
        let refused = try browser.post("/admin/routers/\(ids[5])/tunnel")
        #expect(refused.status == 409)
        #expect(refused.text.contains("No tunnel address is free"))
        #expect(try TestDatabase.owner.query("select 1 from router_tunnels where nas_id = $1", ids[5]).isEmpty)
    }

    @Test func anAddressOfThePoolARouterAlreadyHasIsPassedOver() throws {
        let server = try TunnelServer()
        let browser = try server.signedIn()
        let squatter = try server.addRouter(browser, name: "Typed in the pool")
        try TestDatabase.owner.query("update nas set nasname = $1 where id = $2", server.address(2), squatter)
        let id = try server.addRouter(browser, name: "Tunnelled")
        try browser.get("/admin/routers/\(id)")
        #expect(try browser.post("/admin/routers/\(id)/tunnel").status == 200)
        #expect(try server.nasAddress(id) == server.address(3))
    }

    @Test func anotherTenantsRouterCannotBeGivenOrRelievedOfATunnel() throws {
        let server = try TunnelServer()
        let id = try server.addRouter(try server.signedIn(), name: "Theirs")
        let other = try AdminFixtures.signedIn(try AdminFixtures.tenantWithAdmin(), server: server.application)
        try other.get("/admin/routers")
        #expect(try other.post("/admin/routers/\(id)/tunnel").status == 404)
        #expect(try other.post("/admin/routers/\(id)/tunnel/delete").status == 404)
        #expect(try TestDatabase.owner.query("select 1 from router_tunnels where nas_id = $1", id).isEmpty)
    }

    @Test func aServerWithoutAWireGuardNetworkOffersNoTunnel() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/routers/new")
        #expect(
            try browser.post(
                "/admin/routers/new",
                [
                    "name": "Plain", "address": AdminRoutersTests.freeAddress(), "secret": "s3cret-Router-42", "kind": "hotspot",
                    "coa_port": "3799",
                ]
            ).status == 303)
        let id = try TestDatabase.owner.query("select id from nas where tenant_id = $1", admin.tenantID).first!
            .decode("id", as: Int.self)
        #expect(try browser.get("/admin/routers/\(id)").text.contains("Tunnels are not set up on this platform"))
        #expect(try browser.post("/admin/routers/\(id)/tunnel").status == 404)
    }

    @Test(arguments: [
        (["WIREGUARD_NETWORK": "10.66.0.0/8", "WIREGUARD_ENDPOINT": "vpn.example.com"], "WIREGUARD_NETWORK=10.66.0.0/8 is not"),
        (["WIREGUARD_NETWORK": "10.66.0.0"], "WIREGUARD_NETWORK=10.66.0.0 is not"),
        (["WIREGUARD_NETWORK": "10.66.0.0/16"], "WIREGUARD_ENDPOINT must be"),
        (["WIREGUARD_NETWORK": "10.66.0.0/16", "WIREGUARD_ENDPOINT": "vpn example"], "WIREGUARD_ENDPOINT must be"),
        (
            ["WIREGUARD_NETWORK": "10.66.0.0/16", "WIREGUARD_ENDPOINT": "vpn.example.com", "WIREGUARD_PRIVATE_KEY": "nope"],
            "WIREGUARD_PRIVATE_KEY is not"
        ),
    ])
    func aBadTunnelSettingStopsTheStartNamingIt(environment: [String: String], problem: String) {
        do {
            _ = try AppConfig(environment: environment.merging(["DATABASE_URL": "postgresql://a@127.0.0.1/b"]) { $1 })
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.problems.contains { $0.hasPrefix(problem) }, "\(error.problems)")
        }
    }

    @Test func theTunnelNetworkIsMaskedAndThePlatformIsItsFirstHost() throws {
        let config = try AppConfig(environment: [
            "DATABASE_URL": "postgresql://a@127.0.0.1/b", "WIREGUARD_NETWORK": "10.66.3.9/16",
            "WIREGUARD_ENDPOINT": "VPN.Example.com",
        ])
        let settings = try #require(config.wireGuard)
        #expect(settings.networkText == "10.66.0.0/16")
        #expect(settings.serverAddress == "10.66.0.1")
        #expect(settings.endpointHost == "vpn.example.com")
        #expect(settings.port == 51820)
        #expect(try AppConfig(environment: ["DATABASE_URL": "postgresql://a@127.0.0.1/b"]).wireGuard == nil)
    }

    @Test(arguments: [
        ("plain-Key+/=", "\"plain-Key+/=\""),
        ("a$b", "\"a\\$b\""),
        ("why?", "\"why\\?\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("line\nbreak; /system reboot", "\"line\\0Abreak; /system reboot\""),
        ("café", "\"caf\\C3\\A9\""),
    ])
    func routerOSStringsEscapeWhatRouterOSWouldRead(value: String, quoted: String) {
        #expect(RouterOSString.quoted(value) == quoted)
    }
}
