import Foundation

/// The committed seeds of one fuzz target (`Fuzz/corpus/<target>/`), replayed by the regression tests.
public enum FuzzSeeds {
    public static func directory(_ target: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/\(target)")
    }

    public static func names(_ target: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory(target).path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// For `@Test(arguments:)`; a missing corpus fails the test that counts the seeds instead.
    public static func namesOrEmpty(_ target: String) -> [String] {
        (try? names(target)) ?? []
    }

    public static func bytes(_ target: String, _ seed: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory(target).appendingPathComponent(seed)))
    }
}
