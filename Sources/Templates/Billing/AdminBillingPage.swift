/// `GET/POST /admin/billing`: time zone, proration, due days, isolation grace and reminder days.
public struct AdminBillingPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminBillingView

    public init(chrome: SiteChrome, view: AdminBillingView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminBillingView.Field
        let strings = chrome.strings
        let words = chrome.language.billingStrings
        let state = view.state
        let zones = [words.timeZoneJakarta, words.timeZoneMakassar, words.timeZoneJayapura]
        return SiteLayout(chrome: chrome, title: words.title) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.billing)
            Element.section(.class("panel"), .ariaLabelledBy("billing-heading")) {
                Element.h1(.id("billing-heading")) { words.title }
                Element.p { words.intro }
                if view.saved { FormNotice(strings.adminSaved) }
                Element.p { Element.a(.href(SafeURL(Paths.Admin.billingMessages))) { words.messagesTitle } }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.billing)), .novalidate) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    SelectField(
                        name: Field.timeZone, label: words.fieldTimeZone,
                        options: zip(AdminBillingView.timeZones, zones).map { .init(value: $0.0, label: $0.1) },
                        state: state, hint: words.timeZoneHint)
                    CheckboxField(name: Field.prorate, state: state) { words.fieldProrate }
                    TextField(
                        name: Field.dueDays, label: words.fieldDueDays, state: state, hint: words.dueDaysHint,
                        required: true, inputMode: .numeric)
                    TextField(
                        name: Field.graceDays, label: words.fieldGraceDays, state: state, hint: words.graceDaysHint,
                        required: true, inputMode: .numeric)
                    TextField(
                        name: Field.reminderDays, label: words.fieldReminderDays, state: state,
                        hint: words.reminderDaysHint, required: true, inputMode: .numeric)
                    Element.button(.class("button"), .type(.submit)) { strings.adminSave }
                }
            }
        }.body
    }
}

/// `GET/POST /admin/billing/messages`: one box per billing message and language.
public struct AdminBillingMessagesPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminBillingMessagesView

    public init(chrome: SiteChrome, view: AdminBillingMessagesView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminBillingMessagesView.Field
        let strings = chrome.strings
        let words = chrome.language.billingStrings
        let state = view.state
        return SiteLayout(chrome: chrome, title: words.messagesTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.billing)
            Element.section(.class("panel"), .ariaLabelledBy("messages-heading")) {
                Element.p { Element.a(.href(SafeURL(Paths.Admin.billing))) { words.title } }
                Element.h1(.id("messages-heading")) { words.messagesTitle }
                Element.p { words.messagesIntro }
                if view.saved { FormNotice(strings.adminSaved) }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.billingMessages)), .novalidate) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    for kind in BillingMessageKind.allCases {
                        for language in Language.allCases {
                            MarkdownField(
                                name: Field.text(kind, language), label: words.messageLabel(kind, language.rawValue),
                                hint: words.messagesHint, state: state, language: language, rows: 4, required: false)
                        }
                    }
                    Element.button(.class("button"), .type(.submit)) { strings.adminSave }
                }
            }
        }.body
    }
}

/// The pay-link section of an invoice's admin page.
public struct AdminInvoicePayLinkSection: HTMLComponent {
    let view: AdminInvoicePayLinkView
    let language: Language

    public init(view: AdminInvoicePayLinkView, language: Language) {
        self.view = view
        self.language = language
    }

    public var body: HTMLFragment {
        let words = language.billingStrings
        return HTMLFragment {
            Element.h2(.id("pay-link")) { words.payLinkHeading }
            if let notice = view.notice { FormNotice(notice) }
            if let link = view.newLink {
                Element.p { words.newLinkShown }
                Element.p { Element.a(.href(SafeURL(link))) { link } }
            }
            if view.isOpen {
                Element.p { words.payLinkIntro }
                if !view.hasWhatsApp { Element.p { words.noWhatsAppNumber } }
                Element.form(.method(.post), .action(SafeURL(view.reissuePath))) {
                    HiddenInput(name: "_csrf", value: view.csrfToken)
                    Element.button(.class("button secondary"), .type(.submit)) { words.reissueLink }
                }
                if view.hasWhatsApp {
                    Element.form(.method(.post), .action(SafeURL(view.resendPath))) {
                        HiddenInput(name: "_csrf", value: view.csrfToken)
                        Element.button(.class("button"), .type(.submit)) { words.resendLink }
                    }
                }
            } else {
                Element.p { words.notPayable }
            }
            Element.h3 { words.messagesSentHeading }
            if view.sent.isEmpty { Element.p { words.noMessagesSent } } else { AdminSalesSummary(lines: view.sent) }
        }
    }
}
