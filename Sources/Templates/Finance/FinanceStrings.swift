/// The fixed strings of the finance pages (the tenant admin's ledger, report and expenses, and head
/// office's monthly figures), in every `Language`. `Language.financeStrings` switches exhaustively.
public struct FinanceStrings: Sendable {
    public let title: String
    public let intro: String
    public let monthLabel: String
    public let showMonth: String
    public let previousMonth: String
    public let nextMonth: String
    public let income: String
    public let expenses: String
    public let net: String
    public let exportCSV: String
    public let chartTitle: String
    public let chartEmpty: String
    public let byDay: String
    public let byItem: String
    public let byChannel: String
    public let byCategory: String
    public let ledgerTitle: String
    public let ledgerEmpty: String
    /// "7410 rows": how many rows the month's ledger has, beside its pages.
    public let entryCount: @Sendable (Int) -> String
    public let columnDay: String
    public let columnTime: String
    public let columnKind: String
    public let columnChannel: String
    public let columnItem: String
    public let columnReference: String
    public let columnAmount: String
    public let columnCount: String
    public let kindIncome: String
    public let kindRefund: String
    public let kindExpense: String
    public let noItem: String
    public let channelOnline: String
    public let channelCash: String
    public let channelBankTransfer: String
    public let channelReseller: String
    public let categoryBandwidth: String
    public let categorySalaries: String
    public let categoryRent: String
    public let categoryElectricity: String
    public let categoryEquipment: String
    public let categoryOther: String
    // Expenses
    public let newExpense: String
    public let editExpense: String
    public let saveExpense: String
    public let deleteExpense: String
    public let fieldDate: String
    public let fieldCategory: String
    public let fieldAmount: String
    public let fieldAmountHint: String
    public let fieldNote: String
    public let errorDate: String
    public let errorCategory: String
    public let errorAmountNegative: String
    public let errorAmountFraction: String
    public let errorAmount: @Sendable (_ maximum: String) -> String
    public let errorNoteTooLong: String
    public let expenseSaved: String
    public let expenseDeleted: String
    // Head office
    public let headOfficeTitle: String
    public let headOfficeIntro: String
    public let columnTenant: String
    public let platformTotal: String

    /// The words for a ledger channel as stored (`online`, `cash`, `bank_transfer`, `reseller`).
    public func channelName(_ channel: String) -> String {
        switch channel {
        case "online": channelOnline
        case "cash": channelCash
        case "bank_transfer": channelBankTransfer
        case "reseller": channelReseller
        default: categoryName(channel)
        }
    }

    /// The words for an expense category as stored (`bandwidth` …).
    public func categoryName(_ category: String) -> String {
        switch category {
        case "bandwidth": categoryBandwidth
        case "salaries": categorySalaries
        case "rent": categoryRent
        case "electricity": categoryElectricity
        case "equipment": categoryEquipment
        case "other": categoryOther
        default: category
        }
    }
}

extension Language {
    public var financeStrings: FinanceStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
