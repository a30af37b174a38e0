// Compiled twice: into HTTPTests (seed replay) and, next to the HTTP sources, into the libFuzzer
// harness `Fuzz/URLEncodedForm`, where the types are in the same module and there is nothing to import.
#if canImport(HTTP)
    @testable import HTTP
#endif

/// What must hold when any bytes arrive as a form body, a query, a path segment or a `Cookie` header:
/// decoders stay inside their limits, never hand out NUL or a refusal other than 400/413, and what they
/// decode survives being encoded and decoded again unchanged.
enum FormInvariants {
    /// Small limits, so short fuzz inputs reach every 413 branch.
    static let limits = FormLimits(maxFields: 16, maxValueBytes: 64, maxTotalBytes: 2048)

    /// Descriptions of every broken rule; empty when the input was handled correctly.
    static func violations(in input: [UInt8]) -> [String] {
        var problems: [String] = []
        checkForm(input, problems: &problems)
        checkPercentDecoding(input, problems: &problems)
        checkCookies(input, problems: &problems)
        return problems
    }

    private static func checkForm(_ input: [UInt8], problems: inout [String]) {
        let body: [(name: String, value: String)]
        do {
            body = try URLEncodedForm(body: input, limits: limits).fields
        } catch {
            if ![400, 413].contains(error.status.code) { problems.append("form refused with \(error.status.code)") }
            if let text = String(validating: input, as: UTF8.self), (try? URLEncodedForm(query: text, limits: limits)) != nil {
                problems.append("query accepted what the body parser refused")
            }
            return
        }
        if body.count > limits.maxFields { problems.append("\(body.count) fields accepted") }
        if body.count > input.count(where: { $0 == UInt8(ascii: "&") }) + 1 { problems.append("more fields than pairs") }
        for (name, value) in body {
            if name.utf8.count > limits.maxValueBytes || value.utf8.count > limits.maxValueBytes {
                problems.append("field \(name.debugDescription) longer than the limit")
            }
            if name.utf8.contains(0) || value.utf8.contains(0) { problems.append("NUL in field \(name.debugDescription)") }
        }
        if let text = String(validating: input, as: UTF8.self) {
            let query = try? URLEncodedForm(query: text, limits: limits).fields
            if query.map({ same($0, body) }) != true { problems.append("query and body parsers disagree") }
        }
        let encoded = body.map { percentEncoded($0.name) + "=" + percentEncoded($0.value) }.joined(separator: "&")
        guard let again = try? URLEncodedForm(body: Array(encoded.utf8), limits: .default).fields else {
            problems.append("re-encoded form \(encoded.debugDescription) refused")
            return
        }
        if !same(again, body) { problems.append("re-encoded form \(encoded.debugDescription) decoded differently") }
        let form = URLEncodedForm(fields: body)
        for (name, value) in body where form[name] == nil || !form.values(name).contains(value) {
            problems.append("lookup of \(name.debugDescription) lost a value")
        }
    }

    /// `+` is a space in forms and nothing special in paths; apart from that both modes decode alike.
    private static func checkPercentDecoding(_ input: [UInt8], problems: inout [String]) {
        let path = try? PercentDecoding.decode(input, mode: .pathSegment)
        let form = try? PercentDecoding.decode(input, mode: .formComponent)
        let plusAsEscape = input.flatMap { $0 == UInt8(ascii: "+") ? Array("%20".utf8) : [$0] }
        if form != (try? PercentDecoding.decode(plusAsEscape, mode: .pathSegment)) {
            problems.append("form mode is not path mode with + as %20")
        }
        if (path == nil) != (form == nil) { problems.append("one mode refused what the other accepted") }
        guard let path else { return }
        if path.utf8.contains(0) { problems.append("decoded path segment holds NUL") }
        if !input.contains(UInt8(ascii: "%")), !path.utf8.elementsEqual(input) {
            problems.append("text without escapes changed when decoded")
        }
        if PercentDecoding.decodePathSegment(Substring(percentEncoded(path))) != path {
            problems.append("path segment \(path.debugDescription) does not survive re-encoding")
        }
    }

    /// Cookies are re-sent quoted, which the parser unquotes exactly once.
    private static func checkCookies(_ input: [UInt8], problems: inout [String]) {
        let headers = String(decoding: input, as: UTF8.self).split(separator: "\n").map(String.init)
        let cookies = Cookie.parse(headers)
        for (name, value) in cookies {
            if !Cookie.isValidName(name) { problems.append("cookie name \(name.debugDescription) accepted") }
            if value.utf8.contains(where: Cookie.isControl) || value.utf8.contains(UInt8(ascii: ";")) {
                problems.append("cookie \(name) value \(value.debugDescription) holds a control or ;")
            }
        }
        let resent = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: "; ")
        if Cookie.parse([resent]) != cookies { problems.append("cookies re-sent as \(resent.debugDescription) changed") }
    }

    private static func same(_ a: [(name: String, value: String)], _ b: [(name: String, value: String)]) -> Bool {
        a.elementsEqual(b) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Everything but RFC 3986 unreserved characters escaped, so no `+`, `&`, `=` or `%` survives literally.
    private static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
