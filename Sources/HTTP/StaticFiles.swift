/// Serves the files under one directory (`Public/`) from memory, under a URL prefix (`/assets/`).
///
/// Everything is read once at start-up: requests never touch the file system, so no request path,
/// however encoded, can reach a file outside the root. Loading is bounded (total and per file),
/// skips dot-files and never follows symbolic links.
public struct StaticFiles: Sendable, HTTPResponder {
    public struct Limits: Sendable, Equatable {
        public var maxTotalBytes: Int
        public var maxFileBytes: Int
        public var maxFiles: Int
        public var maxDepth: Int

        public init(
            maxTotalBytes: Int = 32 * 1024 * 1024, maxFileBytes: Int = 8 * 1024 * 1024, maxFiles: Int = 10_000,
            maxDepth: Int = 16
        ) {
            self.maxTotalBytes = maxTotalBytes
            self.maxFileBytes = maxFileBytes
            self.maxFiles = maxFiles
            self.maxDepth = maxDepth
        }

        public static let `default` = Limits()
    }

    struct Asset: Sendable {
        let body: [UInt8]
        let contentType: String
        let entityTag: String
        let cacheControl: String
    }

    public let urlPrefix: String
    let assets: [String: Asset]
    /// Relative paths of files left out because of a limit or a read error, for a start-up log line.
    public let skipped: [String]

    /// Loads every regular file under `root`. A missing root gives an empty set, not a crash, so a
    /// deployment without `Public/` still starts (and says so through `paths`).
    public init(root: String, urlPrefix: String = "/assets/", limits: Limits = .default) {
        precondition(urlPrefix.hasPrefix("/") && urlPrefix.hasSuffix("/"), "urlPrefix must start and end with /")
        var loader = StaticFilesLoader(limits: limits)
        loader.load(directory: root, relativePath: "", depth: 0)
        self.urlPrefix = urlPrefix
        self.skipped = loader.skipped
        self.assets = loader.files.mapValues { file in
            Asset(
                body: file.body, contentType: MediaType.forFileName(file.relativePath),
                entityTag: Self.entityTag(for: file.body), cacheControl: Self.cacheControl(for: file.relativePath))
        }
    }

    /// The relative paths served, sorted.
    public var paths: [String] { assets.keys.sorted() }

    /// Answers a request whose raw path starts with `urlPrefix`; anything else is a 404, and a
    /// malformed percent-escape a 400.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.path.hasPrefix(urlPrefix) else { return Self.status(.notFound) }
        let rawRelative = request.path.utf8.dropFirst(urlPrefix.utf8.count)
        var segments: [String] = []
        for raw in rawRelative.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let segment = try? PercentDecoding.decode(raw, mode: .pathSegment) else {
                return Self.status(.badRequest)
            }
            // A decoded `/` would smuggle a second segment past the checks in `response(for:path:)`.
            guard !segment.contains("/") else { return Self.status(.notFound) }
            segments.append(segment)
        }
        return response(for: request, path: segments.joined(separator: "/"))
    }

    /// Answers for `path`, already percent-decoded and relative to the root (`css/app.css`), as a
    /// router's `{path...}` catch-all captures it.
    public func response(for request: HTTPRequest, path: String) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.status(.methodNotAllowed)
            response.headers.set("Allow", "GET, HEAD")
            return response
        }
        guard Self.isSafeRelativePath(path), let asset = assets[path] else { return Self.status(.notFound) }
        var headers = HTTPHeaders()
        headers.set("ETag", asset.entityTag)
        headers.set("Cache-Control", asset.cacheControl)
        if request.ifNoneMatch(asset.entityTag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        headers.set("Content-Type", asset.contentType)
        if request.method == .HEAD {
            // Without a body the server cannot count it, so the length a GET would have is stated here.
            headers.set("Content-Length", String(asset.body.count))
            return HTTPResponse(status: .ok, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: asset.body)
    }

    /// Refuses, before any lookup, everything that could mean "elsewhere": empty, `.` and `..`
    /// segments, absolute paths, backslashes and NUL.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".."
        }
    }

    private static func status(_ status: HTTPStatus) -> HTTPResponse {
        HTTPResponse.text(status.reason, status: status)
    }
}
