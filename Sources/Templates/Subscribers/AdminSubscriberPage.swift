/// `GET/POST /admin/subscribers/new` and `/admin/subscribers/{id}`: the subscriber's form and, once it
/// exists, its status with the suspend, terminate and restore buttons, its portal password and its invoices.
public struct AdminSubscriberPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminSubscriberView

    public init(chrome: SiteChrome, view: AdminSubscriberView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminSubscriberStrings
        return SiteLayout(chrome: chrome, title: view.heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.subscribers)
            Element.section(.class("panel"), .ariaLabelledBy("subscriber-heading")) {
                Element.h1(.id("subscriber-heading")) { view.heading }
                if let notice = view.existing?.notice { FormNotice(notice) }
                if let existing = view.existing { status(existing, words: words) }
                form(words: words)
            }
            if let existing = view.existing {
                portalPassword(existing, words: words)
                Element.section(.class("panel"), .ariaLabelledBy("subscriber-invoices")) {
                    Element.h2(.id("subscriber-invoices")) { words.invoicesTitle }
                    AdminInvoiceTable(rows: existing.invoices, chrome: chrome)
                }
            }
        }.body
    }

    private func form(words: AdminSubscriberStrings) -> HTMLFragment {
        typealias Field = AdminSubscriberView.Field
        let state = view.state
        let isNew = view.existing == nil
        return HTMLFragment {
            if view.plans.isEmpty { Element.p(.class("form-alert"), .role("alert")) { words.noActivePlans } }
            Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                FormErrorSummary(state: state, message: chrome.strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: view.csrfToken)
                TextField(name: Field.name, label: words.fieldName, state: state, required: true)
                TextField(
                    name: Field.customerNumber, label: words.fieldCustomerNumber, state: state,
                    hint: words.fieldCustomerNumberHint)
                TextField(
                    name: Field.phone, label: words.fieldPhone, state: state, type: .tel, hint: words.fieldPhoneHint,
                    autocomplete: "off")
                TextField(name: Field.email, label: words.fieldEmail, state: state, type: .email, autocomplete: "off")
                TextField(name: Field.address, label: words.fieldAddress, state: state)
                SelectField(name: Field.plan, label: words.fieldPlan, options: view.plans, state: state)
                TextField(
                    name: Field.pppoeUsername, label: words.fieldPPPoEUsername, state: state,
                    hint: words.fieldPPPoEUsernameHint, required: true, autocomplete: "off")
                TextField(
                    name: Field.pppoePassword, label: words.fieldPPPoEPassword, state: state,
                    hint: isNew ? words.fieldPPPoEPasswordHint : words.fieldPPPoEPasswordKeepHint, required: isNew,
                    autocomplete: "off")
                if isNew {
                    TextField(
                        name: Field.portalPassword, label: words.portalPasswordTitle, state: state, type: .password,
                        hint: words.portalPasswordIntro, autocomplete: "new-password")
                }
                TextField(
                    name: Field.billingDay, label: words.fieldBillingDay, state: state, hint: words.fieldBillingDayHint,
                    inputMode: .numeric)
                TextField(
                    name: Field.installationDate, label: words.fieldInstallationDate, state: state, type: .date,
                    hint: words.fieldInstallationDateHint)
                TextField(name: Field.notes, label: words.fieldNotes, state: state)
                Element.button(.class("button"), .type(.submit)) { isNew ? words.createSubscriber : chrome.strings.adminSave }
            }
        }
    }

    private func status(_ existing: AdminSubscriberView.Existing, words: AdminSubscriberStrings) -> HTMLFragment {
        typealias Field = AdminSubscriberView.Field
        return HTMLFragment {
            Element.h2 { words.statusTitle }
            Element.p {
                existing.status
                " "
                existing.statusLine
            }
            if !existing.statusReason.isEmpty { Element.p(.class("muted")) { existing.statusReason } }
            if let first = existing.actions.first {
                Element.form(
                    .class("admin-form"), .method(.post), .action(SafeURL(first.path)), .novalidate
                ) {
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.reason, label: words.fieldReason, state: existing.statusState, hint: words.fieldReasonHint)
                    Element.div(.class("profile-actions")) {
                        for change in existing.actions {
                            Element.button(.class("button secondary"), .type(.submit), .formaction(SafeURL(change.path))) {
                                label(change.action, words: words)
                            }
                        }
                    }
                }
            }
        }
    }

    private func label(_ action: String, words: AdminSubscriberStrings) -> String {
        switch action {
        case "suspend": words.suspend
        case "terminate": words.terminate
        default: words.restore
        }
    }

    private func portalPassword(_ existing: AdminSubscriberView.Existing, words: AdminSubscriberStrings) -> Element {
        typealias Field = AdminSubscriberView.Field
        return Element.section(.class("panel"), .ariaLabelledBy("subscriber-portal")) {
            Element.h2(.id("subscriber-portal")) { words.portalPasswordTitle }
            Element.p { words.portalPasswordIntro }
            Element.form(
                .class("admin-form"), .method(.post), .action(SafeURL(existing.portalPasswordPath)), .novalidate
            ) {
                HiddenInput(name: Field.csrf, value: view.csrfToken)
                TextField(
                    name: Field.portalPassword, label: words.fieldPortalPassword, state: existing.portalState,
                    type: .password, required: true, autocomplete: "new-password")
                Element.button(.class("button"), .type(.submit)) { words.setPortalPassword }
            }
        }
    }
}

/// A subscriber's invoices, as the invoice list shows them.
struct AdminInvoiceTable: HTMLComponent {
    let rows: [AdminInvoiceRow]
    let chrome: SiteChrome

    var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        AdminSalesTable(
            headers: [strings.labelInvoiceNumber, strings.labelPeriod, strings.labelAmount, strings.labelDueDate, strings.labelStatus],
            rows: rows.map { row in
                [
                    HTMLFragment { Element.a(.href(SafeURL(row.detailURL))) { row.number } }, HTMLFragment { row.period },
                    HTMLFragment { row.amount }, HTMLFragment { row.dueDate }, HTMLFragment { row.status },
                ]
            }, emptyText: sales.noInvoices)
    }
}
