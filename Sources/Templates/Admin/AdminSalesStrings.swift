/// The fixed strings of the tenant admin's sales pages (orders, invoices, the payment gateway), in
/// every `Language`.
///
/// They live apart from `Strings` so that these pages can grow without touching the shared catalogue;
/// `Language.adminSalesStrings` switches exhaustively, so a missing language or string is a compile error.
public struct AdminSalesStrings: Sendable {
    // Navigation
    public let ordersTitle: String
    public let invoicesTitle: String
    public let paymentsTitle: String

    // Lists: search, filter, paging
    public let searchLabel: String
    public let searchOrdersHint: String
    public let searchInvoicesHint: String
    public let statusFilter: String
    public let anyStatus: String
    public let searchButton: String
    public let clearFilters: String
    public let pageOf: @Sendable (_ page: Int, _ lastPage: Int) -> String
    /// A list counted only so far: it has at least `lastPage` pages.
    public let pageOfAtLeast: @Sendable (_ page: Int, _ lastPage: Int) -> String
    /// A count that stopped: "more than" and the count in words ("10000 orders").
    public let moreThan: @Sendable (_ count: String) -> String
    public let orderCount: @Sendable (Int) -> String
    public let invoiceCount: @Sendable (Int) -> String
    public let previousPage: String
    public let nextPage: String
    public let noOrders: String
    public let noInvoices: String

    // Order states
    public let orderPending: String
    public let orderPaid: String
    public let orderExpired: String
    public let orderFailed: String
    public let orderCancelled: String

    // Orders: columns and detail
    public let labelCreated: String
    public let labelBuyer: String
    public let labelName: String
    public let labelPhone: String
    public let labelEmail: String
    public let labelExpires: String
    public let labelGateway: String
    public let labelGatewayReference: String
    public let orderTitle: @Sendable (String) -> String
    public let buyerHeading: String
    public let paymentHeading: String
    public let vouchersHeading: String
    public let noVouchers: String
    public let webhookEventsHeading: String
    public let noWebhookEvents: String
    public let labelReceived: String
    public let labelProvider: String
    public let labelOutcome: String
    public let labelDetail: String
    public let outcomeReceived: String
    public let outcomeProcessed: String
    public let outcomeDuplicate: String
    public let outcomeIgnored: String
    public let outcomeRejected: String
    public let outcomeFailed: String
    public let messagesHeading: String
    public let noMessages: String
    public let labelQueued: String
    public let labelAttempts: String
    public let messageWaiting: String
    public let messageSent: String
    public let messageGivenUp: String
    public let messageSentAt: @Sendable (_ time: String) -> String
    public let messageNextAttempt: @Sendable (_ time: String) -> String
    public let messageFirstAttempt: @Sendable (_ time: String) -> String
    public let messageWaitsForSender: String
    public let resendLabel: String
    public let resendButton: String
    public let resendQueued: String
    public let backToOrders: String

    // Invoices: detail
    public let invoiceTitle: @Sendable (String) -> String
    public let customerHeading: String
    public let paymentsHeading: String
    public let noPayments: String
    public let labelReference: String
    public let paymentPaid: String
    public let paymentRefunded: String
    public let backToInvoices: String

    // WhatsApp sender
    public let whatsAppTitle: String
    public let whatsAppIntro: String
    public let whatsAppInEffectOwn: String
    public let whatsAppInEffectCentral: String
    public let whatsAppInEffectNone: String
    public let whatsAppNoSenderWarning: String
    public let fieldFonnteToken: String
    public let fieldFonnteTokenHint: String
    public let errorFonnteTokenRequired: String
    public let errorFonnteTokenInvalid: String

    // Payment gateway
    public let paymentsIntro: String
    public let inEffectHeading: String
    public let inEffectCentral: @Sendable (_ provider: String) -> String
    public let inEffectOwn: @Sendable (_ provider: String) -> String
    public let inEffectNone: String
    public let environmentSandbox: String
    public let environmentProduction: String
    public let accountsHeading: String
    public let noAccounts: String
    public let accountActive: String
    public let accountInactive: String
    public let settingsHeading: String
    public let fieldUseOwnGateway: String
    public let fieldProvider: String
    public let fieldEnvironment: String
    public let fieldSecretKey: String
    public let fieldSecretKeyHint: String
    public let fieldClientKey: String
    public let fieldClientKeyHint: String
    public let fieldWebhookToken: String
    public let fieldWebhookTokenHint: String
    public let storedKey: @Sendable (_ masked: String) -> String
    public let errorKeyRequired: String
    public let errorChooseProvider: String
    public let errorChooseEnvironment: String

    // Audit trail (tenant admin and head office)
    public let auditTitle: String
    public let auditIntro: String
    public let labelWhen: String
    public let labelActor: String
    public let labelAction: String
    public let labelSubject: String
    public let labelAddress: String
    public let labelTenant: String
    public let filterFrom: String
    public let filterTo: String
    public let noAuditEntries: String
    public let auditEntryCount: @Sendable (Int) -> String
}

extension Language {
    /// The sales pages' strings in this language.
    public var adminSalesStrings: AdminSalesStrings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}
