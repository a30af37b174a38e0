// Compiled twice: into HTTPTests (seed replay) and, next to the HTTP sources, into the libFuzzer
// harness `Fuzz/MultipartForm`, where the types are in the same module and there is nothing to import.
#if canImport(HTTP)
    @testable import HTTP
#endif

/// What must hold for any `multipart/form-data` upload: the parser stays inside its limits, refuses only
/// with 400, 413 or 415, gives text fields as NUL-free UTF-8, and the parts it finds come back unchanged
/// when written out again with the same boundary.
///
/// Fuzz input layout: the `Content-Type` value up to the first LF, then the body.
enum MultipartInvariants {
    /// Small limits, so short fuzz inputs reach every 413 branch.
    static let limits = MultipartLimits(maxParts: 8, maxPartBytes: 512, maxTotalBytes: 4096, maxHeaderBytes: 256)

    static func split(_ input: [UInt8]) -> (contentType: String, body: [UInt8]) {
        guard let newline = input.firstIndex(of: 10) else { return (String(decoding: input, as: UTF8.self), []) }
        return (String(decoding: input[..<newline], as: UTF8.self), Array(input[(newline + 1)...]))
    }

    /// Descriptions of every broken rule; empty when the input was handled correctly.
    static func violations(in input: [UInt8]) -> [String] {
        let (contentType, body) = split(input)
        let parts: [MultipartForm.Part]
        do {
            parts = try MultipartForm(body: body, contentType: contentType, limits: limits).parts
        } catch {
            return [400, 413, 415].contains(error.status.code) ? [] : ["refused with \(error.status.code)"]
        }
        var problems: [String] = []
        if parts.count > limits.maxParts { problems.append("\(parts.count) parts accepted") }
        if parts.reduce(0, { $0 + $1.body.count }) > body.count { problems.append("parts larger than the body") }
        for part in parts {
            if part.body.count > limits.maxPartBytes { problems.append("part of \(part.body.count) bytes accepted") }
            if !part.isFile, part.text == nil || part.body.contains(0) {
                problems.append("text field \(part.name.debugDescription) is not NUL-free UTF-8")
            }
            let headerTexts = [part.name, part.filename ?? "", part.contentType ?? ""]
            if headerTexts.contains(where: { $0.utf8.contains { $0 == 0 || $0 == 10 || $0 == 13 } }) {
                problems.append("part header text holds NUL, CR or LF")
            }
            if !part.body.isEmpty, !body.contains(part.body) { problems.append("part body is not a slice of the upload") }
        }
        guard let boundary = MediaType(parsing: contentType)?.parameter("boundary") else {
            problems.append("accepted without a boundary")
            return problems
        }
        let rewritten = encoded(parts, boundary: boundary)
        guard let again = try? MultipartForm(body: rewritten, contentType: contentType, limits: .default).parts else {
            problems.append("parts written out again were refused")
            return problems
        }
        let same = again.elementsEqual(parts) {
            $0.name == $1.name && $0.filename == $1.filename && $0.contentType == $1.contentType && $0.body == $1.body
        }
        if !same { problems.append("parts written out again parsed differently") }
        return problems
    }

    /// RFC 7578 as browsers write it, with `"` and `\` escaped inside quoted parameters.
    static func encoded(_ parts: [MultipartForm.Part], boundary: String) -> [UInt8] {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingBackslashesAndQuotes() + "\""
        }
        var body: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\(quoted(part.name))"
            if let filename = part.filename { head += "; filename=\(quoted(filename))" }
            if let contentType = part.contentType { head += "\r\nContent-Type: \(contentType)" }
            body += Array((head + "\r\n\r\n").utf8) + part.body + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return body
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var bytes: [UInt8] = []
        for byte in utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
