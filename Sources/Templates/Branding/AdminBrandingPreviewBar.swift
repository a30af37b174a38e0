/// The bar on top of a branding preview: it says the page is a preview, and its form carries the draft
/// (the chosen logo included) back to the form or on to a save, so nothing has to be typed or chosen again.
public struct AdminBrandingPreviewBar: HTMLComponent {
    let strings: Strings
    /// Every text field of the draft, by name.
    let values: [String: String]
    let keptLogo: AdminBrandingView.KeptLogo?
    let csrfToken: String

    public init(strings: Strings, values: [String: String], keptLogo: AdminBrandingView.KeptLogo?, csrfToken: String) {
        self.strings = strings
        self.values = values
        self.keptLogo = keptLogo
        self.csrfToken = csrfToken
    }

    public var body: HTMLFragment {
        Element.div(.class("preview-bar no-print"), .role("region"), .ariaLabel(strings.adminPreview)) {
            Element.p { Element.strong { strings.previewBanner } }
            Element.form(.method(.post), .action(SafeURL(Paths.Admin.branding)), .enctype(.multipart)) {
                HiddenInput(name: AdminBrandingView.Field.csrf, value: csrfToken)
                for name in values.keys.sorted() { HiddenInput(name: name, value: values[name] ?? "") }
                if let keptLogo { HiddenInput(name: AdminBrandingView.Field.logoDraft, value: keptLogo.base64) }
                Element.button(.class("button"), .type(.submit)) { strings.previewSave }
                " "
                Element.button(.class("button secondary"), .type(.submit), .formaction(SafeURL(Paths.Admin.brandingEdit))) {
                    strings.previewBackToForm
                }
            }
        }
    }
}
