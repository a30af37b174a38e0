/// The sales pages' entries in the admin navigation, each after a separator.
struct AdminSalesLinks: HTMLComponent {
    let strings: AdminSalesStrings

    var body: HTMLFragment {
        " · "
        Element.a(.href(SafeURL(Paths.Admin.orders))) { strings.ordersTitle }
        " · "
        Element.a(.href(SafeURL(Paths.Admin.invoices))) { strings.invoicesTitle }
        " · "
        Element.a(.href(SafeURL(Paths.Admin.payments))) { strings.paymentsTitle }
        " · "
        Element.a(.href(SafeURL(Paths.Admin.whatsApp))) { strings.whatsAppTitle }
        " · "
        Element.a(.href(SafeURL(Paths.Admin.audit))) { strings.auditTitle }
    }
}
