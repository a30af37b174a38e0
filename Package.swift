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
        .target(name: "HTTP"),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "Templates", dependencies: ["CCMark"]),
        .target(name: "Web", dependencies: ["HTTP", "Postgres", "Templates"]),
        .executableTarget(name: "gerbang", dependencies: ["Web"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTP", "Postgres", "Templates"]),
    ],
    swiftLanguageModes: [.v6]
)
