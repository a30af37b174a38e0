/// The sales pages' entries in the admin navigation, each after a separator.
struct AdminSalesLinks: HTMLComponent {
    let strings: AdminSalesStrings

    var body: HTMLFragment {
        " · "
        Element.a(.href("/admin/orders")) { strings.ordersTitle }
        " · "
        Element.a(.href("/admin/invoices")) { strings.invoicesTitle }
        " · "
        Element.a(.href("/admin/payments")) { strings.paymentsTitle }
        " · "
        Element.a(.href("/admin/whatsapp")) { strings.whatsAppTitle }
        " · "
        Element.a(.href("/admin/audit")) { strings.auditTitle }
    }
}
