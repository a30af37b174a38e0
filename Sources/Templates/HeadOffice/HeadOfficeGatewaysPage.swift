/// `GET/POST /head-office/gateways`: one form per provider for the platform's central accounts. Key inputs
/// are always empty (blank keeps the stored key); the stored key shows only masked in the hint.
public struct HeadOfficeGatewaysPage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeGatewaysView

    public init(chrome: SiteChrome, view: HeadOfficeGatewaysView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.language.headOfficeStrings
        return SiteLayout(chrome: chrome, title: strings.gatewaysTitle) {
            HeadOfficeNavigation(strings: strings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("gateways-heading")) {
                if view.saved { FormNotice(chrome.strings.adminSaved) }
                Element.h1(.id("gateways-heading")) { strings.gatewaysTitle }
                Element.p { strings.gatewaysIntro }
            }
            for gateway in view.gateways { form(gateway, strings) }
        }.body
    }

    private func form(_ gateway: HeadOfficeGatewaysView.Gateway, _ strings: HeadOfficeStrings) -> Element {
        typealias Field = HeadOfficeGatewaysView.Field
        let headingID = "gateway-\(gateway.provider)"
        return Element.section(.class("panel"), .ariaLabelledBy(headingID)) {
            Element.h2(.id(headingID)) {
                strings.providerName(gateway.provider)
                if gateway.isStored {
                    " "
                    Element.span(.class("badge")) { gateway.isSandbox ? strings.sandboxBadge : strings.productionBadge }
                }
                if gateway.isActive {
                    " "
                    Element.span(.class("badge active")) { strings.activeBadge }
                }
            }
            Element.form(
                .class("admin-form"), .method(.post), .action(SafeURL(Paths.HeadOffice.gateway(gateway.provider))), .novalidate
            ) {
                FormErrorSummary(state: gateway.state, message: chrome.strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: view.csrfToken)
                for key in gateway.keys {
                    // A key is never written back, not even the one just typed into a refused form.
                    TextField(
                        name: Field.key(key.name), label: strings.keyLabel(key.name),
                        state: FormState(errors: gateway.state.errors.filter { $0.key == Field.key(key.name) }),
                        type: .password, hint: key.masked.map(strings.keyCurrent) ?? strings.keyNotSet,
                        autocomplete: "off")
                }
                CheckboxField(name: Field.isSandbox, scope: gateway.provider, state: gateway.state) { strings.fieldSandbox }
                CheckboxField(name: Field.isActive, scope: gateway.provider, state: gateway.state) { strings.fieldActive }
                Element.button(.class("button"), .type(.submit)) { strings.save }
            }
        }
    }
}
