/// The fixed strings of the billing pages this folder renders (counter payments and voids on the
/// admin's invoice page, the isolation page), in every `Language`. `Language.settlementStrings` switches
/// exhaustively, so a missing language or string is a compile error.
public struct SettlementStrings: Sendable {
    // Counter payments and voids (admin)
    public let settlementHeading: String
    public let labelPaidSoFar: String
    public let labelStillOwed: String
    public let recordPaymentHeading: String
    public let fieldAmount: String
    public let fieldAmountHint: String
    public let fieldMethod: String
    public let methodCash: String
    public let methodBankTransfer: String
    public let fieldReference: String
    public let fieldReferenceHint: String
    public let recordPayment: String
    public let voidHeading: String
    public let voidIntro: String
    public let fieldVoidReason: String
    public let voidInvoice: String
    public let labelVoidedAt: String
    public let labelVoidReason: String
    public let noticePaymentRecorded: String
    public let noticeInvoiceSettled: String
    public let noticeInvoiceVoided: String
    public let errorAmount: String
    public let errorMethod: String
    public let errorReference: String
    public let errorVoidReason: String
    public let errorNotPayable: String
    public let errorHasPayments: String
    public let errorNotVoidable: String
    public let errorExceedsRemaining: @Sendable (_ remaining: String) -> String

    // Isolation page (subscriber)
    public let isolatedTitle: String
    public let isolatedIntro: @Sendable (_ name: String) -> String
    public let isolatedNothingOpen: String
    public let unknownConnectionTitle: String
    public let unknownConnectionText: String
    public let logInToPortal: String
}

extension Language {
    public var settlementStrings: SettlementStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
