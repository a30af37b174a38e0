/// `GET/POST /admin/whatsapp`: the sender in use and the form to switch to the tenant's own number.
public struct AdminWhatsAppPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminWhatsAppView

    public init(chrome: SiteChrome, view: AdminWhatsAppView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminWhatsAppView.Field
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.whatsAppTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("whatsapp-heading")) {
                Element.h1(.id("whatsapp-heading")) { sales.whatsAppTitle }
                if view.saved {
                    FormNotice(strings.adminSaved)
                }
                Element.p { sales.whatsAppIntro }
                Element.h2 { sales.inEffectHeading }
                Element.p(.class("in-effect")) { Element.strong { view.inEffect } }
            }
            Element.section(.class("panel"), .ariaLabelledBy("whatsapp-settings-heading")) {
                Element.h2(.id("whatsapp-settings-heading")) { sales.settingsHeading }
                Element.form(.class("admin-form"), .method(.post), .action("/admin/whatsapp"), .novalidate) {
                    FormErrorSummary(state: view.state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    CheckboxField(name: Field.useOwnSender, state: view.state) { sales.fieldUseOwnWhatsApp }
                    TextField(
                        name: Field.token, label: sales.fieldFonnteToken, state: view.state, type: .password,
                        hint: view.storedToken.map { sales.fieldFonnteTokenHint + " " + sales.storedKey($0) }
                            ?? sales.fieldFonnteTokenHint,
                        autocomplete: "off")
                    Element.button(.class("button"), .type(.submit)) { strings.adminSave }
                }
            }
        }.body
    }
}
