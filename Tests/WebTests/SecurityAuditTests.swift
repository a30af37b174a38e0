import Foundation
import Postgres
import TestSupport
import Testing

/// Security events (`security_events`) written by real requests: failed logins and lockouts, rejected
/// webhooks, rate-limit refusals; each with its tenant when known, the client address and the time.
@Suite struct SecurityAuditTests {
    typealias S = RateLimitServers

    struct Event: Equatable {
        let kind: String
        let address: String
        let detail: String
    }

    static func events(tenantID: UUID?, detailContaining needle: String = "") throws -> [Event] {
        try TestDatabase.owner.query(
            """
            select kind, client_address, detail from security_events
            where tenant_id is not distinct from $1 and strpos(detail, $2) > 0 and at > now() - interval '5 minutes'
            order by id
            """, tenantID, needle
        ).map { row in
            Event(
                kind: try row.decode("kind", as: String.self), address: try row.decode("client_address", as: String.self),
                detail: try row.decode("detail", as: String.self))
        }
    }

    @Test func aFailedPortalLoginIsRecordedWithTenantAddressAndAccountButNoPassword() throws {
        let tenant = try S.tenant(tier: "enterprise")
        let address = S.randomAddress()
        let browser = PortalBrowser(server: S.first, host: tenant.host)
        browser.extraHeaders = [("X-Forwarded-For", address)]
        let account = "C-" + PortalFixtures.uniqueCode()
        #expect(try browser.logIn(account, "secret-guess-123").status == 422)

        let events = try Self.events(tenantID: tenant.id)
        #expect(events == [Event(kind: "login_failed", address: address, detail: "subscriber " + account.lowercased())])
        #expect(!events.contains { $0.detail.contains("secret-guess") })
    }

    @Test func aThrottledAttemptIsRecordedOnEachRefusal() throws {
        let tenant = try S.tenant(tier: "enterprise")
        let subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
        let browser = PortalBrowser(server: S.second, host: tenant.host)
        // A new address each time: the per-address rate limit stays out of it, the account-wide
        // throttle (ten failures from anywhere cost no wait, then a second or two) does not.
        for attempt in 1...10 {
            browser.extraHeaders = [("X-Forwarded-For", S.randomAddress())]
            #expect(try browser.logIn(subscriber.customerNumber, "wrong-\(attempt)").status == 422)
        }
        browser.extraHeaders = [("X-Forwarded-For", S.randomAddress())]
        #expect(try browser.logIn(subscriber.customerNumber, subscriber.password).status == 429)

        let kinds = try Self.events(tenantID: tenant.id).map(\.kind)
        #expect(kinds == Array(repeating: "login_failed", count: 10) + ["login_locked"])
    }

    @Test func aWebhookWithABadSignatureIsRecordedForTheOrdersTenant() throws {
        let (order, key) = try WebhookTests.midtransOrder()
        let forged = try StoreFixtures.midtransBody(
            orderID: order.number, status: "settlement", grossAmount: "\(order.amount).00", serverKey: key,
            signatureOverride: String(repeating: "ab", count: 64))
        let address = S.randomAddress()
        let response = try StoreFixtures.deliver(
            "midtrans", body: forged, headers: [("X-Forwarded-For", address)], server: S.first)
        #expect(response.status == 401)

        let events = try Self.events(tenantID: order.tenantID, detailContaining: order.number)
        #expect(events.map(\.kind) == ["webhook_rejected"])
        #expect(events.first?.address == address)
    }

    @Test func aWebhookForAnUnknownReferenceIsRecordedWithoutATenant() throws {
        let reference = "EV" + RandomCode.make(12)
        let body = try StoreFixtures.sandboxBody(reference: reference, status: "paid", amount: 5_000)
        // From an address of its own: the webhook's per-address limit is shared with every other test's deliveries.
        let response = try StoreFixtures.deliver(
            "sandbox", body: body, headers: [("X-Forwarded-For", S.randomAddress())], server: S.second)
        #expect(response.status == 404)

        let events = try Self.events(tenantID: nil, detailContaining: reference)
        #expect(events.map(\.kind) == ["webhook_rejected"])
        #expect(events.first?.detail.contains("unknown") == true)
    }

    @Test func aRateLimitEpisodeIsRecordedOnceNotPerRefusal() throws {
        let tenant = try S.tenant(tier: "starter")
        for _ in 1...4 { #expect(try S.request(S.first, "/", host: tenant.host).status == 200) }
        for server in [S.first, S.second, S.first] {
            #expect(try S.request(server, "/", host: tenant.host).status == 429)
        }
        #expect(try Self.events(tenantID: tenant.id).map(\.kind) == ["rate_limited"])
    }
}
