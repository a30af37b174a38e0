/// The fixed strings of the tenant admin's subscriber and plan pages, in every `Language`.
/// `Language.adminSubscriberStrings` switches exhaustively, so a missing language or string is a
/// compile error. Field labels shared with the voucher profile form (name, price, speeds, RADIUS group)
/// come from `AdminContentStrings`.
public struct AdminSubscriberStrings: Sendable {
    // Plans
    public let plansTitle: String
    public let plansIntro: String
    public let plansEmpty: String
    public let newPlan: String
    public let editPlan: String
    public let createPlan: String
    public let fieldPlanActive: String
    public let fieldPlanGroupHint: String
    public let columnSubscribers: String
    public let planActive: String
    public let planInactive: String
    public let activate: String
    public let deactivate: String
    public let errorPlanNameTaken: String
    public let errorPlanGroupTaken: String
    public let errorPlanGroupIsAPackages: String
    /// On the hotspot package form.
    public let errorPackageGroupIsAPlans: String
    public let errorPlanGroupReserved: String
    public let planInUse: String

    // Subscribers: list
    public let subscribersTitle: String
    public let searchSubscribersHint: String
    public let noSubscribers: String
    public let subscriberCount: @Sendable (_ count: Int) -> String
    public let newSubscriber: String
    public let editSubscriber: String
    public let createSubscriber: String
    public let statusActive: String
    public let statusIsolated: String
    public let statusSuspended: String
    public let statusTerminated: String
    public let filterOverdue: String
    public let columnCustomer: String
    public let columnPlan: String
    public let columnStatus: String
    public let noActivePlans: String

    // Subscribers: form
    public let fieldCustomerNumber: String
    public let fieldCustomerNumberHint: String
    public let fieldName: String
    public let fieldPhone: String
    public let fieldPhoneHint: String
    public let fieldEmail: String
    public let fieldAddress: String
    public let fieldPPPoEUsername: String
    public let fieldPPPoEUsernameHint: String
    public let fieldPPPoEPassword: String
    public let fieldPPPoEPasswordHint: String
    public let fieldPPPoEPasswordKeepHint: String
    public let fieldPlan: String
    public let fieldBillingDay: String
    public let fieldBillingDayHint: String
    public let fieldInstallationDate: String
    public let fieldInstallationDateHint: String
    public let fieldNotes: String
    public let errorMissing: String
    public let errorTooLong: String
    public let errorCharacters: String
    public let errorCustomerNumber: String
    public let errorPPPoEUsername: String
    public let errorPPPoEPassword: String
    public let errorBillingDay: String
    public let errorDate: String
    public let errorEmail: String
    public let errorPlan: String
    public let errorCustomerNumberTaken: String
    public let errorPPPoEUsernameTaken: String

    // Subscribers: status, portal password, invoices
    public let statusTitle: String
    public let statusSince: @Sendable (_ status: String, _ since: String) -> String
    public let fieldReason: String
    public let fieldReasonHint: String
    public let errorReason: String
    public let suspend: String
    public let terminate: String
    public let restore: String
    public let statusChanged: String
    public let portalPasswordTitle: String
    public let portalPasswordIntro: String
    public let fieldPortalPassword: String
    public let setPortalPassword: String
    public let errorPortalPassword: String
    public let portalPasswordSaved: String
    public let invoicesTitle: String
}

extension Language {
    public var adminSubscriberStrings: AdminSubscriberStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
