/// Ids a page repeats: a label or `aria-describedby` pointing at a repeated id reaches the first element
/// with it, in another form.
extension PageRendering {
    static func repeatedIDs(in html: String) -> [String] {
        var counts: [String: Int] = [:]
        for match in html.matches(of: /\sid="([^"]*)"/) { counts[String(match.1), default: 0] += 1 }
        return counts.filter { $0.value > 1 }.keys.sorted()
    }
}
