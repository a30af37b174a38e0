import Foundation
import HTTP
import Postgres
import Templates

/// `GET /admin/hotspot` and `GET /admin/hotspot/{file}`: the same MikroTik login pages as
/// `gerbang export hotspot`, for the signed-in admin's own tenant, one file at a time. Only names the
/// exporter produced are served, so the path parameter never reaches the file system.
struct AdminHotspotController: Sendable {
    let loader: ExportSourceLoader

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/hotspot") { request, admin, _ in
            let files = try exportedFiles(request, admin.context)
            let view = AdminHotspotView(
                files: files.map { .init(name: $0.name, byteCount: $0.bytes.count) }, csrfToken: admin.session.csrfSecret)
            return .page(AdminHotspotPage(chrome: admin.context.chrome, view: view))
        }
        router.get("/admin/hotspot/{file}") { request, admin, parameters in
            let name = try parameters.require("file")
            guard let file = try exportedFiles(request, admin.context).first(where: { $0.name == name }) else {
                throw HTTPError(.notFound)
            }
            return Self.download(file)
        }
    }

    /// The export links to the tenant's primary verified domain, else to the site as the admin reached it.
    private func exportedFiles(_ request: HTTPRequest, _ context: TenantContext) throws -> [ExportFile] {
        let tenant = context.tenant
        let store: StoreLocation?
        if let domain = try loader.primaryDomain(of: tenant) {
            store = StoreLocation(primaryDomain: domain, slug: tenant.slug, baseDomain: loader.baseDomain)
        } else {
            store = request.host.flatMap { StoreLocation(url: (request.isSecure ? "https://" : "http://") + $0) }
        }
        guard let store else { throw HTTPError(.badRequest) }
        return HotspotExporter.files(for: try loader.source(for: tenant, store: store))
    }

    private static func download(_ file: ExportFile) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", contentType(of: file.name))
        headers.set("Content-Disposition", "attachment; filename=\"\(file.name)\"")
        return HTTPResponse(headers: headers, body: file.bytes)
    }

    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "application/javascript; charset=utf-8"
        case "txt", "rsc": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "gif": "image/gif"
        default: "application/octet-stream"
        }
    }
}
