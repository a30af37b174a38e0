import Templates

/// How a package's limits read on a card or a page: "1 day", "5 GB quota", "Up to 10 Mbps".
extension VoucherProfile {
    func details(_ strings: Strings) -> [String] {
        Self.details(
            validityMinutes: validityMinutes, dataQuotaMB: dataQuotaMB, downloadKbps: downloadKbps,
            sharedUsers: sharedUsers, strings: strings)
    }

    static func details(validityMinutes: Int, dataQuotaMB: Int64?, downloadKbps: Int?, sharedUsers: Int, strings: Strings)
        -> [String]
    {
        var lines = [validity(minutes: validityMinutes, strings: strings)]
        lines.append(dataQuotaMB.map { strings.quotaAmount(dataSize(megabytes: $0)) } ?? strings.quotaUnlimited)
        if let downloadKbps { lines.append(strings.speedUpTo(speed(kbps: downloadKbps))) }
        if sharedUsers > 1 { lines.append(strings.sharedDevices(sharedUsers)) }
        return lines
    }

    /// Whole days, else whole hours, else minutes: `30 days`, `3 hours`, `90 minutes`.
    static func validity(minutes: Int, strings: Strings) -> String {
        if minutes % 1440 == 0 { return strings.validityDays(minutes / 1440) }
        if minutes % 60 == 0 { return strings.validityHours(minutes / 60) }
        return strings.validityMinutes(minutes)
    }

    /// `500 MB`, or `5 GB` when the quota is whole gigabytes.
    static func dataSize(megabytes: Int64) -> String {
        megabytes >= 1024 && megabytes % 1024 == 0 ? "\(megabytes / 1024) GB" : "\(megabytes) MB"
    }

    /// `512 kbps`, `10 Mbps`.
    static func speed(kbps: Int) -> String {
        kbps >= 1000 && kbps % 1000 == 0 ? "\(kbps / 1000) Mbps" : kbps % 1024 == 0 ? "\(kbps / 1024) Mbps" : "\(kbps) kbps"
    }
}
