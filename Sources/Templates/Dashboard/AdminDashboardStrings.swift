/// The fixed strings of the tenant admin's dashboard, in every `Language`.
/// `Language.adminDashboardStrings` switches exhaustively, so a missing language or string is a compile error.
public struct AdminDashboardStrings: Sendable {
    /// The name of the admin menu, which starts at the dashboard, for screen readers.
    public let navigationLabel: String
    public let title: String
    public let salesToday: String
    public let salesThisMonth: String
    public let salesHint: String
    public let payments: @Sendable (Int) -> String
    public let unpaidInvoices: String
    public let invoices: @Sendable (Int) -> String
    public let isolatedSubscribers: String
    public let onlineSessions: String
    public let lastPayments: String
    public let noPayments: String
    public let columnWhen: String
    public let columnFor: String
    public let columnAmount: String
    public let columnMethod: String
    public let order: @Sendable (String) -> String
    public let invoice: @Sendable (String) -> String
    public let settlement: @Sendable (String) -> String
    public let methodGateway: String
    public let methodCash: String
    public let methodBankTransfer: String
}

extension Language {
    public var adminDashboardStrings: AdminDashboardStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}

extension AdminDashboardStrings {
    static let english = AdminDashboardStrings(
        navigationLabel: "Store admin",
        title: "Dashboard",
        salesToday: "Sales today",
        salesThisMonth: "Sales this month",
        salesHint: "Paid voucher orders and invoice payments, online and at the counter.",
        payments: { $0 == 1 ? "1 payment" : "\($0) payments" },
        unpaidInvoices: "Unpaid invoices",
        invoices: { $0 == 1 ? "1 invoice" : "\($0) invoices" },
        isolatedSubscribers: "Isolated subscribers",
        onlineSessions: "Online sessions",
        lastPayments: "Last payments",
        noPayments: "No payment yet.",
        columnWhen: "When",
        columnFor: "For",
        columnAmount: "Amount",
        columnMethod: "Paid by",
        order: { "Order \($0)" },
        invoice: { "Invoice \($0)" },
        settlement: { "Settlement from \($0)" },
        methodGateway: "Online",
        methodCash: "Cash",
        methodBankTransfer: "Bank transfer")

    static let indonesian = AdminDashboardStrings(
        navigationLabel: "Admin toko",
        title: "Dasbor",
        salesToday: "Penjualan hari ini",
        salesThisMonth: "Penjualan bulan ini",
        salesHint: "Pesanan voucher yang dibayar dan pembayaran tagihan, online maupun di loket.",
        payments: { "\($0) pembayaran" },
        unpaidInvoices: "Tagihan belum dibayar",
        invoices: { "\($0) tagihan" },
        isolatedSubscribers: "Pelanggan terisolir",
        onlineSessions: "Sesi online",
        lastPayments: "Pembayaran terakhir",
        noPayments: "Belum ada pembayaran.",
        columnWhen: "Waktu",
        columnFor: "Untuk",
        columnAmount: "Jumlah",
        columnMethod: "Dibayar dengan",
        order: { "Pesanan \($0)" },
        invoice: { "Tagihan \($0)" },
        settlement: { "Setoran dari \($0)" },
        methodGateway: "Online",
        methodCash: "Tunai",
        methodBankTransfer: "Transfer bank")
}
