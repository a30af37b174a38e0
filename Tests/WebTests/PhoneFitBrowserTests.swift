import Foundation
import Testing
import TestSupport

/// Every page an ISP owner opens in the admin, and the store pages around it, on a 390 px phone in
/// headless Chromium: none may be wider than the phone, log a console error or break the CSP.
/// Screenshots: `.build/screenshots/phone-fit-admin/`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct PhoneFitBrowserTests {
    @Test func everyAdminPageAndTheStoreAroundItFitAPhone() throws {
        typealias F = AdminSalesFixtures
        let admin = try AdminFixtures.tenantWithAdmin()
        let profileID = try F.profile(tenantID: admin.tenantID)
        let order = try F.order(
            tenantID: admin.tenantID, profileID: profileID, buyerName: "Budi Santoso dengan nama yang cukup panjang",
            gatewayReference: "sbx_" + String(repeating: "0123456789", count: 4))
        try F.message(
            tenantID: admin.tenantID, reference: order.number, status: "pending", attempts: 2,
            lastError: "Fonnte refused: the device is disconnected and must be linked again in Fonnte's dashboard")
        let flow = try BrowserFlow("phone-fit-admin", host: admin.host)
        let browser = flow.browser

        for path in ["/", "/vouchers/\(profileID.uuidString.lowercased())", "/pages/terms", "/portal/login", "/admin/login"] {
            try flow.open(path)
            try flow.step(Self.stepName(path))
        }
        try browser.type(admin.email, into: "#f-login")
        try browser.type(admin.password, into: "#f-password")
        try flow.click(".login-form button[type='submit']", thenWaitFor: "/admin/branding")
        let pages = [
            "/admin/branding", "/admin/domains", "/admin/hotspot", "/admin/pages", "/admin/pages/terms/en",
            "/admin/profiles", "/admin/profiles/new", "/admin/profiles/\(profileID.uuidString.lowercased())",
            "/admin/orders", "/admin/orders/\(order.number)", "/admin/invoices", "/admin/payments", "/admin/whatsapp",
            "/admin/vouchers",
        ]
        for path in pages {
            try flow.open(path)
            try flow.step(Self.stepName(path))
        }
        try flow.expectCleanRun()
    }

    static func stepName(_ path: String) -> String {
        let name = path.split(separator: "/").prefix(3).joined(separator: "-")
        return name.isEmpty ? "home" : name
    }
}
