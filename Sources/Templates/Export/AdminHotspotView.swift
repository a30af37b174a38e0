/// `GET /admin/hotspot`: the files of the tenant's hotspot export, each downloadable on its own.
public struct AdminHotspotView: Sendable, Hashable {
    public struct File: Sendable, Hashable {
        public let name: String
        public let byteCount: Int

        public init(name: String, byteCount: Int) {
            self.name = name
            self.byteCount = byteCount
        }
    }

    public let files: [File]
    public let csrfToken: String

    public init(files: [File], csrfToken: String) {
        self.files = files
        self.csrfToken = csrfToken
    }
}
