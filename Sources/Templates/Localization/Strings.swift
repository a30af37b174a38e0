/// Every fixed string on Gerbang's pages, one property each, in every `Language`.
/// A missing translation is a compile error, not a blank on the page.
public struct Strings: Sendable {
    // Navigation and layout
    public let home: String
    public let buyVoucher: String
    public let customerPortal: String
    public let contactUs: String
    public let language: String
    public let skipToContent: String
    public let poweredBy: String
    public let whatsApp: String
    public let email: String
    public let address: String
    public let pagesHeading: String

    // Home
    public let heroCallToAction: String
    public let heroPortalCallToAction: String
    public let catalogueHeading: String
    public let catalogueEmpty: String
    public let subscriberHeading: String
    public let subscriberText: String

    // Content page titles
    public let pageAbout: String
    public let pageHowToBuy: String
    public let pageFAQ: String
    public let pageTerms: String
    public let pagePrivacy: String

    // Errors
    public let notFoundTitle: String
    public let notFoundText: String
    public let badRequestTitle: String
    public let badRequestText: String
    public let forbiddenTitle: String
    public let forbiddenText: String
    public let tooManyRequestsTitle: String
    public let tooManyRequestsText: String
    /// A sign-in refused before its wait was over, with the seconds left.
    public let loginThrottled: @Sendable (Int) -> String
    public let tooLargeTitle: String
    public let tooLargeText: String
    public let serverErrorTitle: String
    public let serverErrorText: String
    public let unavailableTitle: String
    public let unavailableText: String
    public let backHome: String
    public let requestID: String

    // Platform site
    public let platformTagline: String
    public let platformIntro: String
    public let platformFeatures: [String]

    // Store: storefront (catalogue, order form, order status, retry, sandbox checkout)
    public let validityMinutes: @Sendable (Int) -> String
    public let validityHours: @Sendable (Int) -> String
    public let validityDays: @Sendable (Int) -> String
    public let quotaUnlimited: String
    public let quotaAmount: @Sendable (String) -> String
    public let speedUpTo: @Sendable (String) -> String
    public let sharedDevices: @Sendable (Int) -> String
    public let perVoucher: String
    public let orderFormHeading: String
    public let fieldPhone: String
    public let fieldPhoneHint: String
    public let fieldPhoneHintNoWhatsApp: String
    public let fieldName: String
    public let fieldEmail: String
    public let fieldQuantity: String
    public let termsAgreementBefore: String
    public let termsAgreementAfter: String
    public let submitOrder: String
    public let formHasErrors: String
    public let errorPhoneMissing: String
    public let errorPhoneCharacters: String
    public let errorPhoneNotIndonesian: String
    public let errorPhoneLength: String
    public let errorNameTooLong: String
    public let errorEmailInvalid: String
    public let errorEmailTooLong: String
    public let errorQuantity: @Sendable (Int) -> String
    public let errorTermsRequired: String
    public let orderHeading: @Sendable (String) -> String
    public let labelOrderNumber: String
    public let labelPackage: String
    public let labelQuantity: String
    public let labelTotal: String
    public let labelPayBefore: String
    public let labelPaidAt: String
    public let orderPendingHeading: String
    public let orderPendingText: String
    public let continueToPayment: String
    public let orderPaidHeading: String
    public let orderCodesHint: String
    public let orderCodesPreparing: String
    public let keepThisLink: String
    public let howToUseHeading: String
    public let howToUseSteps: [String]
    public let openHotspotLogin: String
    public let orderExpiredHeading: String
    public let orderExpiredText: String
    public let orderFailedHeading: String
    public let orderFailedText: String
    public let orderCancelledHeading: String
    public let payAgainHeading: String
    public let packageNoLongerSold: String
    public let gatewayDownTitle: String
    public let gatewayDownText: @Sendable (String) -> String
    public let retryPayment: String
    public let orderAlreadyPaidTitle: String
    public let orderAlreadyPaidText: String
    public let orderAlreadyPaidTextNoWhatsApp: String
    public let paymentSentTitle: String
    public let paymentSentText: String
    public let paymentSentTextNoWhatsApp: String
    public let sandboxTitle: String
    public let sandboxBanner: String
    public let sandboxMerchant: String
    public let sandboxAmount: String
    public let sandboxPay: String
    public let sandboxFail: String

    // Store: WhatsApp message bringing the voucher codes (webhook fulfilment)
    public let voucherMessageThanks: String
    public let voucherMessageCodes: @Sendable (_ package: String, _ orderNumber: String) -> String
    public let voucherMessageHowTo: String

    // Portal: subscriber login, invoices, payments, receipts, pay by link
    public let portalLoginTitle: String
    public let portalLoginIntro: String
    public let fieldLogin: String
    public let fieldLoginHint: String
    public let fieldPassword: String
    public let signIn: String
    public let signOut: String
    public let loginFailed: String
    public let errorLoginMissing: String
    public let errorPasswordMissing: String
    public let portalGreeting: @Sendable (String) -> String
    public let portalOverview: String
    public let labelCustomerNumber: String
    public let labelPPPoEUsername: String
    public let labelPlan: String
    public let labelMonthlyPrice: String
    public let labelStatus: String
    public let subscriberActive: String
    public let subscriberIsolated: String
    public let subscriberSuspended: String
    public let subscriberTerminated: String
    public let isolatedNotice: String
    public let nextInvoiceHeading: String
    public let noUnpaidInvoices: String
    public let invoicesHeading: String
    public let invoiceHeading: @Sendable (String) -> String
    public let noInvoices: String
    public let labelInvoiceNumber: String
    public let labelPeriod: String
    public let labelAmount: String
    public let labelDueDate: String
    public let invoiceUnpaid: String
    public let invoicePaid: String
    public let invoiceVoid: String
    public let invoiceOverdue: String
    public let payInvoice: String
    public let viewInvoice: String
    public let viewReceipt: String
    public let paymentsHeading: String
    public let noPayments: String
    public let labelPaymentDate: String
    public let labelPaymentMethod: String
    public let labelReceiptNumber: String
    public let receiptHeading: String
    public let receiptIssuer: String
    public let receiptCustomer: String
    public let receiptPrintHint: String
    public let payLinkHeading: String
    public let payLinkIntro: @Sendable (_ customer: String) -> String
    public let monthNames: [String]

    // Payments: invoices through the payment path (gateway retry, return from the gateway)
    public let invoiceGatewayDownText: @Sendable (_ invoiceNumber: String) -> String
    public let invoicePaymentReturnText: String

    // Admin: sign-in and branding
    public let adminLoginTitle: String
    public let adminLoginIntro: String
    public let adminLoginFailed: String
    public let errorEmailMissing: String
    public let adminSignOut: String
    // Changing one's own password (tenant admin, head office)
    public let changePasswordHeading: String
    public let fieldCurrentPassword: String
    public let fieldNewPassword: String
    public let fieldNewPasswordAgain: String
    public let changePassword: String
    public let passwordChanged: String
    public let errorPasswordsDiffer: String
    public let errorCurrentPasswordWrong: String
    public let errorNewPasswordLength: String
    public let adminBrandingTitle: String
    public let adminSaved: String
    public let adminSave: String
    public let adminPreview: String
    public let previewBanner: String
    public let previewBackToForm: String
    public let previewSave: String
    public let logoKept: String
    public let fieldDisplayName: String
    public let fieldTagline: String
    public let fieldPrimaryColor: String
    public let fieldAccentColor: String
    public let fieldColorHint: String
    public let fieldLogo: String
    public let fieldLogoHint: String
    public let fieldContactWhatsApp: String
    public let fieldContactEmail: String
    public let fieldAddress: String
    public let fieldFooterText: String
    public let fieldDefaultLanguage: String
    public let fieldHotspotLoginURL: String
    public let fieldHotspotLoginURLHint: String
    public let errorDisplayName: String
    public let errorTextTooLong: String
    public let errorBrandColor: String
    public let errorWhatsApp: String
    public let errorContactEmail: String
    public let errorHotspotURL: String
    public let errorLogoType: String
    public let errorLogoSize: String
    public let errorLogoDimensions: String
    public let contrastWarning: String
    public let contrastRatioText: @Sendable (_ ratio: String) -> String

    // Admin: custom domains
    public let adminDomainsTitle: String
    public let adminDomainsIntro: String
    public let adminDomainsEmpty: String
    public let fieldDomain: String
    public let fieldDomainHint: String
    public let domainPending: String
    public let domainApproved: String
    public let domainPrimary: String
    public let domainMakePrimary: String
    public let domainRemove: String
    public let domainAdd: String
    public let errorDomainInvalid: String
    public let errorDomainIP: String
    public let errorDomainPlatform: String
    public let errorDomainReserved: String
    public let errorDomainTaken: String

    // Admin: hotspot
    public let adminHotspotTitle: String
    public let adminHotspotIntro: String
    public let adminHotspotSteps: [String]
    public let adminHotspotDownload: String
    public let adminHotspotFileSize: @Sendable (_ bytes: Int) -> String
}
