extension HeadOfficeStrings {
    static let english = HeadOfficeStrings(
        loginTitle: "Head office sign-in",
        loginIntro: "For Gerbang's own staff: tenants, domain approvals, central payment gateways.",
        loginFailed: "Wrong email or password.",
        navigationLabel: "Head office",
        tenantsTitle: "Tenants",
        domainsTitle: "Domain approvals",
        gatewaysTitle: "Central gateways",
        tenantsIntro: "Every ISP on this platform, with this month's figures.",
        tenantsEmpty: "No tenants yet.",
        tenantCount: { $0 == 1 ? "1 tenant" : "\($0) tenants" },
        searchLabel: "Find a tenant",
        searchButton: "Search",
        searchNothingFound: { "No tenant matches “\($0)”." },
        figuresCaption: { "Tenants and their figures for \($0) (UTC)" },
        columnTenant: "Tenant",
        columnStatus: "Status",
        columnTier: "Tier",
        columnDomains: "Domains",
        columnOrders: "Orders",
        columnPaidOrders: "Paid orders",
        columnPaidAmount: "Paid amount",
        columnPageViews: "Page views",
        columnActions: "Actions",
        statusActive: "Active",
        statusInactive: "Inactive",
        noDomains: "none",
        tierName: { tier in
            switch tier {
            case "starter": "Starter"
            case "professional": "Professional"
            case "enterprise": "Enterprise"
            default: tier
            }
        },
        activate: "Activate",
        deactivate: "Deactivate",
        delete: "Delete",
        deleteHint: "Deleting takes the tenant's sites offline at once; its records are kept.",
        createTitle: "Add a tenant",
        fieldSlug: "Slug",
        fieldSlugHint: { "3 to 30 lower-case letters, digits and hyphens; the store will be at slug.\($0)." },
        fieldName: "Name",
        fieldTier: "Tier",
        fieldAdminEmail: "Tenant admin's email",
        fieldAdminEmailHint: "The ISP's first admin signs in with it at /admin on the new store.",
        fieldAdminPassword: "Tenant admin's first password",
        fieldAdminPasswordHint: "At least 10 characters. Pass it on privately.",
        createButton: "Create tenant",
        errorSlugMissing: "Enter a slug.",
        errorSlugLength: "A slug has 3 to 30 characters.",
        errorSlugCharacters: "Use only lower-case letters a–z, digits and hyphens.",
        errorSlugHyphen: "A slug cannot start or end with a hyphen.",
        errorSlugReserved: { "“\($0)” is reserved for the platform; choose another slug." },
        errorSlugTaken: "This slug is already taken.",
        errorNameMissing: "Enter the ISP's name.",
        errorNameTooLong: "A name has at most 120 characters.",
        errorTierInvalid: "Choose one of the tiers.",
        errorAdminPasswordShort: "A password has 10 to 200 characters.",
        domainsIntro: "Custom domains tenants have added. An approved domain serves its tenant at once.",
        domainsEmpty: "No domain is waiting for approval.",
        columnDomain: "Domain",
        columnRequested: "Requested",
        approve: "Approve",
        reject: "Reject",
        gatewaysIntro:
            "The platform's own gateway accounts, used by every tenant without its own. Keys are shown masked; leave a key blank to keep it.",
        providerName: { provider in
            switch provider {
            case "sandbox": "Sandbox (built in)"
            case "midtrans": "Midtrans"
            case "xendit": "Xendit"
            default: provider
            }
        },
        keyLabel: { key in
            switch key {
            case "secret": "Signing secret"
            case "server_key": "Server key"
            case "secret_key": "Secret key"
            case "callback_token": "Callback token"
            default: key
            }
        },
        keyCurrent: { "Now \($0). Leave blank to keep it." },
        keyNotSet: "Not set yet.",
        fieldSandbox: "Sandbox mode (test payments only)",
        fieldActive: "Active: takes the payments of every tenant without its own gateway",
        activeBadge: "Active",
        productionBadge: "Production",
        sandboxBadge: "Sandbox",
        save: "Save",
        errorKeysMissing: "Fill in every key before activating this gateway.",
        errorProviderNotOffered: "This gateway is not available on this server.",
        accountsTitle: "Accounts",
        accountsIntro: "Everyone who can sign in to head office. You cannot remove yourself or the last account.",
        columnEmail: "Email",
        you: "(you)",
        remove: "Remove",
        addAccountHeading: "Add a head-office admin",
        fieldEmail: "Email",
        fieldPassword: "Password (10 to 200 characters)",
        addAccount: "Add",
        errorEmailTaken: "A head-office admin with this email exists already.",
        errorCannotRemoveYourself: "You cannot remove your own account.",
        errorCannotRemoveLast: "The last head-office account cannot be removed.",
        auditTitle: "Audit trail",
        financeTitle: "Finance"
    )
}
