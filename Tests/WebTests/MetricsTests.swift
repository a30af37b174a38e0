import Foundation
import TestSupport
import Testing

@testable import Web

/// `/metrics`: Prometheus text that parses, counters that follow the traffic, and only for the
/// addresses allowed.
@Suite struct MetricsTests {
    @Test func theExpositionIsValidPrometheusTextLineByLine() throws {
        _ = try SharedServer.get("/healthz", host: "localhost")
        let response = try SharedServer.get("/metrics", host: "localhost")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        let samples = try Self.parse(response.text)
        #expect(samples.contains { $0.name == "gerbang_http_requests_total" && $0.labels["route"] == "/healthz" })
        #expect(samples.contains { $0.name == "gerbang_db_pool_in_use" })
        #expect(samples.contains { $0.name == "gerbang_db_pool_waiting" })
    }

    @Test func requestCountersAndTheHistogramFollowTheTrafficByRoutePattern() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Harian")
        let server = try InProcessServer()
        defer { server.stop() }
        for _ in 0..<3 { #expect(try server.request(host: shop.host).status == 200) }
        let package = "/vouchers/\(profileID.uuidString.lowercased())"
        #expect(try server.request(path: package, host: shop.host).status == 200)
        let madeUp = "/no-such-\(UUID().uuidString.lowercased())"
        #expect(try server.request(path: madeUp, host: shop.host).status == 404)

        let text = try server.request(path: "/metrics", host: "localhost").text
        let samples = try Self.parse(text)
        #expect(Self.value(samples, "gerbang_http_requests_total", ["method": "GET", "route": "/", "status": "200"]) == 3)
        #expect(
            Self.value(samples, "gerbang_http_requests_total", ["method": "GET", "route": "/vouchers/{id}", "status": "200"]) == 1)
        #expect(
            Self.value(samples, "gerbang_http_requests_total", ["method": "GET", "route": "unmatched", "status": "404"]) == 1)
        #expect(!text.contains(madeUp) && !text.contains(profileID.uuidString.lowercased()))
        #expect(Self.value(samples, "gerbang_http_request_duration_seconds_count", ["route": "/"]) == 3)
        #expect(Self.value(samples, "gerbang_http_request_duration_seconds_bucket", ["route": "/", "le": "+Inf"]) == 3)
        // Three home pages: rendered once, then kept; the package page reads the catalogue the first
        // home page loaded. (Another test's tenant change empties the page cache, hence not exact.)
        let pageHits = Self.value(samples, "gerbang_cache_hits_total", ["cache": "home_page"]) ?? 0
        let pageMisses = Self.value(samples, "gerbang_cache_misses_total", ["cache": "home_page"]) ?? 0
        #expect(pageHits + pageMisses == 3 && pageHits >= 1 && pageMisses >= 1)
        let hits = Self.value(samples, "gerbang_cache_hits_total", ["cache": "catalogue"]) ?? 0
        let misses = Self.value(samples, "gerbang_cache_misses_total", ["cache": "catalogue"]) ?? 0
        #expect(hits + misses == pageMisses + 1 && misses >= 1)
    }

    @Test func webhookOutcomesAreCountedByProviderWithMadeUpProvidersFolded() throws {
        let server = try InProcessServer()
        defer { server.stop() }
        for provider in ["sandbox", "sandbox", "nosuchpay"] {
            let response = try server.request(
                method: "POST", path: "/payments/webhook/\(provider)", host: "localhost",
                headers: [("Content-Type", "application/json")], body: Array(#"{"order_id":"nope"}"#.utf8))
            #expect((400..<500).contains(response.status))
        }
        let samples = try Self.parse(try server.request(path: "/metrics", host: "localhost").text)
        #expect(Self.value(samples, "gerbang_webhooks_total", ["provider": "sandbox", "outcome": "rejected"]) == 2)
        #expect(Self.value(samples, "gerbang_webhooks_total", ["provider": "other", "outcome": "rejected"]) == 1)
        #expect(!samples.contains { $0.labels["provider"] == "nosuchpay" })
    }

    @Test func anAddressOutsideTheAllowListGetsNotFoundEvenThroughATrustedProxy() throws {
        let server = try InProcessServer(environment: ["TRUSTED_PROXIES": "127.0.0.1/32", "METRICS_ALLOW": "10.1.0.0/16"])
        defer { server.stop() }
        let outsider = try server.request(
            path: "/metrics", host: "localhost", headers: [("X-Forwarded-For", "203.0.113.9")])
        #expect(outsider.status == 404)
        #expect(!outsider.text.contains("gerbang_http_requests_total"))
        // Loopback is not special once METRICS_ALLOW is set: the proxy itself is not allowed either.
        #expect(try server.request(path: "/metrics", host: "localhost").status == 404)
        let monitor = try server.request(
            path: "/metrics", host: "localhost", headers: [("X-Forwarded-For", "10.1.2.3")])
        #expect(monitor.status == 200)
        #expect(monitor.text.contains("gerbang_http_requests_total"))
    }

    @Test func aForwardedAddressFromAnUntrustedPeerIsNotBelieved() throws {
        let server = try InProcessServer(environment: ["METRICS_ALLOW": "10.1.0.0/16"])
        defer { server.stop() }
        let response = try server.request(
            path: "/metrics", host: "localhost", headers: [("X-Forwarded-For", "10.1.2.3")])
        #expect(response.status == 404)
    }

    @Test func labelValuesAndHelpTextAreEscaped() {
        var text = PrometheusText()
        text.family("x_total", .counter, help: "a\\b\nc")
        text.sample("x_total", ["route": "/a\"b\\c\nd"], UInt64(7))
        #expect(text.text == "# HELP x_total a\\\\b\\nc\n# TYPE x_total counter\nx_total{route=\"/a\\\"b\\\\c\\nd\"} 7\n")
    }

    @Test func aLatencyFallsIntoTheFirstBucketWhoseBoundIsNotBelowIt() {
        var histogram = LatencyHistogram()
        histogram.observe(seconds: 0.0005)
        histogram.observe(seconds: 0.003)
        histogram.observe(seconds: 60)
        let cumulative = histogram.cumulativeCounts
        #expect(cumulative[0] == 1)  // le 0.0005
        #expect(cumulative[2] == 1)  // le 0.0025
        #expect(cumulative[3] == 2)  // le 0.005
        #expect(cumulative[LatencyHistogram.bounds.count - 1] == 2)  // le 10
        #expect(cumulative.last == 3 && histogram.count == 3)
    }

    @Test(
        arguments: [
            (#"{"outcome":"processed"}"#, "processed"), (#"{"outcome":"rejected","reason":"bad \"sig\""}"#, "rejected"),
            (#"{"reason":"x"}"#, nil), ("", nil), (#"{"outcome":"#, nil),
        ] as [(String, String?)])
    func theOutcomeIsReadFromTheWebhookAnswer(_ body: String, _ expected: String?) {
        #expect(WebhookMetrics.outcome(in: Array(body.utf8)) == expected)
    }

    // MARK: - Reading the exposition

    struct Sample {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    struct MalformedLine: Error, CustomStringConvertible {
        let line: String
        var description: String { "not Prometheus text: \(line)" }
    }

    /// A strict reader of the text format: every line a comment of a known kind or a sample with a number.
    static func parse(_ text: String) throws -> [Sample] {
        #expect(text.hasSuffix("\n"))
        let sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (\S+)$/
        let label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/
        var samples: [Sample] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") { continue }
            if line.hasPrefix("# TYPE ") {
                guard let kind = line.split(separator: " ").last, ["counter", "gauge", "histogram"].contains(kind) else {
                    throw MalformedLine(line: String(line))
                }
                continue
            }
            guard let match = line.wholeMatch(of: sample) else { throw MalformedLine(line: String(line)) }
            let number = match.output.3
            guard let value = number == "+Inf" ? Double.infinity : Double(number) else {
                throw MalformedLine(line: String(line))
            }
            var labels: [String: String] = [:]
            for pair in (match.output.2 ?? "").matches(of: label) { labels[String(pair.output.1)] = String(pair.output.2) }
            samples.append(Sample(name: String(match.output.1), labels: labels, value: value))
        }
        return samples
    }

    static func value(_ samples: [Sample], _ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }
}
