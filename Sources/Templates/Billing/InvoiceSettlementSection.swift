/// The counter section of `GET /admin/invoices/{number}`: paid so far and still owed, then the
/// payment form and the void form where they apply.
struct InvoiceSettlementSection: HTMLComponent {
    typealias Field = InvoiceSettlementView.Field

    let view: InvoiceSettlementView
    let language: Language

    var body: HTMLFragment {
        let words = language.settlementStrings
        let strings = language.strings
        return HTMLFragment {
            Element.section(.class("admin-settlement"), .ariaLabelledBy("settlement-heading")) {
                Element.h2(.id("settlement-heading")) { words.settlementHeading }
                if let notice = view.notice { FormNotice(notice) }
                if let problem = view.problem { Element.p(.class("form-alert"), .role("alert")) { problem } }
                AdminSalesSummary(
                    lines: [
                        SummaryLine(label: words.labelPaidSoFar, value: view.paidSoFar),
                        SummaryLine(label: words.labelStillOwed, value: view.stillOwed),
                    ] + view.voided)
                if let paymentPath = view.paymentPath {
                    Element.h3 { words.recordPaymentHeading }
                    Element.form(.class("admin-form"), .method(.post), .action(SafeURL(paymentPath)), .novalidate) {
                        FormErrorSummary(state: view.payment, message: strings.formHasErrors)
                        HiddenInput(name: Field.csrf, value: view.csrfToken)
                        TextField(
                            name: Field.amount, label: words.fieldAmount, state: view.payment, hint: words.fieldAmountHint,
                            required: true, inputMode: .numeric)
                        SelectField(
                            name: Field.method, label: words.fieldMethod,
                            options: [
                                .init(value: "cash", label: words.methodCash),
                                .init(value: "bank_transfer", label: words.methodBankTransfer),
                            ], state: view.payment)
                        TextField(
                            name: Field.reference, label: words.fieldReference, state: view.payment,
                            hint: words.fieldReferenceHint)
                        Element.button(.class("button"), .type(.submit)) { words.recordPayment }
                    }
                }
                if let voidPath = view.voidPath {
                    Element.h3 { words.voidHeading }
                    Element.p { words.voidIntro }
                    Element.form(.class("admin-form"), .method(.post), .action(SafeURL(voidPath)), .novalidate) {
                        FormErrorSummary(state: view.void, message: strings.formHasErrors)
                        HiddenInput(name: Field.csrf, value: view.csrfToken)
                        TextField(name: Field.reason, label: words.fieldVoidReason, state: view.void, required: true)
                        Element.button(.class("button secondary"), .type(.submit)) { words.voidInvoice }
                    }
                }
            }
        }
    }
}
