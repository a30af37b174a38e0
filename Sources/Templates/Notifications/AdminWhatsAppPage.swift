/// `GET/POST /admin/whatsapp`: the sender in use, the tenant's own senders, and the form to add one.
public struct AdminWhatsAppPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminWhatsAppView

    public init(chrome: SiteChrome, view: AdminWhatsAppView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        let words = chrome.language.adminWhatsAppStrings
        return SiteLayout(chrome: chrome, title: sales.whatsAppTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.whatsApp)
            Element.section(.class("panel"), .ariaLabelledBy("whatsapp-heading")) {
                Element.h1(.id("whatsapp-heading")) { sales.whatsAppTitle }
                if view.saved {
                    FormNotice(strings.adminSaved)
                }
                Element.p { sales.whatsAppIntro }
                Element.h2 { sales.inEffectHeading }
                Element.p(.class("in-effect")) { Element.strong { view.inEffect } }
            }
            Element.section(.class("panel"), .ariaLabelledBy("whatsapp-senders-heading")) {
                Element.h2(.id("whatsapp-senders-heading")) { words.sendersHeading }
                Element.p { words.sendersIntro }
                if view.senders.isEmpty {
                    Element.p(.class("muted")) { words.sendersEmpty }
                } else {
                    Element.ul(.class("whatsapp-senders")) {
                        for sender in view.senders { entry(sender, words: words) }
                    }
                }
            }
            Element.section(.class("panel"), .ariaLabelledBy("whatsapp-add-heading")) {
                Element.h2(.id("whatsapp-add-heading")) { words.addSender }
                WhatsAppSenderForm(
                    action: Paths.Admin.whatsAppSenders, state: view.state, storedToken: nil, csrfToken: view.csrfToken,
                    language: chrome.language, submit: words.addSender)
            }
        }.body
    }

    private func entry(_ sender: AdminWhatsAppView.Sender, words: AdminWhatsAppStrings) -> Element {
        Element.li(.class("whatsapp-sender")) {
            Element.a(.href(SafeURL(sender.editPath))) { Element.strong { sender.name } }
            Element.span { " · " + words.columnToken + " " + sender.maskedToken }
            Element.span { " · " + words.fieldPerMinute + ": " + String(sender.perMinute) }
            Element.span { " · " + (sender.isActive ? words.stateActive : words.stateOff) }
            Element.form(.class("inline"), .method(.post), .action(SafeURL(sender.deletePath))) {
                HiddenInput(name: AdminWhatsAppView.Field.csrf, value: view.csrfToken)
                Element.button(
                    .class("button secondary"), .type(.submit), .ariaLabel(words.deleteSender + ": " + sender.name)
                ) { words.deleteSender }
            }
        }
    }
}

/// `GET/POST /admin/whatsapp/senders/{id}`: one of the tenant's own senders, its token kept unless a new one is typed.
public struct AdminWhatsAppSenderPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminWhatsAppSenderView

    public init(chrome: SiteChrome, view: AdminWhatsAppSenderView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminWhatsAppStrings
        return SiteLayout(chrome: chrome, title: words.editSender) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.whatsApp)
            Element.section(.class("panel"), .ariaLabelledBy("whatsapp-sender-heading")) {
                Element.h1(.id("whatsapp-sender-heading")) { words.editSender }
                WhatsAppSenderForm(
                    action: view.formPath, state: view.state, storedToken: view.storedToken, csrfToken: view.csrfToken,
                    language: chrome.language, submit: chrome.strings.adminSave)
            }
        }.body
    }
}

/// A sender's fields: name, device token (never filled back), messages per minute, active.
struct WhatsAppSenderForm: HTMLComponent {
    let action: String
    let state: FormState
    /// The masked stored token when editing; nil when adding.
    let storedToken: String?
    let csrfToken: String
    let language: Language
    let submit: String

    var body: HTMLFragment {
        typealias Field = AdminWhatsAppView.Field
        let strings = language.strings
        let sales = language.adminSalesStrings
        let words = language.adminWhatsAppStrings
        return HTMLFragment {
            Element.form(.class("admin-form"), .method(.post), .action(SafeURL(action)), .novalidate) {
                FormErrorSummary(state: state, message: strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: csrfToken)
                TextField(name: Field.name, label: words.fieldName, state: state, hint: words.fieldNameHint, required: true)
                TextField(
                    name: Field.token, label: sales.fieldFonnteToken, state: state, type: .password,
                    hint: storedToken.map { sales.fieldFonnteTokenHint + " " + sales.storedKey($0) } ?? sales.fieldFonnteTokenHint,
                    required: storedToken == nil, autocomplete: "off")
                TextField(
                    name: Field.perMinute, label: words.fieldPerMinute, state: state, type: .number,
                    hint: words.fieldPerMinuteHint, required: true, inputMode: .numeric)
                CheckboxField(name: Field.active, state: state) { words.fieldActive }
                Element.button(.class("button"), .type(.submit)) { submit }
            }
        }
    }
}
