/// What a voucher's group enforces: the package as an order sold it, or as a printed batch copied it.
protocol RadiusPackage {
    var radiusGroup: String { get }
    var validityMinutes: Int { get }
    var validityFromPurchase: Bool { get }
    var dataQuotaMB: Int64? { get }
    var downloadKbps: Int? { get }
    var uploadKbps: Int? { get }
    var sharedUsers: Int { get }
}

extension VoucherOrder: RadiusPackage {}
extension VoucherProfile: RadiusPackage {}

/// What FreeRADIUS tells the hotspot about a voucher, derived from what the order sold.
/// Every voucher of one profile shares a group, so these rows are written per group, not per code.
struct RadiusGroupPolicy: Sendable, Hashable {
    struct Attribute: Sendable, Hashable {
        let name: String
        let value: String
    }

    /// `<tenant slug>-<profile radius_group>`: the tenant's name keeps groups of different ISPs apart.
    let groupName: String
    /// For `radgroupreply`.
    let replies: [Attribute]
    /// For `radgroupcheck`.
    let checks: [Attribute]
    /// The attributes this policy owns in the group: written or removed to match, every other row left alone.
    let managedReplyNames: [String]
    let managedCheckNames: [String]

    /// The reply attributes this policy manages; others in the group (written by hand) are left alone.
    static let managedReplies = [
        "Mikrotik-Rate-Limit", "Session-Timeout", "Mikrotik-Total-Limit", "Mikrotik-Total-Limit-Gigawords",
    ]
    /// `Gerbang-*` are FreeRADIUS-side attributes of deploy/freeradius/dictionary.gerbang, read by its
    /// counters: they hold across sessions what `Session-Timeout` and the total limit hold for one.
    static let managedChecks = ["Simultaneous-Use", "Gerbang-Valid-From-Login", "Gerbang-Total-Data"]

    /// The RADIUS group of a tenant's profile group (the rule `RadiusGroupNames` checks across tenants).
    static func groupName(tenantSlug: String, profileGroup: String) -> String {
        tenantSlug + "-" + profileGroup
    }

    init(tenantSlug: String, order: some RadiusPackage) {
        groupName = Self.groupName(tenantSlug: tenantSlug, profileGroup: order.radiusGroup)
        var replies: [Attribute] = []
        if let rateLimit = Self.rateLimit(downloadKbps: order.downloadKbps, uploadKbps: order.uploadKbps) {
            replies.append(rateLimit)
        }
        replies.append(Attribute(name: "Session-Timeout", value: String(order.validityMinutes * 60)))
        var checks = [Attribute(name: "Simultaneous-Use", value: String(order.sharedUsers))]
        // Validity from purchase is an Expiration on each code instead (RadiusProvisioner).
        if !order.validityFromPurchase {
            checks.append(Attribute(name: "Gerbang-Valid-From-Login", value: String(order.validityMinutes * 60)))
        }
        if let megabytes = order.dataQuotaMB {
            // Mikrotik-Total-Limit is a 32-bit integer: larger quotas carry the rest in gigawords (2^32 bytes).
            // FreeRADIUS replaces both with what is left of Gerbang-Total-Data at each log-in.
            let bytes = megabytes * 1_048_576
            checks.append(Attribute(name: "Gerbang-Total-Data", value: String(bytes)))
            replies.append(Attribute(name: "Mikrotik-Total-Limit", value: String(bytes & 0xFFFF_FFFF)))
            if bytes >> 32 > 0 {
                replies.append(Attribute(name: "Mikrotik-Total-Limit-Gigawords", value: String(bytes >> 32)))
            }
        }
        self.replies = replies
        self.checks = checks
        managedReplyNames = Self.managedReplies
        managedCheckNames = Self.managedChecks
    }

    /// A monthly plan's group: only its rate limit is Gerbang's (a plan without speeds leaves the group's
    /// replies to the ISP); sessions, quotas and checks of a PPPoE group are the ISP's own.
    init(tenantSlug: String, planGroup: String, downloadKbps: Int?, uploadKbps: Int?) {
        groupName = SubscriberRadiusGroups.planGroup(tenantSlug: tenantSlug, planGroup: planGroup)
        replies = Self.rateLimit(downloadKbps: downloadKbps, uploadKbps: uploadKbps).map { [$0] } ?? []
        checks = []
        managedReplyNames = replies.isEmpty ? [] : ["Mikrotik-Rate-Limit"]
        managedCheckNames = []
    }

    /// MikroTik reads "rx/tx" from the router's side: rx is the client's upload. 0 means unlimited.
    private static func rateLimit(downloadKbps: Int?, uploadKbps: Int?) -> Attribute? {
        guard downloadKbps != nil || uploadKbps != nil else { return nil }
        return Attribute(name: "Mikrotik-Rate-Limit", value: "\(uploadKbps ?? 0)k/\(downloadKbps ?? 0)k")
    }
}
