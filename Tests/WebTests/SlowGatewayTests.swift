import Foundation
import Synchronization
import TestSupport
import Testing

/// No pooled connection or row lock is held while a gateway is asked: with a Midtrans that takes 10 s
/// to answer and three times as many orders in flight as the server has connections, other tenants'
/// pages and webhooks still answer at once, and a double submit still asks the gateway once.
@Suite(.serialized) struct SlowGatewayTests {
    typealias F = StoreFixtures
    static let poolSize = 4
    static let orders = 12

    @Test func aSlowGatewayHoldsNoConnectionFromAnyoneElse() throws {
        let midtrans = try FakeMidtransGateway()
        defer { midtrans.stop() }
        let server = try GerbangProcess(environment: [
            "MIDTRANS_SNAP_URL": midtrans.baseURL, "GATEWAY_TIMEOUT_SECONDS": "20",
            "DB_POOL_SIZE": String(Self.poolSize), "WORKERS": "48",
            // Thirteen orders from one address at once: the limiter's leases may refuse one of such a burst
            // early, which is not what this suite is about.
            "RATE_LIMITS": "off",
        ])
        defer { server.stop() }
        let shop = try Shop.open()
        try TestDatabase.owner.query(
            """
            update payment_gateways set provider = 'midtrans', settings = jsonb_build_object('server_key', $2::text)
            where id = $1
            """, shop.gatewayID, midtrans.serverKey)
        let profileID = try shop.addProfile(name: "Slow pass", price: 10_000)
        // Each attempt is used by one thread at a time (the double submit's second use has a browser of its own).
        nonisolated(unsafe) let attempts = try (0..<Self.orders).map { _ in
            let browser = Browser(server: server, host: shop.host)
            browser.setCookie("lang", "en")
            browser.timeout = .seconds(40)
            return try OrderAttempt.start(browser, profileID: profileID)
        }

        // Another tenant, whose buyers and gateway must not notice.
        let other = try Shop.open()
        try other.addProfile(name: "Other pass")
        let (otherOrder, otherBody, otherSignature) = try F.sandboxOrderWithPaidDelivery()
        #expect(try TestHTTPClient.request(port: server.port, method: "GET", path: "/", host: other.host).status == 200)

        nonisolated(unsafe) let doubleSubmit = attempts[0].inOwnBrowser()
        midtrans.setBehaviour(.slow(.seconds(10)))
        let responses = Mutex<[Int: TestHTTPResponse]>([:])
        let submits = DispatchGroup()
        // Every order once, and the first one a second time at once: the double submit. A thread each,
        // so all are in flight together.
        for index in 0...Self.orders {
            submits.enter()
            Thread.detachNewThread {
                defer { submits.leave() }
                let attempt = index < Self.orders ? attempts[index] : doubleSubmit
                if let response = try? attempt.submit() { responses.withLock { $0[index] = response } }
            }
        }
        // Once every call is waiting on the gateway, the pool would be empty if any held a connection.
        let inFlight = Date().addingTimeInterval(15)
        while Date() < inFlight, midtrans.requests.count < Self.orders { Thread.sleep(forTimeInterval: 0.05) }
        #expect(midtrans.requests.count == Self.orders, "every order reached the gateway at once")

        for _ in 0..<3 {
            let started = ContinuousClock.now
            let home = try TestHTTPClient.request(port: server.port, method: "GET", path: "/", host: other.host)
            #expect(home.status == 200)
            #expect(ContinuousClock.now - started < .seconds(1), "the home page waited for the slow gateway")
        }
        let started = ContinuousClock.now
        let webhook = try F.deliver(
            "sandbox", body: otherBody, headers: [("X-Sandbox-Signature", otherSignature)], server: server)
        #expect(webhook.status == 200, "\(webhook.text)")
        #expect(ContinuousClock.now - started < .seconds(1), "the webhook waited for the slow gateway")
        #expect(try F.orderStatus(otherOrder) == "paid")

        #expect(submits.wait(timeout: .now() + 40) == .success)
        let all = responses.withLock { $0 }
        #expect(all.count == Self.orders + 1)
        #expect(
            all.values.allSatisfy { $0.status == 303 && $0.location.contains("/snap/v2/vtweb/") },
            "\(all.mapValues { "\($0.status) \($0.location) \($0.text.prefix(300))" }); the server said:\n\(server.log.suffix(2000))")
        #expect(all[0]?.location == all[Self.orders]?.location, "the double submit lands on the same page")
        #expect(Set(all.values.map(\.location)).count == Self.orders)
        #expect(midtrans.requests.filter { $0.path == "/snap/v1/transactions" }.count == Self.orders)
        #expect(try shop.orderCount() == Self.orders)
    }
}
