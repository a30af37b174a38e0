// swift-tools-version:6.0
import PackageDescription

// Release builds optimise across the modules: the HTTP server's router and the caches are generic, and
// without their bodies visible to `Web` every request asked the runtime for generic metadata (a tenth of
// the home page's CPU in `perf`). Measured with wrk on the home page: 15–45 % more requests a second.
let optimised: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Gerbang",
    products: [
        .executable(name: "gerbang", targets: ["gerbang"])
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "CSystem"),
        .target(name: "HTTP", dependencies: ["CSystem"], swiftSettings: optimised),
        .target(name: "Postgres", dependencies: ["CLibPQ"], swiftSettings: optimised),
        .target(name: "Templates", dependencies: ["CCMark"], swiftSettings: optimised),
        .target(name: "Web", dependencies: ["HTTP", "Postgres", "Templates"], swiftSettings: optimised),
        .executableTarget(name: "gerbang", dependencies: ["Web"], swiftSettings: optimised),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "TestSupport"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTP", "Postgres", "Templates", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
