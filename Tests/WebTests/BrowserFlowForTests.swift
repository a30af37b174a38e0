import Foundation
import TestSupport
import Testing

/// One flow through a tenant's site in a phone browser: its own headless Chromium, a screenshot of
/// every step in a build folder (`.build/screenshots/<flow>/`, or `GERBANG_SCREENSHOTS`), and the
/// evidence a flow must end without: console errors, CSP violations, a page wider than the phone.
final class BrowserFlow {
    let browser: WebDriverBrowser
    /// `http://<host>:<port>`, a `*.localhost` host name that the browser maps to 127.0.0.1.
    let origin: String
    let folder: String
    private var stepCount = 0
    private(set) var problems: [String] = []

    init(_ name: String, host: String, port: Int = SharedServer.process.port, viewport: WebDriverBrowser.Viewport = .phone) throws {
        origin = "http://\(host):\(port)"
        folder = Self.screenshotsDirectory + "/" + name
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        browser = try WebDriverBrowser(viewport: viewport)
    }

    deinit { browser.quit() }

    static var screenshotsDirectory: String {
        ProcessInfo.processInfo.environment["GERBANG_SCREENSHOTS"]
            ?? GerbangProcess.repositoryRoot + "/.build/screenshots"
    }

    /// Image pixels per CSS pixel: 2 by default, `GERBANG_SCREENSHOT_SCALE=1` for small ones (docs/screenshots).
    static var screenshotScale: Double {
        ProcessInfo.processInfo.environment["GERBANG_SCREENSHOT_SCALE"].flatMap(Double.init) ?? 2
    }

    /// Opens a path of the tenant's site and waits until it has loaded.
    func open(_ path: String) throws {
        try browser.open(origin + path)
        let wanted = URLComponents(string: origin + path)?.path ?? path
        try browser.waitForPath(wanted)
    }

    /// Clicks, then waits for the page at `path` to load.
    func click(_ css: String, thenWaitFor path: String) throws {
        try browser.wait(for: "\(css) to be clickable") {
            try browser.click(css)
            return true
        }
        try browser.waitForPath(path)
    }

    /// The end of a step: a screenshot, and whatever the console said or the layout did wrong on the way.
    func step(_ name: String) throws {
        stepCount += 1
        let file = String(format: "%02d-", stepCount) + name + ".png"
        try browser.screenshot(pixelsPerPoint: Self.screenshotScale).write(to: URL(fileURLWithPath: folder + "/" + file))
        for entry in try browser.consoleErrors() {
            problems.append("\(name): console \(entry)")
        }
        // Against the screen's width, not `innerWidth`: an emulated phone zooms out to fit a page that is too wide.
        let width = try browser.run("return document.documentElement.scrollWidth;") as? Int ?? 0
        let screen = browser.viewport.width
        if width > screen {
            problems.append("\(name): the page is \(width) px wide on a \(screen) px \(browser.viewport.isMobile ? "phone" : "screen")")
        }
    }

    /// Takes the CSP violations recorded on the current origin into the problems, before the flow moves to
    /// another origin (each origin keeps its own record).
    func collectViolations() throws {
        for violation in try browser.cspViolations() { problems.append("CSP violation: \(violation)") }
        _ = try browser.run("sessionStorage.removeItem('gerbangCSPViolations');")
    }

    /// Fails the test with every problem any step saw, including CSP violations the page reported.
    func expectCleanRun(sourceLocation: SourceLocation = #_sourceLocation) throws {
        for violation in try browser.cspViolations() { problems.append("CSP violation: \(violation)") }
        for entry in try browser.consoleErrors() { problems.append("after the last step: console \(entry)") }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// `getComputedStyle(first element matching css)[property]`, as the browser resolved it.
    func computedStyle(_ css: String, _ property: String) throws -> String? {
        try browser.run(
            "var e = document.querySelector(arguments[0]); return e ? getComputedStyle(e)[arguments[1]] : null;",
            [css, property]) as? String
    }

    /// The `lang` of the page's `<html>`.
    func pageLanguage() throws -> String? {
        try browser.run("return document.documentElement.lang;") as? String
    }

    func texts(_ css: String) throws -> [String] {
        try browser.run(
            "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent.trim(); });",
            [css]) as? [String] ?? []
    }
}
