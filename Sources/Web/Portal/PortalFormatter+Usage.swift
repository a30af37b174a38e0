import Foundation
import Templates

/// The overview's plan speed and this month's usage, in words.
extension PortalFormatter {
    func speed(down: Int, up: Int) -> String {
        language.portalAccountStrings.speedValue(VoucherProfile.speed(kbps: down), VoucherProfile.speed(kbps: up))
    }

    func usage(_ usage: SubscriberUsage) -> PortalDashboardView.Usage {
        let minutes = usage.secondsOnline / 60
        return PortalDashboardView.Usage(
            sessions: usage.sessions,
            timeOnline: language.portalAccountStrings.duration(minutes / 60, minutes % 60),
            download: dataAmount(usage.bytesDown), upload: dataAmount(usage.bytesUp), isOnline: usage.isOnline)
    }

    /// `December 2026`: the current month in the tenant's time zone.
    func currentMonth(now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        return period(String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1))
    }

    /// `1.5 GB`, `320.4 MB` (`1,5 GB` in Indonesian): binary units, as the plans' quotas are.
    func dataAmount(_ bytes: Int64) -> String {
        let gigabyte = 1_073_741_824.0
        let megabyte = 1_048_576.0
        let (value, unit) = Double(bytes) >= gigabyte ? (Double(bytes) / gigabyte, "GB") : (Double(max(bytes, 0)) / megabyte, "MB")
        let tenths = Int64((min(value, 1e15) * 10).rounded())
        let separator = language == .id ? "," : "."
        return "\(tenths / 10)\(separator)\(tenths % 10) \(unit)"
    }
}
