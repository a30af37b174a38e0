extension FramingStrings {
    static let english = FramingStrings(
        fieldLabel: "Sites that may show your pages in a frame",
        fieldHint:
            "Leave empty unless your own website embeds this store. HTTPS addresses only, separated by spaces, "
            + "for example https://www.your-isp.co.id (at most 5).",
        errorOrigins:
            "Enter up to 5 addresses like https://www.your-isp.co.id, with no path, separated by spaces.")
}
