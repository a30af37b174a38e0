/// The sales pages' entries in the admin navigation, each after a separator.
struct AdminSalesLinks: HTMLComponent {
    let strings: AdminSalesStrings
    /// The current page's section, as `AdminNavigation` has it.
    let current: String

    var body: HTMLFragment {
        for (path, title) in [
            (Paths.Admin.orders, strings.ordersTitle), (Paths.Admin.invoices, strings.invoicesTitle),
            (Paths.Admin.payments, strings.paymentsTitle), (Paths.Admin.whatsApp, strings.whatsAppTitle),
            (Paths.Admin.audit, strings.auditTitle),
        ] {
            " · "
            AdminNavigationLink(path: path, title: title, current: current)
        }
    }
}
