import Foundation

/// Settings that the test run must provide, such as the `DATABASE_URL` exported by `make test`.
public enum TestEnvironment {
    /// The variable's value; a missing or empty variable throws, so the test fails saying what to set.
    public static func require(_ name: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw TestSupportError(
                "environment variable \(name) is not set: run the tests with `make test`, or start a cluster with "
                    + "`eval \"$(scripts/pg.sh start /tmp/pg | sed 's/^/export /')\"` first")
        }
        return value
    }
}
