import Foundation
import Templates
import Testing

@testable import Web

@Suite struct ExportTests {
    @Test func hotspotExportHasTheSevenRouterPagesAndItsInstructions() throws {
        let names = Set(HotspotExporter.files(for: try ExportFixtures.source()).map(\.name))
        for page in ["login", "alogin", "status", "logout", "error", "redirect", "rlogin"] {
            #expect(names.contains(page + ".html"))
        }
        #expect(names.isSuperset(of: ["hotspot.css", "hotspot.js", "README.txt", "walled-garden.rsc"]))
    }

    @Test func hostileBrandingStaysEscapedInEveryExportedPage() throws {
        let source = try ExportFixtures.source(name: ExportFixtures.hostileName)
        let pages = (HotspotExporter.files(for: source) + SiteExporter.files(for: source)).filter { $0.name.hasSuffix(".html") }
        #expect(pages.count == 7 + 12)
        for page in pages {
            let html = ExportFixtures.text(page)
            #expect(!html.contains("<script>alert"), "\(page.name) lets the tenant name's markup through")
            #expect(html.contains("&lt;script&gt;alert("), "\(page.name) does not show the tenant name")
        }
        let script = ExportFixtures.text(HotspotExporter.files(for: source).first { $0.name == "walled-garden.rsc" }!)
        #expect(!script.contains("alert"), "tenant text must never reach a RouterOS script")
    }

    @Test func hotspotPagesReferenceNoHostButTheStore() throws {
        let source = try ExportFixtures.source(logo: [0x89, 0x50, 0x4e, 0x47])
        let files = HotspotExporter.files(for: source)
        let names = Set(files.map(\.name))
        for file in files where file.name.hasSuffix(".html") || file.name.hasSuffix(".css") {
            for reference in ExportFixtures.references(in: ExportFixtures.text(file)) {
                if let host = ExportFixtures.host(of: reference) {
                    #expect(host == "wifi.example.id", "\(file.name) references \(reference)")
                } else if !reference.hasPrefix("$(") && !reference.hasPrefix("#") && !reference.hasPrefix("mailto:")
                    && !reference.hasPrefix("tel:")
                {
                    #expect(names.contains(reference), "\(file.name) references \(reference), which is not exported")
                }
            }
        }
        let login = ExportFixtures.text(files.first { $0.name == "login.html" }!)
        #expect(login.contains("<a class=\"button accent\" href=\"https://wifi.example.id/\">"))
        #expect(login.contains("src=\"logo.png\""))
    }

    @Test func loginPageWithItsAssetsStaysUnderTwentyKilobytes() throws {
        let largest = try ExportFixtures.source(
            name: String(repeating: "N", count: 120), logo: Array(repeating: 7, count: HotspotExporter.logoBudget))
        let files = HotspotExporter.files(for: largest)
        let loaded = files.filter { ["login.html", "hotspot.css", "hotspot.js", "logo.png"].contains($0.name) }
        #expect(loaded.count == 4)
        #expect(loaded.reduce(0) { $0 + $1.bytes.count } <= 20 * 1024)

        let tooBig = try ExportFixtures.source(logo: Array(repeating: 7, count: HotspotExporter.logoBudget + 1))
        let withoutLogo = HotspotExporter.files(for: tooBig)
        #expect(!withoutLogo.contains { $0.name == "logo.png" })
        #expect(ExportFixtures.text(withoutLogo.first { $0.name == "README.txt" }!).contains("logo"))
    }

    @Test func walledGardenOpensTheStoreAndTheGatewayCheckout() throws {
        func hosts(_ gateway: TenantExportSource.CheckoutGateway?) throws -> [String] {
            let script = ExportFixtures.text(
                HotspotExporter.files(for: try ExportFixtures.source(gateway: gateway)).first { $0.name == "walled-garden.rsc" }!)
            #expect(script.contains("/ip hotspot walled-garden\nremove [find comment=\"gerbang-netkita\"]"))
            return script.split(separator: "\n").filter { $0.hasPrefix("add dst-host=") }.map {
                String($0.dropFirst("add dst-host=".count).prefix { $0 != " " })
            }
        }
        #expect(try hosts(nil) == ["wifi.example.id"])
        #expect(try hosts(.init(provider: .sandbox, isSandbox: true)) == ["wifi.example.id"])
        #expect(
            try hosts(.init(provider: .midtrans, isSandbox: true)) == [
                "wifi.example.id", "app.sandbox.midtrans.com", "api.sandbox.midtrans.com", "*.midtrans.com",
            ])
        #expect(
            try hosts(.init(provider: .midtrans, isSandbox: false)) == [
                "wifi.example.id", "app.midtrans.com", "api.midtrans.com", "*.midtrans.com",
            ])
        #expect(try hosts(.init(provider: .xendit, isSandbox: false)) == ["wifi.example.id", "checkout.xendit.co", "*.xendit.co"])
    }

    @Test func isolationScriptSendsTheIsolationListsWebTrafficToTheIsolationPageAndLetsTheCheckoutThrough() throws {
        let source = try ExportFixtures.source(name: "Net \"Kita\"; /system reset", gateway: .init(provider: .midtrans, isSandbox: false))
        let script = IsolationScript.text(for: source)
        let lines = script.split(separator: "\n").map(String.init)
        let comment = #"comment="gerbang-isolation-netkita""#
        // The list RADIUS fills is the one the rules match.
        #expect(SubscriberRadiusGroups.isolationReplies.contains { $0 == ("Mikrotik-Address-List", "isolir") })
        #expect(lines.contains("/ip proxy set enabled=yes port=8080"))
        #expect(lines.contains(#"add action=deny redirect-to="wifi.example.id/isolated" "# + comment))
        #expect(
            lines.contains(
                "add chain=dstnat src-address-list=isolir dst-address-list=!gerbang-isolation-allowed protocol=tcp"
                    + " dst-port=80 action=redirect to-ports=8080 " + comment))
        let reachable = lines.filter { $0.hasPrefix("add list=gerbang-isolation-allowed address=") }.map {
            String($0.dropFirst("add list=gerbang-isolation-allowed address=".count).prefix { $0 != " " })
        }
        #expect(reachable == ["wifi.example.id", "app.midtrans.com", "api.midtrans.com"])
        #expect(lines.last == "add chain=forward src-address-list=isolir action=reject reject-with=icmp-admin-prohibited " + comment)
        // Running it again replaces what it added: every entry carries the comment its section removes first.
        #expect(lines.filter { $0 == #"remove [find comment="gerbang-isolation-netkita"]"# }.count == 4)
        #expect(lines.filter { $0.hasPrefix("add ") }.allSatisfy { $0.hasSuffix(comment) })
        #expect(!script.contains("/system reset"), "the tenant's name never reaches the script")
    }

    @Test func siteSnapshotLinksResolveToExportedFilesOrTheLiveStore() throws {
        let files = SiteExporter.files(for: try ExportFixtures.source(logo: [1, 2, 3]))
        let names = Set(files.map(\.name))
        #expect(
            names.isSuperset(of: [
                "index.html", "pages/faq.html", "en/index.html", "en/pages/terms.html", "site.css", "theme.css", "logo.png",
            ]))
        for file in files where file.name.hasSuffix(".html") {
            let html = ExportFixtures.text(file)
            let folder = URL(fileURLWithPath: "/snapshot/" + file.name).deletingLastPathComponent()
            for reference in ExportFixtures.references(in: html) {
                if let host = ExportFixtures.host(of: reference) {
                    #expect(["wifi.example.id", "wa.me"].contains(host), "\(file.name) references \(reference)")
                    continue
                }
                guard !reference.hasPrefix("#"), !reference.hasPrefix("mailto:") else { continue }
                #expect(!reference.hasPrefix("/"), "\(file.name) has a site-absolute link \(reference), broken on file://")
                let path = String(reference.prefix { $0 != "#" })
                let resolved = folder.appendingPathComponent(path).standardizedFileURL.path
                #expect(
                    resolved.hasPrefix("/snapshot/") && names.contains(String(resolved.dropFirst("/snapshot/".count))),
                    "\(file.name): \(reference) resolves to no exported file")
            }
        }
        let faq = ExportFixtures.text(files.first { $0.name == "en/pages/faq.html" }!)
        #expect(faq.contains("href=\"https://wifi.example.id/portal\""))
        #expect(faq.contains("href=\"terms.html\""))
        let home = ExportFixtures.text(files.first { $0.name == "index.html" }!)
        #expect(home.contains("href=\"https://wifi.example.id/vouchers/"))
        #expect(home.contains("href=\"en/index.html\""))
    }

    @Test func storeIsHTTPSExceptOnDevelopmentNames() {
        #expect(StoreLocation(primaryDomain: "wifi.example.id", slug: "a", baseDomain: "gerbang.id")?.origin == "https://wifi.example.id")
        #expect(StoreLocation(primaryDomain: nil, slug: "a", baseDomain: "gerbang.id")?.origin == "https://a.gerbang.id")
        #expect(StoreLocation(primaryDomain: nil, slug: "a", baseDomain: "localhost")?.origin == "http://a.localhost")
        #expect(StoreLocation(primaryDomain: "hotspot.alpha.test", slug: "a", baseDomain: "x")?.origin == "http://hotspot.alpha.test")
        #expect(StoreLocation(url: "http://demo.localhost:8080/x")?.url("/portal") == "http://demo.localhost:8080/portal")
        #expect(StoreLocation(url: "javascript:alert(1)") == nil)
        #expect(StoreLocation(primaryDomain: "evil.id\n/system reset", slug: "a", baseDomain: "x") == nil)
    }
}
