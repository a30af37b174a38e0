import Foundation
import Postgres
import TestSupport
import Testing

/// What a verified payment leaves behind: vouchers, FreeRADIUS rows and the buyer's message.
@Suite struct FulfilmentTests {
    typealias F = StoreFixtures

    /// A sandbox tenant and an order of `profile`, paid through a signed sandbox webhook over HTTP.
    static func paidSandboxOrder(_ profile: F.Profile, quantity: Int = 2, language: String = "id") throws
        -> (order: F.Order, slug: String)
    {
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id, profile), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: quantity, language: language)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let response = try F.deliver(
            "sandbox", body: body, headers: [("X-Sandbox-Signature", try F.hmacSHA256Hex(key: secret, message: body))])
        #expect(response.status == 200, "\(response.text)")
        return (order, tenant.slug)
    }

    static func codes(_ order: F.Order) throws -> [String] {
        try F.owner.query("select code from vouchers where order_id = $1 order by code", order.id)
            .map { try $0.decode("code", as: String.self) }
    }

    @Test func paidOrderMakesEveryCodeARadiusUserInTheTenantsGroup() throws {
        var profile = F.Profile()
        profile.sharedUsers = 2
        profile.radiusGroup = "day-pass"
        let (order, slug) = try Self.paidSandboxOrder(profile)
        let codes = try Self.codes(order)
        #expect(codes.count == 2)
        let group = slug + "-day-pass"

        for code in codes {
            let check = try #require(
                try F.owner.query("select attribute, op, value, tenant_id from radcheck where username = $1", code).first)
            #expect(try check.decode("attribute", as: String.self) == "Cleartext-Password")
            #expect(try check.decode("op", as: String.self) == ":=")
            #expect(try check.decode("value", as: String.self) == code)
            #expect(try check.decode("tenant_id", as: UUID.self) == order.tenantID)
            let groups = try F.owner.query("select groupname, tenant_id from radusergroup where username = $1", code)
            #expect(try groups.map { try $0.decode("groupname", as: String.self) } == [group])
            #expect(try groups.first?.decode("tenant_id", as: UUID.self) == order.tenantID)
        }

        let replies = try F.owner.query(
            "select attribute, value from radgroupreply where groupname = $1 and tenant_id = $2", group, order.tenantID)
        var reply: [String: String] = [:]
        for row in replies { reply[try row.decode("attribute")] = try row.decode("value", as: String.self) }
        #expect(reply["Mikrotik-Rate-Limit"] == "512k/2048k")
        #expect(reply["Session-Timeout"] == "10800")
        #expect(reply["Mikrotik-Total-Limit"] == String(2_048 * 1_048_576))
        #expect(reply["Mikrotik-Total-Limit-Gigawords"] == nil)

        let simultaneous = try F.owner.query(
            "select value from radgroupcheck where groupname = $1 and attribute = 'Simultaneous-Use' and tenant_id = $2",
            group, order.tenantID)
        #expect(try simultaneous.map { try $0.decode("value", as: String.self) } == ["2"])
    }

    @Test func secondOrderOfAProfileUpdatesItsGroupInsteadOfDuplicatingIt() throws {
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        let profile = try F.profile(tenantID: tenant.id)
        for _ in 0..<2 {
            let order = try F.order(
                tenantID: tenant.id, profileID: profile, gatewayID: tenant.gatewayID, provider: "sandbox", quantity: 1)
            let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
            let signature = try F.hmacSHA256Hex(key: secret, message: body)
            #expect(try F.deliver("sandbox", body: body, headers: [("X-Sandbox-Signature", signature)]).status == 200)
        }
        let group = tenant.slug + "-hotspot-3h"
        // Simultaneous-Use and the counters' limits (validity from first log-in, the data quota), once each.
        let checks = try F.owner.query(
            "select count(*) as n, count(distinct attribute) as distinct_attributes from radgroupcheck where groupname = $1",
            group)
        #expect(try checks.first!.decode("n", as: Int.self) == 3)
        #expect(try checks.first!.decode("distinct_attributes", as: Int.self) == 3)
        let replies = try F.owner.query(
            "select count(*) as n from radgroupreply where groupname = $1 and attribute = 'Mikrotik-Rate-Limit'", group)
        #expect(try replies.first!.decode("n", as: Int.self) == 1)
    }

    @Test func voucherCodesHaveTheProfilesLengthAndNoLookAlikeCharacters() throws {
        var profile = F.Profile()
        profile.codeLength = 11
        let (order, _) = try Self.paidSandboxOrder(profile, quantity: 5)
        let codes = try Self.codes(order)
        #expect(codes.count == 5)
        #expect(Set(codes).count == 5)
        for code in codes {
            #expect(code.count == 11)
            #expect(code.allSatisfy { RandomCode.alphabet.contains($0) }, "\(code)")
        }
    }

    @Test func whatsAppMessageCarriesTheCodesInTheOrdersLanguage() throws {
        for (language, greeting) in [("en", "Thank you"), ("id", "Terima kasih")] {
            let (order, _) = try Self.paidSandboxOrder(F.Profile(), quantity: 2, language: language)
            let message = try #require(
                try F.owner.query(
                    "select channel, recipient, body, status, tenant_id from notifications where subject_ref = $1",
                    order.number
                ).first)
            #expect(try message.decode("channel", as: String.self) == "whatsapp")
            #expect(try message.decode("recipient", as: String.self) == "+6281234567890")
            // Queued; "sent" when a test's own server with a WhatsApp provider took it meanwhile.
            #expect(["pending", "sent"].contains(try message.decode("status", as: String.self)))
            #expect(try message.decode("tenant_id", as: UUID.self) == order.tenantID)
            let body = try message.decode("body", as: String.self)
            #expect(body.contains(greeting), "\(body)")
            #expect(body.contains("Webhook ISP"))
            #expect(body.contains(order.number))
            for code in try Self.codes(order) { #expect(body.contains(code)) }
        }
    }
}
