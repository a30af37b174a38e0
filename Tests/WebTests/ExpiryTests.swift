import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// Unpaid orders past their deadline: expired when read, and written as expired by the sweep.
@Suite struct ExpiryTests {
    typealias F = StoreFixtures

    @Test func overduePendingOrderReadsAsExpiredBeforeTheSweep() {
        let overdue = RadiusPolicyTests.order()
        let now = overdue.expiresAt.addingTimeInterval(1)
        #expect(overdue.effectiveStatus(now: now) == .expired)
        #expect(overdue.effectiveStatus(now: overdue.expiresAt.addingTimeInterval(-1)) == .pending)
    }

    @Test func sweepExpiresOverduePendingOrdersOfEveryTenantAndNothingElse() throws {
        let server = try GerbangProcess(environment: ["EXPIRY_SWEEP_SECONDS": "1"])
        defer { server.stop() }
        var overdue: [F.Order] = []
        var untouched: [(F.Order, String)] = []
        for _ in 0..<2 {
            let tenant = try F.tenant(provider: "sandbox", settings: ["secret": RandomCode.make(32)])
            let profile = try F.profile(tenantID: tenant.id)
            func order(_ status: String, _ expiresIn: TimeInterval) throws -> F.Order {
                try F.order(
                    tenantID: tenant.id, profileID: profile, gatewayID: tenant.gatewayID, provider: "sandbox",
                    status: status, expiresIn: expiresIn)
            }
            overdue.append(try order("pending", -60))
            untouched.append((try order("pending", 3600), "pending"))
            untouched.append((try order("paid", -60), "paid"))
            untouched.append((try order("failed", -60), "failed"))
        }
        try eventually(within: .seconds(5)) { try overdue.allSatisfy { try F.orderStatus($0) == "expired" } }
        for (order, status) in untouched { #expect(try F.orderStatus(order) == status) }
    }

    @Test func sweepOfAllTenantsReportsHowManyItExpired() throws {
        var configuration = try PostgresConfiguration(url: try TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 1
        let sweep = OrderExpirySweep(database: PostgresPool(configuration: configuration))
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": RandomCode.make(32)])
        let profile = try F.profile(tenantID: tenant.id)
        let order = try F.order(
            tenantID: tenant.id, profileID: profile, gatewayID: tenant.gatewayID, provider: "sandbox", expiresIn: -5)
        // Other tests (and servers) sweep too: at least this order may be counted, and it ends expired.
        _ = try sweep.expireOverdueOrdersOfAllTenants()
        #expect(try F.orderStatus(order) == "expired")
        #expect(try sweep.expireOverdueOrdersOfAllTenants() >= 0)
    }
}
