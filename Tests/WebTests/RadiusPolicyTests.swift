import Foundation
import Testing

@testable import Web

/// The FreeRADIUS attributes a profile's vouchers get, computed without a database.
@Suite struct RadiusPolicyTests {
    static func order(
        download: Int? = 2_048, upload: Int? = 512, quotaMB: Int64? = nil, validityMinutes: Int = 60, shared: Int = 1
    ) -> VoucherOrder {
        VoucherOrder(
            id: UUID(), tenantID: UUID(), number: "EV3479ACDEFGHJ", profileID: UUID(), profileName: "1 Jam",
            unitPrice: 3_000, validityMinutes: validityMinutes, dataQuotaMB: quotaMB, downloadKbps: download,
            uploadKbps: upload, sharedUsers: shared, radiusGroup: "hour", codeLength: 8, quantity: 1, amount: 3_000,
            currency: "IDR", buyerName: "", buyerPhone: "+6281234567890", buyerEmail: "", language: "id",
            status: .pending, gatewayID: nil, gatewayProvider: nil, gatewayReference: nil, checkoutURL: nil,
            createdAt: Date(), paidAt: nil, expiresAt: Date().addingTimeInterval(3600))
    }

    static func replies(_ policy: RadiusGroupPolicy) -> [String: String] {
        Dictionary(uniqueKeysWithValues: policy.replies.map { ($0.name, $0.value) })
    }

    @Test func groupNameJoinsTenantSlugAndProfileGroup() {
        #expect(RadiusGroupPolicy(tenantSlug: "alpha", order: Self.order()).groupName == "alpha-hour")
    }

    @Test func rateLimitIsUploadOverDownloadInKilobits() {
        let policy = RadiusGroupPolicy(tenantSlug: "a", order: Self.order(download: 10_240, upload: 1_024))
        #expect(Self.replies(policy)["Mikrotik-Rate-Limit"] == "1024k/10240k")
    }

    @Test func missingSpeedMeansNoRateLimitAndOneMissingSideIsUnlimited() {
        #expect(
            Self.replies(RadiusGroupPolicy(tenantSlug: "a", order: Self.order(download: nil, upload: nil)))["Mikrotik-Rate-Limit"] == nil)
        #expect(
            Self.replies(RadiusGroupPolicy(tenantSlug: "a", order: Self.order(download: 4_096, upload: nil)))["Mikrotik-Rate-Limit"]
                == "0k/4096k")
    }

    @Test func sessionTimeoutIsTheValidityInSeconds() {
        let policy = RadiusGroupPolicy(tenantSlug: "a", order: Self.order(validityMinutes: 1_440))
        #expect(Self.replies(policy)["Session-Timeout"] == "86400")
    }

    @Test func quotaAbove4GiBCarriesTheRestInGigawords() {
        // 10 GiB = 2 × 2^32 + 2 GiB
        let policy = RadiusGroupPolicy(tenantSlug: "a", order: Self.order(quotaMB: 10_240))
        let replies = Self.replies(policy)
        #expect(replies["Mikrotik-Total-Limit"] == String(2 * 1_073_741_824))
        #expect(replies["Mikrotik-Total-Limit-Gigawords"] == "2")
    }

    @Test func quotaBelow4GiBNeedsNoGigawordsAndNoQuotaNeedsNoLimit() {
        let small = Self.replies(RadiusGroupPolicy(tenantSlug: "a", order: Self.order(quotaMB: 1_024)))
        #expect(small["Mikrotik-Total-Limit"] == "1073741824")
        #expect(small["Mikrotik-Total-Limit-Gigawords"] == nil)
        let none = Self.replies(RadiusGroupPolicy(tenantSlug: "a", order: Self.order(quotaMB: nil)))
        #expect(none["Mikrotik-Total-Limit"] == nil)
    }

    @Test func sharedUsersBecomeSimultaneousUse() {
        let policy = RadiusGroupPolicy(tenantSlug: "a", order: Self.order(shared: 3))
        #expect(Self.checks(policy)["Simultaneous-Use"] == "3")
    }

    static func checks(_ policy: RadiusGroupPolicy) -> [String: String] {
        Dictionary(uniqueKeysWithValues: policy.checks.map { ($0.name, $0.value) })
    }

    @Test func validityFromFirstLoginAndTheQuotaBecomeCountersAcrossSessions() {
        let policy = RadiusGroupPolicy(tenantSlug: "a", order: Self.order(quotaMB: 10_240, validityMinutes: 1_440))
        #expect(Self.checks(policy)["Gerbang-Valid-From-Login"] == "86400")
        #expect(Self.checks(policy)["Gerbang-Total-Data"] == String(10_240 * 1_048_576))
        #expect(Self.checks(RadiusGroupPolicy(tenantSlug: "a", order: Self.order(quotaMB: nil)))["Gerbang-Total-Data"] == nil)
    }

    @Test func validityFromPurchaseIsNoLoginCounter() {
        var order = Self.order()
        order.validityFromPurchase = true
        #expect(Self.checks(RadiusGroupPolicy(tenantSlug: "a", order: order))["Gerbang-Valid-From-Login"] == nil)
    }
}
