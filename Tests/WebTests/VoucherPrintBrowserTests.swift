import Foundation
import TestSupport
import Testing

/// A batch's print page in Chromium: its PDF (A4) has ceil(codes / cards per page) pages, every code
/// is in the PDF's text, and the page runs without a script or a CSP violation.
@Suite(.serialized) struct VoucherPrintBrowserTests {
    @Test func theBatchPrintsOnCeilNOverPerPageA4PagesWithEveryCode() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let profileID = try StoreFixtures.profile(tenantID: admin.tenantID)
        let (batchID, cards) = try AdminFixtures.printedBatch(
            by: try AdminFixtures.signedIn(admin), tenantID: admin.tenantID, profileID: profileID,
            ["quantity": "50", "prefix": "HS", "password": "separate"])
        let codes = cards.map(\.code)
        try #require(codes.count == 50)

        let flow = try BrowserFlow("voucher-print", host: admin.host)
        let browser = flow.browser
        try flow.open("/admin/login?lang=en")
        try browser.type(admin.email, into: "#f-login")
        try browser.type(admin.password, into: "#f-password")
        try flow.click(".login-form button[type='submit']", thenWaitFor: "/admin")
        let path = "/admin/vouchers/\(batchID.uuidString.lowercased())/print"
        for perPage in [8, 12, 24, 40] {
            try flow.open(path + "?per_page=\(perPage)")
            try browser.waitForElement(".voucher-card")
            let pdf = try browser.printToPDF()
            // Kept beside the flow's screenshots, to look at what a reseller gets.
            try pdf.write(to: URL(fileURLWithPath: BrowserFlow.screenshotsDirectory + "/voucher-print/cards-\(perPage).pdf"))
            let pages = String(decoding: pdf, as: UTF8.self).matches(of: /\/Type\s*\/Page[^s]/).count
            #expect(pages == (50 + perPage - 1) / perPage, "\(perPage) cards per page printed on \(pages) pages")
            let text = try Self.text(of: pdf)
            let missing = codes.filter { !text.contains($0) }
            #expect(missing.isEmpty, "\(perPage) per page: codes missing from the PDF: \(missing)")
        }
        try flow.expectCleanRun()
    }

    /// The PDF's text as poppler's `pdftotext` reads it (the layout kept, so a code is never split).
    static func text(of pdf: Data) throws -> String {
        let file = NSTemporaryDirectory() + "gerbang-vouchers-\(UUID().uuidString).pdf"
        try pdf.write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (status, output) = try ChildProcess.run("/usr/bin/pdftotext", ["-layout", file, "-"])
        try #require(status == 0, "pdftotext failed: \(output)")
        return output
    }
}
