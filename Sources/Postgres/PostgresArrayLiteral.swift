/// Writes and reads one-dimensional PostgreSQL array literals (`{"a","b\"c",NULL}`).
enum PostgresArrayLiteral {
    /// Every element is double-quoted with `"` and `\` escaped, so commas, braces, spaces
    /// and the word NULL inside a string stay data; only a Swift `nil` becomes NULL.
    static func format(_ elements: [String?]) -> String {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    static func parse(_ text: String) throws(PostgresError) -> [String?] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else {
            throw PostgresError(.decoding, "array value is not a one-dimensional array literal")
        }
        var elements: [String?] = []
        var index = 1
        let end = scalars.count - 1
        if index == end { return [] }
        while index <= end {
            var element = String.UnicodeScalarView()
            var quoted = false
            if scalars[index] == "\"" {
                quoted = true
                index += 1
                while index < end, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    guard index < end else { break }
                    element.append(scalars[index])
                    index += 1
                }
                guard index < end else { throw PostgresError(.decoding, "array literal has an unterminated quote") }
                index += 1
            } else {
                while index < end, scalars[index] != "," {
                    guard scalars[index] != "{", scalars[index] != "\"" else {
                        throw PostgresError(.decoding, "multi-dimensional arrays are not supported")
                    }
                    if scalars[index] == "\\" { index += 1 }
                    guard index < end else { break }
                    element.append(scalars[index])
                    index += 1
                }
            }
            let value = String(element)
            elements.append(!quoted && value.uppercased() == "NULL" ? nil : value)
            guard index == end || scalars[index] == "," else {
                throw PostgresError(.decoding, "array literal has text after a quoted element")
            }
            index += 1
        }
        return elements
    }
}
