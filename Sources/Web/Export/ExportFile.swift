/// One file of an export: a path relative to the export's directory (`login.html`, `en/pages/faq.html`)
/// and its bytes. The CLI writes these to disk; `/admin/hotspot` can serve one of them as a download.
public struct ExportFile: Sendable, Hashable {
    public let name: String
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}
