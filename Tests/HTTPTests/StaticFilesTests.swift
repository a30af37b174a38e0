import Foundation
import Testing

@testable import HTTP

/// Each test builds its own directory tree, so tests can run in parallel.
private struct AssetTree: ~Copyable {
    let base: String
    var root: String { base + "/public" }

    init() throws {
        base = FileManager.default.temporaryDirectory.path + "/gerbang-static-\(UUID().uuidString)"
        let files = [
            "public/css/app.css": "body{color:#123456}",
            "public/app.3f9a2b1c.js": "console.log(1)",
            "public/logo.svg": "<svg/>",
            "public/hello.txt": "hello",
            "public/my file.txt": "spaced",
            "public/.env": "SECRET=dotfile",
            "public/big.bin": String(repeating: "b", count: 2_000),
            "outside/secret.txt": "TOP SECRET",
        ]
        for (path, content) in files {
            let full = base + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link-out.txt", withDestinationPath: base + "/outside/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/linkdir", withDestinationPath: base + "/outside")
    }

    func files(limits: StaticFiles.Limits = StaticFiles.Limits(maxFileBytes: 1_024)) -> StaticFiles {
        StaticFiles(root: root, urlPrefix: "/assets/", limits: limits)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: base)
    }
}

@Suite struct StaticFilesTests {
    private static func get(_ files: StaticFiles, _ target: String, method: HTTPMethod = .GET, headers: [(String, String)] = [])
        -> HTTPResponse
    {
        files.respond(to: HTTPRequest(method: method, target: target, headers: HTTPHeaders(headers)))
    }

    @Test func loadsRegularFilesButNotDotFilesSymlinksOrOversizedFiles() throws {
        let tree = try AssetTree()
        let files = tree.files()
        #expect(files.paths == ["app.3f9a2b1c.js", "css/app.css", "hello.txt", "logo.svg", "my file.txt"])
        #expect(files.skipped == ["big.bin"])
    }

    @Test func servesContentWithTypeETagAndCacheControl() throws {
        let tree = try AssetTree()
        let files = tree.files()
        let css = Self.get(files, "/assets/css/app.css")
        #expect(css.status == .ok)
        #expect(css.body == Array("body{color:#123456}".utf8))
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(css.headers["Cache-Control"] == "public, max-age=3600")
        #expect(Self.get(files, "/assets/app.3f9a2b1c.js").headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(Self.get(files, "/assets/logo.svg").headers["Content-Type"] == "image/svg+xml; charset=utf-8")
        #expect(Self.get(files, "/assets/my%20file.txt").body == Array("spaced".utf8))
        // Size and FNV-1a 64 of "hello": the same value in every process, on every start.
        #expect(Self.get(files, "/assets/hello.txt").headers["ETag"] == "\"5-a430d84680aabd0b\"")
    }

    @Test func eTagIsStableAcrossLoadsAndChangesWithContent() throws {
        let tree = try AssetTree()
        let first = Self.get(tree.files(), "/assets/css/app.css").headers["ETag"]
        #expect(first != nil)
        #expect(Self.get(tree.files(), "/assets/css/app.css").headers["ETag"] == first)
        try Data("body{color:#654321}".utf8).write(to: URL(fileURLWithPath: tree.root + "/css/app.css"))
        #expect(Self.get(tree.files(), "/assets/css/app.css").headers["ETag"] != first)
    }

    @Test func ifNoneMatchGives304WithoutBody() throws {
        let tree = try AssetTree()
        let files = tree.files()
        let tag = try #require(Self.get(files, "/assets/hello.txt").headers["ETag"])
        for condition in [tag, "W/\(tag)", "\"other\", \(tag)", "\"a\",W/\(tag) ,\"b\"", "*"] {
            let response = Self.get(files, "/assets/hello.txt", headers: [("If-None-Match", condition)])
            #expect(response.status == .notModified, "\(condition)")
            #expect(response.body.isEmpty)
            #expect(response.headers["ETag"] == tag)
        }
        let changed = Self.get(files, "/assets/hello.txt", headers: [("If-None-Match", "\"5-0000\"")])
        #expect(changed.status == .ok)
        #expect(changed.body == Array("hello".utf8))
    }

    @Test func headHasHeadersButNoBody() throws {
        let tree = try AssetTree()
        let response = Self.get(tree.files(), "/assets/hello.txt", method: .HEAD)
        #expect(response.status == .ok)
        #expect(response.body.isEmpty)
        #expect(response.headers["Content-Length"] == "5")
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(response.headers["ETag"] != nil)
    }

    @Test func onlyGetAndHeadAreAllowed() throws {
        let tree = try AssetTree()
        let response = Self.get(tree.files(), "/assets/hello.txt", method: .POST)
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
    }

    @Test(arguments: [
        "/assets/../outside/secret.txt", "/assets/%2e%2e/outside/secret.txt", "/assets/%2E%2E%2Foutside%2Fsecret.txt",
        "/assets/css/..%2f..%2foutside/secret.txt", "/assets/css/../../outside/secret.txt", "/assets/..\\outside\\secret.txt",
        "/assets/..%5coutside%5csecret.txt", "/assets//etc/passwd", "/assets/%2fetc/passwd", "/assets/./hello.txt",
        "/assets/css//app.css", "/assets/link-out.txt", "/assets/linkdir/secret.txt", "/assets/.env", "/assets/",
        "/assets/hello.txt%00", "/assets/hello.txt%00.css", "/assets/nothing.css", "/other/hello.txt", "/assets",
    ])
    func pathsOutsideTheServedFilesAreNotFound(target: String) throws {
        let tree = try AssetTree()
        let response = Self.get(tree.files(), target)
        #expect(response.status == .notFound || response.status == .badRequest)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("SECRET"))
    }

    @Test(arguments: ["/assets/%zz", "/assets/%C0%AE%C0%AE/outside/secret.txt", "/assets/%%32%65%%32%65/x"])
    func malformedEscapesAreBadRequests(target: String) throws {
        let tree = try AssetTree()
        #expect(Self.get(tree.files(), target).status == .badRequest)
    }

    @Test(arguments: [
        "../outside/secret.txt", "/etc/passwd", "css/../css/app.css", "css\\app.css", "./hello.txt",
        "hello.txt\u{0}", "", "css/", "linkdir/secret.txt",
    ])
    func decodedPathsFromARouterAreCheckedToo(path: String) throws {
        let tree = try AssetTree()
        let response = tree.files().response(for: HTTPRequest(method: .GET, target: "/assets/x"), path: path)
        #expect(response.status == .notFound)
    }

    @Test func totalLimitSkipsFilesInsteadOfFailing() throws {
        let tree = try AssetTree()
        let files = tree.files(limits: StaticFiles.Limits(maxTotalBytes: 20, maxFileBytes: 1_024))
        #expect(files.paths.reduce(0) { $0 + (files.assets[$1]?.body.count ?? 0) } <= 20)
        #expect(!files.skipped.isEmpty)
    }

    @Test func missingRootServesNothing() {
        let files = StaticFiles(root: "/nonexistent-\(UUID().uuidString)")
        #expect(files.paths.isEmpty)
        #expect(files.respond(to: HTTPRequest(method: .GET, target: "/assets/x.css")).status == .notFound)
    }

    @Test func mediaTypesByExtension() {
        #expect(MediaType.forExtension("CSS") == "text/css; charset=utf-8")
        #expect(MediaType.forExtension("woff2") == "font/woff2")
        #expect(MediaType.forExtension("webmanifest") == "application/manifest+json; charset=utf-8")
        #expect(MediaType.forExtension("jpeg") == MediaType.forExtension("jpg"))
        #expect(MediaType.forExtension("exe") == "application/octet-stream")
        #expect(MediaType.forFileName("dir.css/noextension") == "application/octet-stream")
        #expect(MediaType.forFileName(".hidden") == "application/octet-stream")
    }
}
