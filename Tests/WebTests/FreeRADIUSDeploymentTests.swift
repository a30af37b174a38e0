import Foundation
import TestSupport
import Testing

/// `deploy/freeradius/install.sh` with its production defaults (every address, every router network, port
/// 1812) gives a configuration FreeRADIUS itself accepts (`freeradius -C`); the tests' FreeRADIUS runs the
/// same files with loopback settings.
@Suite struct FreeRADIUSDeploymentTests {
    static let server = ["/usr/sbin/freeradius", "/usr/sbin/radiusd"].first(where: FileManager.default.isExecutableFile)

    @Test(.enabled(if: server != nil && FileManager.default.fileExists(atPath: "/etc/freeradius/3.0/radiusd.conf")))
    func theProductionConfigurationPassesFreeRADIUSsOwnCheck() throws {
        let directory = NSTemporaryDirectory() + "gerbang-raddb-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let copied = try ChildProcess.run("/bin/cp", ["-a", "/etc/freeradius/3.0", directory])
        try #require(copied.status == 0, "\(copied.output)")
        let conf = directory + "/radiusd.conf"
        let original = try String(contentsOfFile: conf, encoding: .utf8)
        try original.replacingOccurrences(of: "raddbdir = /etc/freeradius/3.0", with: "raddbdir = \(directory)")
            .write(toFile: conf, atomically: true, encoding: .utf8)

        let installed = try ChildProcess.run(GerbangProcess.repositoryRoot + "/deploy/freeradius/install.sh", [directory])
        try #require(installed.status == 0, "install.sh: \(installed.output)")
        let site = try String(contentsOfFile: directory + "/sites-enabled/gerbang", encoding: .utf8)
        #expect(site.contains("ipaddr = 0.0.0.0/0"))
        #expect(site.contains("port = 1812"))
        #expect(!site.contains("@"), "a placeholder was left unfilled")
        #expect(!FileManager.default.fileExists(atPath: directory + "/sites-enabled/default"))

        let checked = try ChildProcess.run(try #require(Self.server), ["-C", "-d", directory])
        #expect(checked.status == 0, "freeradius -C: \(checked.output)")
    }
}
