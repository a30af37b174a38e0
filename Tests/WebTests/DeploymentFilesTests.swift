import Foundation
import TestSupport
import Testing

@testable import Web

#if canImport(Glibc)
    import Glibc
#endif

/// The files in `deploy/` are checked by the tools that will read them, where those tools are installed,
/// and against the application's own numbers and names, so they cannot drift apart unnoticed.
@Suite struct DeploymentFilesTests {
    static let deploy = GerbangProcess.repositoryRoot + "/deploy"

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: deploy + "/" + path, encoding: .utf8)
    }

    @Test(.enabled(if: NginxProxy.executablePath != nil))
    func theNginxSitePassesNginxsOwnConfigurationTest() throws {
        let directory = NSTemporaryDirectory() + "gerbang-nginx-t-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory + "/snippets", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/cache", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The site as installed: the snippet beside it, the cache in a folder this test may create.
        let site = try Self.read("nginx/gerbang.conf").replacingOccurrences(of: "/var/cache/nginx/", with: directory + "/cache/")
        try site.write(toFile: directory + "/gerbang.conf", atomically: true, encoding: .utf8)
        try Self.read("nginx/gerbang-proxy.conf")
            .write(toFile: directory + "/snippets/gerbang-proxy.conf", atomically: true, encoding: .utf8)
        let main = """
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log;
            events {}
            http { include \(directory)/gerbang.conf; }
            """
        try main.write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
        let result = try ChildProcess.run(
            NginxProxy.executablePath!, ["-t", "-q", "-p", directory, "-c", directory + "/nginx.conf"])
        #expect(result.status == 0, "nginx -t: \(result.output)")
    }

    @Test func theNginxSiteAcceptsTheLargestBodyAndForwardsWhatGerbangBelieves() throws {
        let site = try Self.read("nginx/gerbang.conf")
        let proxy = try Self.read("nginx/gerbang-proxy.conf")
        let largest =
            [
                RouteRules.defaultBodyBytes, AdminBrandingController.bodyLimit, WebhookController.bodyLimit,
                SubscriberImportController.bodyLimit,
            ].max() ?? 0
        let megabytes = (largest + 1024 * 1024 - 1) / (1024 * 1024)
        #expect(site.contains("client_max_body_size \(megabytes)m;"))
        for line in [
            "proxy_set_header Host $host;", "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "proxy_set_header X-Forwarded-Proto $scheme;", "proxy_next_upstream error timeout;",
        ] {
            #expect(proxy.contains(line), "\(line) is missing")
        }
        #expect(!proxy.contains("non_idempotent"), "a POST must never be retried on a second instance")
    }

    @Test func theCaddyfileAsksGerbangsDomainCheckBeforeIssuingACertificate() throws {
        let caddyfile = try Self.read("caddy/Caddyfile")
        #expect(caddyfile.contains("ask http://127.0.0.1:8080" + DomainCheckController.path))
        #expect(caddyfile.contains("on_demand"))
        #expect(caddyfile.contains("127.0.0.1:8080"), "the asked instance is one of the upstreams")
    }

    @Test func theExampleEnvironmentNamesEveryVariableOfTheConfigurationTable() throws {
        let manual = try String(contentsOfFile: GerbangProcess.repositoryRoot + "/docs/OPERATIONS.md", encoding: .utf8)
        let example = try Self.read("gerbang.env.example")
        let table =
            manual.components(separatedBy: "## Configuration").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        var names: [String] = []
        for line in table.split(separator: "\n") where line.hasPrefix("| `") {
            let firstCell = line.split(separator: "|").first ?? ""
            let regex = try Regex(#"`([A-Z][A-Z0-9_]+)`"#)
            names += firstCell.matches(of: regex).map { String(firstCell[$0.range].dropFirst().dropLast()) }
        }
        #expect(names.count >= 10, "the configuration table of docs/OPERATIONS.md was not found")
        for name in names {
            #expect(example.contains("\(name)="), "\(name) is missing from deploy/gerbang.env.example")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func theSystemdUnitPassesSystemdAnalyzeVerify() throws {
        let directory = NSTemporaryDirectory() + "gerbang-unit-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unit = try Self.read("systemd/gerbang@.service")
        #expect(unit.contains("NoNewPrivileges=yes") && unit.contains("ProtectSystem=strict"))
        #expect(unit.contains("Restart=always") && unit.contains("StartLimitIntervalSec=0"), "a supervisor is never given up")
        #expect(unit.contains("ExecReload=/bin/kill -HUP $MAINPID") && unit.contains("KillMode=mixed"))
        #expect(unit.contains("EnvironmentFile=/etc/gerbang/gerbang.env") && unit.contains("GERBANG_ENV_FILE=/etc/gerbang/gerbang.env"))
        // An instance of the template, with a binary that exists on this machine.
        let path = directory + "/gerbang@8080.service"
        try unit.replacingOccurrences(of: "/opt/gerbang/bin/gerbang", with: "/bin/true")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ChildProcess.run("/usr/bin/systemd-analyze", ["verify", path])
        let ours = result.output.split(separator: "\n").filter { $0.contains("gerbang@") }
        #expect(result.status == 0 && ours.isEmpty, "systemd-analyze verify: \(result.output)")
    }
}
