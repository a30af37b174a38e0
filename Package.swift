// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gerbang",
    products: [
        .executable(name: "gerbang", targets: ["gerbang"])
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "CSystem"),
        .target(name: "HTTP", dependencies: ["CSystem"]),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "Templates", dependencies: ["CCMark"]),
        .target(name: "Web", dependencies: ["HTTP", "Postgres", "Templates"]),
        .executableTarget(name: "gerbang", dependencies: ["Web"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "TestSupport"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTP", "Postgres", "Templates", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
