/// One labelled, already formatted line of a summary: "Order number: EV…", "Period: November 2026".
public struct SummaryLine: Sendable, Hashable {
    public let label: String
    public let value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
