import Foundation
import Postgres

/// `gerbang export hotspot|site|isolation --tenant <slug> --out <dir> [--store-url <url>]`.
enum ExportCommand {
    static let usage = """
        usage: gerbang export hotspot|site|isolation --tenant <slug> --out <dir> [--store-url <url>]
          hotspot    MikroTik hotspot pages (login.html …), hotspot.css/js, README.txt, walled-garden.rsc
          site       static snapshot: index.html, pages/<slug>.html, <lang>/…, site.css, theme.css, logo
          isolation  isolation.rsc: MikroTik rules that send isolated subscribers' web traffic to /isolated
          --store-url  the live store (default: the primary verified domain, else <slug>.BASE_DOMAIN)
        """

    static func run(_ arguments: [String], config: AppConfig) throws -> String {
        guard let kind = arguments.first, ["hotspot", "site", "isolation"].contains(kind) else { throw ExportError(usage) }
        var options: [String: String] = [:]
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard ["--tenant", "--out", "--store-url"].contains(flag), let value = rest.popFirst() else {
                throw ExportError("unexpected argument '\(flag)'\n\(usage)")
            }
            options[flag] = value
        }
        guard let slug = options["--tenant"], let directory = options["--out"] else { throw ExportError(usage) }

        var databaseConfiguration = try PostgresConfiguration(url: config.migrationDatabaseURL)
        databaseConfiguration.poolSize = 1
        let loader = ExportSourceLoader(
            database: PostgresPool(configuration: databaseConfiguration), secrets: try config.requireSecretsKey(),
            defaults: try DefaultContent(directory: config.contentDirectory), baseDomain: config.baseDomain,
            siteStylesheetPath: config.publicDirectory + "/css/site.css",
            platformSendsWhatsApp: config.whatsApp.hasPlatformSender)
        let source = try loader.source(slug: slug, storeURL: options["--store-url"])
        let files =
            switch kind {
            case "hotspot": HotspotExporter.files(for: source)
            case "isolation": [ExportFile(name: "isolation.rsc", text: IsolationScript.text(for: source))]
            default: SiteExporter.files(for: source)
            }
        try write(files, to: directory)
        return "gerbang: wrote \(files.count) files to \(directory) (store \(source.store.origin))"
    }

    /// Writes every file under `directory`, creating folders. Names come from the exporters, never from
    /// data, but a name that climbs out of the directory is refused all the same.
    static func write(_ files: [ExportFile], to directory: String) throws {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        for file in files {
            let parts = file.name.split(separator: "/")
            guard !file.name.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
                throw ExportError("refusing to write \(file.name)")
            }
            let target = root.appendingPathComponent(file.name)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: target, options: .atomic)
        }
    }
}
