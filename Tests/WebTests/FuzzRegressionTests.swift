import Foundation
import TestSupport
import Testing

@testable import Web

/// Replays the committed host-name fuzz seeds (`Fuzz/corpus/host-name/`) through the invariants the
/// libFuzzer harness checks, and keeps what the harness found as named regressions.
@Suite struct FuzzRegressionTests {
    @Test func hostNameCorpusHasItsSeeds() throws {
        #expect(try FuzzSeeds.names("host-name").count >= 10, "Fuzz/corpus/host-name is missing or nearly empty")
    }

    @Test(arguments: FuzzSeeds.namesOrEmpty("host-name"))
    func hostNameSeedKeepsEveryInvariant(seed: String) throws {
        #expect(HostNameInvariants.violations(in: try FuzzSeeds.bytes("host-name", seed)) == [])
    }

    @Test(arguments: ["\u{212A}.localhost", "ex\u{212A}ample.com", "\u{130}.localhost", "shop.localhost\u{301}"])
    func hostThatIsNotASCIIIsRefused(host: String) {
        // Unicode lower-casing folded the Kelvin sign into "k", so "\u{212A}.localhost" named tenant "k".
        #expect(HostName.normalise(host) == nil)
    }

    @Test func everyLeadingWWWIsStrippedSoNormalisingTwiceChangesNothing() throws {
        let once = try #require(HostName.normalise("WWW.www.Example.com.:8443"))
        #expect(once.name == "example.com" && once.port == 8443)
        #expect(HostName.normalise(once.name)?.name == "example.com")
        #expect(HostName.normalise("www.1.2.3.4")?.isIPAddress == true)
    }

    @Test func bracketedHostMustLookLikeAnIPv6Address() {
        #expect(HostName.normalise("[::1]:8080")?.name == "[::1]")
        #expect(HostName.normalise("[" + String(repeating: "d", count: 46) + "]") == nil)
        #expect(HostName.normalise("[abc]") == nil)
        #expect(HostName.normalise("[]") == nil)
    }
}
