extension MediaType {
    /// The `Content-Type` to send for a file extension (without the dot, any case); text types
    /// carry `charset=utf-8` because every text file Gerbang serves is UTF-8.
    /// Unknown extensions are `application/octet-stream`, which browsers will not sniff into HTML
    /// when `X-Content-Type-Options: nosniff` is set.
    public static func forExtension(_ fileExtension: String) -> String {
        contentTypes[fileExtension.lowercased()] ?? "application/octet-stream"
    }

    /// The `Content-Type` for a file name or path, by its last extension.
    public static func forFileName(_ name: String) -> String {
        let last = name.split(separator: "/").last ?? ""
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "application/octet-stream" }
        return forExtension(String(last[last.index(after: dot)...]))
    }

    private static let contentTypes: [String: String] = [
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "map": "application/json; charset=utf-8",
        "webmanifest": "application/manifest+json; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "pdf": "application/pdf",
        "wasm": "application/wasm",
    ]
}
