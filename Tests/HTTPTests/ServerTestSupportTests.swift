import TestSupport
import Testing

@Suite("Test support")
struct ServerTestSupportTests {
    @Test func missingEnvironmentVariableFailsWithItsName() {
        #expect {
            _ = try TestEnvironment.require("GERBANG_SURELY_UNSET_\(UInt32.random(in: 0...UInt32.max))")
        } throws: { error in
            "\(error)".contains("GERBANG_SURELY_UNSET_") && "\(error)".contains("make test")
        }
    }

    @Test func presentEnvironmentVariableIsReturned() throws {
        #expect(try TestEnvironment.require("PATH").contains("/"))
    }
}
