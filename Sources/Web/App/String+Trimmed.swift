extension StringProtocol {
    /// The text without leading and trailing white space, newlines included: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without Foundation bridging every
    /// call through `NSString` (which showed in the order form's profile).
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
