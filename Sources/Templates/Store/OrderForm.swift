/// The order form of one package: WhatsApp number, name, email, quantity, terms. Used on the package
/// page and, prefilled, as "order again" on a failed or expired order.
public struct OrderForm: HTMLComponent {
    let form: OrderFormView
    let strings: Strings
    /// False when no WhatsApp sender serves the store: the form then promises the order page, not a message.
    let sendsWhatsApp: Bool

    public init(form: OrderFormView, strings: Strings, sendsWhatsApp: Bool = true) {
        self.form = form
        self.strings = strings
        self.sendsWhatsApp = sendsWhatsApp
    }

    public var body: HTMLFragment {
        typealias Field = OrderFormView.Field
        let state = form.state
        let quantities = (1...max(1, form.maximumQuantity)).map { SelectField.Option(value: String($0), label: String($0)) }
        return HTMLFragment {
            Element.form(.class("order-form"), .method(.post), .action(SafeURL(Paths.orders)), .novalidate) {
                FormErrorSummary(state: state, message: strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: form.csrfToken)
                HiddenInput(name: Field.idempotencyKey, value: form.idempotencyKey)
                HiddenInput(name: Field.profile, value: form.profileID)
                TextField(
                    name: Field.phone, label: strings.fieldPhone, state: state, type: .tel,
                    hint: sendsWhatsApp ? strings.fieldPhoneHint : strings.fieldPhoneHintNoWhatsApp,
                    required: true, autocomplete: "tel", inputMode: .tel)
                TextField(name: Field.name, label: strings.fieldName, state: state, autocomplete: "name")
                TextField(
                    name: Field.email, label: strings.fieldEmail, state: state, type: .email, autocomplete: "email",
                    inputMode: .email)
                SelectField(name: Field.quantity, label: strings.fieldQuantity, options: quantities, state: state)
                CheckboxField(name: Field.terms, state: state, required: true) {
                    strings.termsAgreementBefore
                    Element.a(.href(SafeURL(Paths.page("terms")))) { strings.pageTerms.lowercasedFirstLetter }
                    strings.termsAgreementAfter
                }
                Element.button(.class("button accent wide"), .type(.submit)) { strings.submitOrder }
            }
        }
    }
}

extension String {
    /// "Terms and conditions" reads mid-sentence as "terms and conditions".
    fileprivate var lowercasedFirstLetter: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
