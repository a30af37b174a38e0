/// `hotspot.css`: the look of the exported router pages. The same class names as `site.css` (the pages
/// use `SiteLayout`), written small and without custom properties or grid, because the login page and
/// its assets must stay under 20 KB and old phone browsers know neither.
public enum HotspotStylesheet {
    public static let fileName = "hotspot.css"

    /// The stylesheet in the tenant's colours. Each colour must be `#rrggbb`; anything else falls back
    /// to Gerbang's default, so no text from outside ever reaches the CSS.
    public static func css(brand: String, brandText: String, accent: String, accentText: String) -> String {
        let brand = color(brand, or: "#0b5fff")
        let brandText = color(brandText, or: "#ffffff")
        let accent = color(accent, or: "#ff8a00")
        let accentText = color(accentText, or: "#111827")
        return base + """
            .site-header{background:\(brand);color:\(brandText)}
            .button{background:\(brand);color:\(brandText)}
            .button.accent{background:\(accent);color:\(accentText)}
            .initials{background:\(accent);color:\(accentText)}
            .hotspot-buy{border-color:\(accent)}
            input:focus{border-color:\(brand)}

            """
    }

    static func color(_ text: String, or fallback: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return fallback }
        let isHex = bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
        return isHex ? text : fallback
    }

    private static let base = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:#111827;background:#f8fafc}
        a{color:inherit}
        a:focus,button:focus,input:focus,summary:focus{outline:3px solid #111827;outline-offset:2px}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:8px;top:8px;background:#fff;padding:8px}
        .wrap{max-width:480px;margin:0 auto;padding:0 16px}
        .site-header .wrap{padding-top:12px;padding-bottom:12px;overflow:hidden}
        .brand{display:inline-block;text-decoration:none;font-weight:700;font-size:1.15rem;line-height:40px}
        .brand img,.initials{width:40px;height:40px;border-radius:50%;vertical-align:middle;margin-right:10px}
        .initials{display:inline-block;text-align:center;font-size:.95rem}
        .site-nav ul{list-style:none;margin:4px 0 0;padding:0}
        .site-nav li{display:inline-block;margin-right:14px}
        .site-nav a{text-decoration:none;padding:6px 0;display:inline-block}
        main{padding:20px 0 32px}
        h1{font-size:1.5rem;line-height:1.2;margin:0 0 8px}
        h2{font-size:1.2rem;margin:0 0 8px}
        .panel{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:20px 16px;margin-bottom:16px}
        .hotspot-buy{border-width:2px}
        .muted{color:#4b5563}
        label{display:block;font-weight:600;margin:12px 0 4px}
        input{display:block;width:100%;min-height:44px;padding:10px 12px;font:inherit;font-size:1.1rem;border:2px solid #9ca3af;border-radius:8px;background:#fff;color:#111827}
        .hint{font-size:.9rem;margin:4px 0 0}
        .button{display:inline-block;min-height:44px;padding:10px 18px;border-radius:999px;border:0;font:inherit;font-weight:600;text-decoration:none;cursor:pointer;text-align:center}
        form .button{width:100%;margin-top:16px}
        .hotspot-error{background:#fef2f2;border:2px solid #b91c1c;color:#7f1d1d;border-radius:8px;padding:10px 12px;font-weight:600}
        details{margin-top:16px}
        summary{cursor:pointer;text-decoration:underline;padding:8px 0}
        dl{margin:0}
        dt{font-weight:600;margin-top:8px}
        dd{margin:0}
        .site-footer{border-top:1px solid #e5e7eb;padding:16px 0 24px;font-size:.9rem;color:#4b5563}
        .site-footer h2{font-size:1rem;margin:12px 0 4px}
        .site-footer ul{margin:0;padding-left:18px}

        """
}
