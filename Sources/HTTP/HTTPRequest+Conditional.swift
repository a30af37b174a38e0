extension HTTPRequest {
    /// Whether the client's `If-None-Match` already holds `entityTag`, so a 304 will do.
    /// Weak comparison (RFC 9110 §13.1.2): `W/` is ignored on either side; `*` matches any.
    public func ifNoneMatch(_ entityTag: String) -> Bool {
        guard let condition = headers["If-None-Match"] else { return false }
        let opaque = entityTag.hasPrefix("W/") ? entityTag.dropFirst(2) : entityTag[...]
        for candidate in condition.split(separator: ",") {
            let trimmed = candidate.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            let text = String(trimmed)
            if text == "*" { return true }
            if (text.hasPrefix("W/") ? text.dropFirst(2) : text[...]) == opaque { return true }
        }
        return false
    }
}
