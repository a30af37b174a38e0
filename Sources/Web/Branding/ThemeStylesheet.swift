/// `/brand/theme.css`: the tenant's colours as CSS custom properties.
/// Only `BrandColor` values reach this text, and they can only print as `#rrggbb`.
enum ThemeStylesheet {
    static func css(for branding: Branding) -> String {
        let primary = branding.primaryColor
        let accent = branding.accentColor
        return """
            :root {
              --brand: \(primary);
              --brand-text: \(primary.readableText);
              --accent: \(accent);
              --accent-text: \(accent.readableText);
            }

            """
    }
}
