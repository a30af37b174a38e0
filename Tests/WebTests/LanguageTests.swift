import Foundation
import TestSupport
import Testing

@testable import Templates
@testable import Web

@Suite struct LanguageTests {
    let host: String

    init() throws {
        host = "\(try TestDatabase.createTenant(name: "Lang ISP", branding: .init(displayName: "Lang ISP", locale: "id")).slug).localhost"
    }

    @Test func theTenantDefaultApplesWithoutOtherHints() throws {
        let page = try SharedServer.get("/", host: host).text
        #expect(page.contains(#"<html lang="id">"#))
        #expect(page.contains("Beli voucher hotspot"))
    }

    @Test func acceptLanguageBeatsTheTenantDefault() throws {
        let page = try SharedServer.get("/", host: host, headers: [("Accept-Language", "en-GB,en;q=0.9,id;q=0.5")]).text
        #expect(page.contains(#"<html lang="en">"#))
        #expect(page.contains("Buy a hotspot voucher"))
        let indonesian = try SharedServer.get("/", host: host, headers: [("Accept-Language", "fr, id;q=0.8, en;q=0.2")]).text
        #expect(indonesian.contains(#"<html lang="id">"#))
    }

    @Test func aLoneSeparatorInAcceptLanguageNoLongerStopsTheServer() throws {
        // `Accept-Language: ;` split into no parts and `parts[0]` trapped: the whole process died.
        let server = try GerbangProcess()
        for value in [";", ",", ";;,;", " ; q=1", ";q=0.5,"] {
            let health = try TestHTTPClient.request(port: server.port, path: "/healthz", headers: [("Accept-Language", value)])
            #expect(health.status == 200, "Accept-Language \(value.debugDescription) → \(health.status)")
            let page = try TestHTTPClient.request(port: server.port, path: "/", host: host, headers: [("Accept-Language", value)])
            #expect(page.status == 200 && page.text.contains(#"<html lang="id">"#), "the tenant default applies")
        }
        #expect(try TestHTTPClient.request(port: server.port, path: "/healthz").status == 200, "the server still answers")
        _ = server.stop()
    }

    @Test func malformedQualityValuesNeverWin() throws {
        #expect(LanguageChoice.acceptLanguage(";") == nil)
        #expect(LanguageChoice.acceptLanguage("en;q=NaN, id;q=0.1") == .id)
        #expect(LanguageChoice.acceptLanguage("en;q=1e999, id;q=0.1") == .id)
        #expect(LanguageChoice.acceptLanguage("en;q=inf, id;q=0.1") == .id)
        #expect(LanguageChoice.acceptLanguage("en;q=-1, id;q=0.1") == .id)
        #expect(LanguageChoice.acceptLanguage("en;q=, id;q=0.1") == .id)
        #expect(LanguageChoice.acceptLanguage("id;q=0.4, en;q=0.9") == .en)
        #expect(LanguageChoice.acceptLanguage("en;q=NaN") == nil, "a language only a malformed q-value names is not chosen")
    }

    @Test func queryParameterChoosesAndIsRememberedInACookie() throws {
        let chosen = try SharedServer.get("/?lang=en", host: host)
        #expect(chosen.text.contains(#"<html lang="en">"#))
        let cookie = try #require(chosen.headers["Set-Cookie"])
        #expect(cookie.hasPrefix("lang=en"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        #expect(!cookie.lowercased().contains("domain="))
        // The cookie alone now decides, even against Accept-Language.
        let later = try SharedServer.get("/pages/faq", host: host, headers: [("Cookie", "lang=en"), ("Accept-Language", "id")])
        #expect(later.text.contains(#"<html lang="en">"#))
        #expect(later.headers["Set-Cookie"] == nil)
    }

    @Test func anUnknownLanguageFallsBackWithoutAnError() throws {
        let response = try SharedServer.get("/?lang=xx%ZZ", host: host)
        #expect(response.status == 200)
        #expect(response.text.contains(#"<html lang="id">"#))
    }

    @Test func languageSwitchLinksStayOnTheSamePage() throws {
        let page = try SharedServer.get("/pages/faq", host: host).text
        #expect(page.contains(#"href="/pages/faq?lang=en""#))
    }

    @Test(
        arguments: [(0, "Rp 0"), (500, "Rp 500"), (5000, "Rp 5.000"), (1_250_000, "Rp 1.250.000"), (-7500, "-Rp 7.500")]
            as [(Int64, String)])
    func rupiahUsesDotsForThousands(_ amount: Int64, _ text: String) {
        #expect(Rupiah.format(amount) == text)
    }

    @Test func datesAreShownInTheTenantsTimeZone() {
        let instant = Date(timeIntervalSince1970: 1_795_453_200)  // 2026-11-23 17:00 UTC
        #expect(DateText(timeZoneIdentifier: "Asia/Jakarta", language: .id).dayAndTime(instant) == "24 November 2026 00:00 WIB")
        #expect(DateText(timeZoneIdentifier: "Asia/Makassar", language: .en).dayAndTime(instant) == "24 November 2026 01:00 WITA")
        #expect(DateText(timeZoneIdentifier: "Nowhere/Invalid", language: .en).day(instant) == "24 November 2026")
    }
}
