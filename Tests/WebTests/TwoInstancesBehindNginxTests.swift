import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Two `gerbang serve` processes on one database behind a private nginx, as `deploy/nginx/gerbang.conf`
/// runs them: purchases through the proxy, a rebrand seen by the other instance, and an
/// instance killed in the middle of a stream of purchases losing and doubling nothing.
@Suite(.serialized) struct TwoInstancesBehindNginxTests {
    @Test func aPurchaseThroughTheProxyIsPaidAndBothInstancesServeTheTenant() throws {
        let pair = try InstancePair()
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Proxied day", price: 5_000)
        let browser = Browser(server: pair.proxy, host: shop.host)
        browser.setCookie("lang", "en")

        // Round robin: consecutive home pages go to each instance in turn.
        for _ in 0..<4 { #expect(try browser.get("/").status == 200) }
        let number = try PurchaseRun.pay(browser, profileID: profileID, quantity: 2)
        let paid = try #require(number)
        let status = try browser.get("/orders/\(paid)?t=\(try #require(browser.cookies["order_\(paid)"]))")
        #expect(status.text.contains("Payment received"))
        #expect(try shop.orderRow(number: paid).decode("status", as: String.self) == "paid")
        #expect(try PurchaseRun.voucherCount(shop) == 2)
        // The access log is written in batches, so a line may take a moment to appear.
        for instance in [pair.first, pair.second] {
            try eventually(within: .seconds(5)) { instance.log.contains(shop.slug) }
        }
    }

    @Test func aRebrandThroughOneInstanceShowsOnTheOtherWithinOneSecond() throws {
        let pair = try InstancePair()
        let admin = try AdminFixtures.tenantWithAdmin()
        let themeBefore = try TestHTTPClient.request(port: pair.second.port, path: "/brand/theme.css", host: admin.host)
        #expect(themeBefore.status == 200)
        #expect(!themeBefore.text.contains("#112233"))

        let browser = try AdminFixtures.signedIn(admin, server: pair.first)
        try browser.get("/admin/branding")
        #expect(try browser.postMultipart("/admin/branding", AdminFixtures.brandingFields(), file: nil).status == 303)
        try eventually(within: .seconds(1)) {
            try TestHTTPClient.request(port: pair.second.port, path: "/brand/theme.css", host: admin.host)
                .text.contains("#112233")
        }
    }

    @Test func killingAnInstanceDuringPurchasesLosesAndDoublesNothing() throws {
        let pair = try InstancePair()
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Crash day", price: 5_000)
        let run = PurchaseRun()
        let stopAt = Date().addingTimeInterval(20)
        let clients = DispatchGroup()
        for client in 0..<4 {
            let thread = Thread {
                run.buyUntil(stopAt, port: pair.proxy.port, host: shop.host, profileID: profileID, client: client)
                clients.leave()
            }
            clients.enter()
            thread.start()
        }

        Thread.sleep(forTimeInterval: 7)
        let paidBeforeKill = try PurchaseRun.paidOrders(shop)
        try pair.restartFirst { Thread.sleep(forTimeInterval: 1) }
        clients.wait()
        let paidAfterRestart = try PurchaseRun.paidOrders(shop) - paidBeforeKill

        let outcome = run.outcome
        #expect(paidBeforeKill > 0, "purchases went through before the kill")
        #expect(paidAfterRestart > 0, "purchases went through after the restart")
        #expect(try TestHTTPClient.request(port: pair.first.port, path: "/healthz").status == 200)

        #expect(outcome.redirected.count >= 10, "too few purchases reached the gateway: \(outcome.redirected.count)")
        try PurchaseRun.expectNothingLostOrDoubled(shop, outcome)
    }
}

/// Two instances (trusting loopback as their proxy) and the nginx in front of them.
final class InstancePair: @unchecked Sendable {
    private(set) var first: GerbangProcess
    let second: GerbangProcess
    let proxy: NginxProxy

    // The buyers all come from loopback through one proxy: per-address limits would refuse them.
    static let environment = ["TRUSTED_PROXIES": "127.0.0.1/32", "RATE_LIMITS": "off"]

    init() throws {
        first = try GerbangProcess(environment: Self.environment)
        second = try GerbangProcess(environment: Self.environment)
        proxy = try NginxProxy(upstreamPorts: [first.port, second.port])
    }

    /// SIGKILL for the first instance, `whileDown`, then a new process on the same port.
    func restartFirst(whileDown: () -> Void) throws {
        let port = first.port
        first.kill()
        whileDown()
        var environment = Self.environment
        environment["PORT"] = String(port)
        first = try GerbangProcess(environment: environment)
    }

    deinit {
        proxy.stop()
        first.stop()
        second.stop()
    }
}

/// Buyers in parallel threads: what each purchase reached, as the buyer saw it.
final class PurchaseRun: Sendable {
    struct Outcome {
        /// Orders whose form answered 303 to the gateway's checkout.
        var redirected: [String] = []
        /// Orders whose Pay press in the sandbox answered 303 (the webhook was accepted).
        var confirmedPaid: [String] = []
        var failures = 0
    }

    private let state = Mutex(Outcome())

    var outcome: Outcome { state.withLock { $0 } }

    /// Buys one or two vouchers at a time until `deadline`; a failed step (the proxy's 502 while an
    /// instance is down, a reset connection) abandons that purchase and starts the next.
    func buyUntil(_ deadline: Date, port: Int, host: String, profileID: UUID, client: Int) {
        var round = 0
        while Date() < deadline {
            round += 1
            let browser = Browser(server: LoopbackServer(port: port), host: host)
            browser.setCookie("lang", "en")
            do {
                let number = try Self.pay(browser, profileID: profileID, quantity: 1 + (client + round) % 2) { number in
                    state.withLock { $0.redirected.append(number) }
                }
                if let number { state.withLock { $0.confirmedPaid.append(number) } }
            } catch {
                state.withLock { $0.failures += 1 }
            }
        }
    }

    /// Package page → order → sandbox checkout → Pay; the order number once paid, nil when a step
    /// answered something else. `reachedGateway` hears of the order as soon as the gateway redirect came.
    static func pay(
        _ browser: Browser, profileID: UUID, quantity: Int, reachedGateway: (String) -> Void = { _ in }
    ) throws -> String? {
        let placed = try OrderAttempt.start(browser, profileID: profileID).submit(quantity: String(quantity))
        guard placed.status == 303, let number = placed.orderNumber else { return nil }
        reachedGateway(number)
        let checkout = try browser.get(placed.location)
        guard checkout.status == 200, let csrf = Browser.hiddenValue("_csrf", in: checkout.text) else { return nil }
        let paid = try browser.post("/sandbox/checkout/\(number)", [("_csrf", csrf), ("outcome", "pay")])
        return paid.status == 303 ? number : nil
    }

    /// Every paid order has exactly its vouchers and RADIUS rows, no unpaid one has any, no RADIUS user is
    /// written twice, every order a buyer reached the gateway with exists, and every Pay the sandbox
    /// confirmed is paid.
    static func expectNothingLostOrDoubled(_ shop: Shop, _ outcome: Outcome) throws {
        let orders = try TestDatabase.owner.query(
            """
            select o.order_number, o.status, o.quantity,
                (select count(*) from vouchers v where v.tenant_id = o.tenant_id and v.order_id = o.id) as vouchers,
                (select count(*) from radcheck r join vouchers v on r.username = v.code
                    where v.tenant_id = o.tenant_id and v.order_id = o.id and r.tenant_id = o.tenant_id) as radius
            from voucher_orders o where o.tenant_id = $1
            """, shop.tenantID)
        var statusByNumber: [String: String] = [:]
        for row in orders {
            let number = try row.decode("order_number", as: String.self)
            let status = try row.decode("status", as: String.self)
            statusByNumber[number] = status
            let quantity = try row.decode("quantity", as: Int.self)
            let vouchers = try row.decode("vouchers", as: Int.self)
            let radius = try row.decode("radius", as: Int.self)
            if status == "paid" {
                #expect(vouchers == quantity, "order \(number): \(vouchers) vouchers for \(quantity)")
                #expect(radius == quantity, "order \(number): \(radius) radcheck rows for \(quantity)")
            } else {
                #expect(vouchers == 0 && radius == 0, "unpaid order \(number) has vouchers or RADIUS rows")
            }
        }
        let doubled = try TestDatabase.owner.query(
            "select count(*) as n from (select username from radcheck where tenant_id = $1 group by username having count(*) > 1) d",
            shop.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(doubled == 0, "a RADIUS user name written twice")

        for number in outcome.redirected {
            let status = statusByNumber[number]
            #expect(["paid", "pending", "expired"].contains(status ?? "lost"), "order \(number) is \(status ?? "lost")")
        }
        for number in outcome.confirmedPaid {
            #expect(
                statusByNumber[number] == "paid", "the sandbox confirmed \(number), the database says \(statusByNumber[number] ?? "lost")")
        }
    }

    static func paidOrders(_ shop: Shop) throws -> Int {
        try TestDatabase.owner.query(
            "select count(*) as n from voucher_orders where tenant_id = $1 and status = 'paid'", shop.tenantID
        ).first!.decode("n", as: Int.self)
    }

    static func voucherCount(_ shop: Shop) throws -> Int {
        try TestDatabase.owner.query("select count(*) as n from vouchers where tenant_id = $1", shop.tenantID)
            .first!.decode("n", as: Int.self)
    }
}
