import Foundation
import Templates

extension BrandingDraft {
    /// `branding` with this draft's text and colours (the logo stays the saved one): what the store
    /// would look like after a save. Only meaningful for a draft without errors.
    func applied(to branding: Branding) -> Branding {
        var draft = branding
        func text(_ name: String) -> String { values[name] ?? "" }
        draft.displayName = text(Field.displayName)
        draft.tagline = text(Field.tagline)
        draft.primaryColor = BrandColor(text(Field.primaryColor)) ?? branding.primaryColor
        draft.accentColor = BrandColor(text(Field.accentColor)) ?? branding.accentColor
        draft.contactWhatsApp = text(Field.contactWhatsApp)
        draft.contactEmail = text(Field.contactEmail)
        draft.address = text(Field.address)
        draft.footerText = text(Field.footerText)
        draft.defaultLanguage = Language(rawValue: text(Field.defaultLanguage)) ?? branding.defaultLanguage
        draft.hotspotLoginURL = text(Field.hotspotLoginURL)
        return draft
    }
}
