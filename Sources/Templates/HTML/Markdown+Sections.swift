extension Markdown {
    /// Keeps or drops the conditional sections of a content page: `{{#name}}…{{/name}}` stays when
    /// `conditions[name]` holds, `{{^name}}…{{/name}}` when it does not, and the markers themselves go.
    /// A marker alone on its line takes its line break with it, so a section may be a whole list item or
    /// paragraph without leaving a blank line that would split a list. A name absent from `conditions`,
    /// or a section never closed, is left as written.
    public static func resolveSections(_ template: String, conditions: [String: Bool]) -> String {
        var text = template
        for (name, holds) in conditions.sorted(by: { $0.key < $1.key }) {
            let close = "{{/\(name)}}"
            var output = ""
            var rest = Substring(text)
            while let open = firstOpening(of: name, in: rest),
                let end = rest[open.range.upperBound...].range(of: close)
            {
                output += rest[..<open.range.lowerBound]
                let bodyStart = past(open.range, in: text)
                let bodyEnd = end.lowerBound
                if open.shownWhenHolds == holds, bodyStart < bodyEnd { output += text[bodyStart..<bodyEnd] }
                rest = text[past(end, in: text)...]
            }
            output += rest
            text = output
        }
        return text
    }

    private static func firstOpening(of name: String, in text: Substring) -> (range: Range<String.Index>, shownWhenHolds: Bool)? {
        let shown = text.range(of: "{{#\(name)}}").map { (range: $0, shownWhenHolds: true) }
        let hidden = text.range(of: "{{^\(name)}}").map { (range: $0, shownWhenHolds: false) }
        guard let shown, let hidden else { return shown ?? hidden }
        return shown.range.lowerBound < hidden.range.lowerBound ? shown : hidden
    }

    /// Past a marker, and past the line break after it when the marker is alone on its line.
    private static func past(_ marker: Range<String.Index>, in text: String) -> String.Index {
        let startsLine = marker.lowerBound == text.startIndex || text[text.index(before: marker.lowerBound)] == "\n"
        guard startsLine, marker.upperBound < text.endIndex, text[marker.upperBound] == "\n" else { return marker.upperBound }
        return text.index(after: marker.upperBound)
    }
}
