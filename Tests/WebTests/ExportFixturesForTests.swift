import Foundation
import Templates

@testable import Web

/// A tenant export source built in memory, so exporter tests need no database.
enum ExportFixtures {
    static let hostileName = "<script>alert(\"x\")</script> O'Net \"Wifi\""

    static func source(
        name: String = "Net Kita", language: Language = .id, store: String = "https://wifi.example.id",
        gateway: TenantExportSource.CheckoutGateway? = nil, logo: [UInt8]? = nil
    ) throws -> TenantExportSource {
        let branding = Branding(
            displayName: name, tagline: name + " tagline", primaryColor: BrandColor("#123456")!,
            accentColor: BrandColor("#fedcba")!, logo: logo.map { .init(bytes: $0, contentType: "image/png", sha256: "x") },
            contactWhatsApp: "0812-3456-7890", contactEmail: "cs@example.id", address: name + " street",
            footerText: name, defaultLanguage: language, timeZone: "Asia/Jakarta", hotspotLoginURL: "", version: 3)
        let defaults = try DefaultContent(directory: repositoryRoot + "/content")
        let pages = Language.allCases.flatMap { language in DefaultContent.slugs.compactMap { defaults.page($0, in: language) } }
        let package = VoucherProfile(
            id: UUID(), name: name + " 1 day", description: "", price: 5000, validityMinutes: 1440, dataQuotaMB: nil,
            downloadKbps: 5000, uploadKbps: 1000, sharedUsers: 1, radiusGroup: "day", codeLength: 8, isOnSale: true, sort: 0)
        let stylesheet = FileManager.default.contents(atPath: repositoryRoot + "/Public/css/site.css") ?? Data()
        return TenantExportSource(
            slug: "netkita", branding: branding, store: StoreLocation(url: store)!, gateway: gateway, packages: [package],
            pages: pages, siteStylesheet: [UInt8](stylesheet), sendsWhatsApp: true)
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func text(_ file: ExportFile) -> String { String(decoding: file.bytes, as: UTF8.self) }

    /// Every URL in `src`, `href`, `action`, `content="…; url="` and CSS `url(…)`.
    static func references(in text: String) -> [String] {
        let patterns = [#"(?:src|href|action)="([^"]*)""#, #"url=([^"]*)""#, #"url\(\s*['"]?([^'")]*)"#]
        return patterns.flatMap { pattern -> [String] in
            let expression = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            return expression.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
        }
    }

    /// The host of an absolute or scheme-relative URL; nil for relative links, fragments, mailto: and tel:.
    static func host(of reference: String) -> String? {
        guard reference.hasPrefix("//") || reference.contains("://") else { return nil }
        return URLComponents(string: reference.hasPrefix("//") ? "http:" + reference : reference)?.host
    }
}
