/// `GET/POST /admin/branding`: the tenant's look and contact details, with the logo upload.
public struct AdminBrandingPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminBrandingView

    public init(chrome: SiteChrome, view: AdminBrandingView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminBrandingView.Field
        let strings = chrome.strings
        let state = view.state
        return SiteLayout(chrome: chrome, title: strings.adminBrandingTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.branding)
            Element.section(.class("panel"), .ariaLabelledBy("branding-heading")) {
                Element.h1(.id("branding-heading")) { strings.adminBrandingTitle }
                if view.saved {
                    FormNotice(strings.adminSaved)
                }
                Element.form(
                    .class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.branding)), .enctype(.multipart), .novalidate
                ) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.displayName, label: strings.fieldDisplayName, state: state, required: true)
                    TextField(name: Field.tagline, label: strings.fieldTagline, state: state)
                    for (name, label) in [(Field.primaryColor, strings.fieldPrimaryColor), (Field.accentColor, strings.fieldAccentColor)] {
                        TextField(name: name, label: label, state: state, hint: strings.fieldColorHint, required: true)
                        if let contrast = view.contrasts[name] {
                            ContrastNote(contrast: contrast, strings: strings)
                        }
                    }
                    Element.div(.class(state.error(Field.logo) == nil ? "field" : "field invalid")) {
                        let ids = FieldIDs(name: Field.logo)
                        Element.label(.for(ids.control)) { strings.fieldLogo }
                        Element.input(
                            .type(.file), .id(ids.control), .name(Field.logo), .accept("image/png,image/jpeg,image/webp"),
                            .ariaInvalid(state.error(Field.logo) != nil),
                            ids.describedBy(hasHint: true, hasError: state.error(Field.logo) != nil))
                        FieldMessages(ids: ids, hint: strings.fieldLogoHint, error: state.error(Field.logo))
                        if let kept = view.keptLogo {
                            HiddenInput(name: Field.logoDraft, value: kept.base64)
                            Element.p(.class("hint kept-logo")) {
                                Element.img(.src(kept.image), .alt(""), .width(40), .height(40))
                                " "
                                strings.logoKept
                            }
                        }
                    }
                    TextField(
                        name: Field.contactWhatsApp, label: strings.fieldContactWhatsApp, state: state, type: .tel)
                    TextField(
                        name: Field.contactEmail, label: strings.fieldContactEmail, state: state, type: .email)
                    TextField(name: Field.address, label: strings.fieldAddress, state: state)
                    TextField(name: Field.footerText, label: strings.fieldFooterText, state: state)
                    SelectField(
                        name: Field.defaultLanguage, label: strings.fieldDefaultLanguage,
                        options: Language.allCases.map { .init(value: $0.rawValue, label: $0.nativeName) }, state: state)
                    TextField(
                        name: Field.hotspotLoginURL, label: strings.fieldHotspotLoginURL, state: state, type: .url,
                        hint: strings.fieldHotspotLoginURLHint)
                    let framing = chrome.language.framingStrings
                    TextField(
                        name: Field.frameAncestors, label: framing.fieldLabel, state: state, hint: framing.fieldHint)
                    Element.button(.class("button"), .type(.submit)) { strings.adminSave }
                    // Same form, other target: the store with these values, nothing saved.
                    Element.button(
                        .class("button secondary"), .type(.submit), .formaction(SafeURL(Paths.Admin.brandingPreview))
                    ) { strings.adminPreview }
                }
            }
        }.body
    }
}

/// The contrast of readable text on a brand colour, and a warning when it fails WCAG AA.
struct ContrastNote: HTMLComponent {
    let contrast: AdminBrandingView.Contrast
    let strings: Strings

    var body: HTMLFragment {
        Element.p(.class(contrast.isTooLow ? "contrast warning" : "contrast")) {
            strings.contrastRatioText(contrast.ratio)
            if contrast.isTooLow {
                " "
                Element.strong { strings.contrastWarning }
            }
        }
    }
}
