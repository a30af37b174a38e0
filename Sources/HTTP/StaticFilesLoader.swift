import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a directory tree into memory for `StaticFiles`, within limits.
///
/// Uses `lstat` and `open(O_NOFOLLOW)` so a symbolic link, even one swapped in while we read,
/// is never followed out of the root.
struct StaticFilesLoader {
    struct File {
        let relativePath: String
        let body: [UInt8]
    }

    let limits: StaticFiles.Limits
    private(set) var files: [String: File] = [:]
    private(set) var skipped: [String] = []
    private var totalBytes = 0

    init(limits: StaticFiles.Limits) {
        self.limits = limits
    }

    mutating func load(directory: String, relativePath: String, depth: Int) {
        guard depth <= limits.maxDepth,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return }
        for name in names.sorted() where !name.hasPrefix(".") && !name.contains("\\") {
            let path = directory + "/" + name
            let relative = relativePath.isEmpty ? name : relativePath + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                load(directory: path, relativePath: relative, depth: depth + 1)
            case S_IFREG:
                loadFile(at: path, relativePath: relative)
            default:
                continue
            }
        }
    }

    private mutating func loadFile(at path: String, relativePath: String) {
        guard files.count < limits.maxFiles else {
            skipped.append(relativePath)
            return
        }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            skipped.append(relativePath)
            return
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
        let size = Int(status.st_size)
        guard size <= limits.maxFileBytes, totalBytes + size <= limits.maxTotalBytes,
            let body = Self.readAll(descriptor, expected: size, limit: limits.maxFileBytes),
            totalBytes + body.count <= limits.maxTotalBytes
        else {
            skipped.append(relativePath)
            return
        }
        totalBytes += body.count
        files[relativePath] = File(relativePath: relativePath, body: body)
    }

    /// Reads to end of file; `nil` on error or when the file grew past `limit` while we read.
    private static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit { return nil }
        }
    }
}
