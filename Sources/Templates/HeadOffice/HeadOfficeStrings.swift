/// The fixed strings of the head-office pages (`/head-office`), in every `Language`.
///
/// They live apart from `Strings` because only head office reads them; `Language.headOfficeStrings`
/// switches exhaustively, so a missing language or a missing string is still a compile error.
public struct HeadOfficeStrings: Sendable {
    // Sign-in and navigation
    public let loginTitle: String
    public let loginIntro: String
    public let loginFailed: String
    public let navigationLabel: String
    public let tenantsTitle: String
    public let domainsTitle: String
    public let gatewaysTitle: String

    // Tenants
    public let tenantsIntro: String
    public let tenantsEmpty: String
    /// "1 tenant", "120 tenants": a head-office list's length, beside its pager.
    public let tenantCount: @Sendable (Int) -> String
    public let searchLabel: String
    public let searchButton: String
    public let searchNothingFound: @Sendable (_ query: String) -> String
    public let figuresCaption: @Sendable (_ period: String) -> String
    public let columnTenant: String
    public let columnStatus: String
    public let columnTier: String
    public let columnDomains: String
    public let columnOrders: String
    public let columnPaidOrders: String
    public let columnPaidAmount: String
    public let columnPageViews: String
    public let columnActions: String
    public let statusActive: String
    public let statusInactive: String
    public let noDomains: String
    public let tierName: @Sendable (_ tier: String) -> String
    public let activate: String
    public let deactivate: String
    public let delete: String
    public let deleteHint: String

    // Creating a tenant
    public let createTitle: String
    public let fieldSlug: String
    public let fieldSlugHint: @Sendable (_ baseDomain: String) -> String
    public let fieldName: String
    public let fieldTier: String
    public let fieldAdminEmail: String
    public let fieldAdminEmailHint: String
    public let fieldAdminPassword: String
    public let fieldAdminPasswordHint: String
    public let createButton: String
    public let errorSlugMissing: String
    public let errorSlugLength: String
    public let errorSlugCharacters: String
    public let errorSlugHyphen: String
    public let errorSlugReserved: @Sendable (_ slug: String) -> String
    public let errorSlugTaken: String
    public let errorNameMissing: String
    public let errorNameTooLong: String
    public let errorTierInvalid: String
    public let errorAdminPasswordShort: String

    // Domain approvals
    public let domainsIntro: String
    public let domainsEmpty: String
    public let columnDomain: String
    public let columnRequested: String
    public let approve: String
    public let reject: String

    // Central gateways
    public let gatewaysIntro: String
    public let providerName: @Sendable (_ provider: String) -> String
    public let keyLabel: @Sendable (_ key: String) -> String
    public let keyCurrent: @Sendable (_ masked: String) -> String
    public let keyNotSet: String
    public let fieldSandbox: String
    public let fieldActive: String
    public let activeBadge: String
    public let productionBadge: String
    public let sandboxBadge: String
    public let save: String
    public let errorKeysMissing: String
    public let errorProviderNotOffered: String

    // Head-office accounts
    public let accountsTitle: String
    public let accountsIntro: String
    public let columnEmail: String
    public let you: String
    public let remove: String
    public let addAccountHeading: String
    public let fieldEmail: String
    public let fieldPassword: String
    public let addAccount: String
    public let errorEmailTaken: String
    public let errorCannotRemoveYourself: String
    public let errorCannotRemoveLast: String
    public let auditTitle: String
    public let financeTitle: String
}

extension Language {
    /// The head-office pages' strings in this language.
    public var headOfficeStrings: HeadOfficeStrings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}
