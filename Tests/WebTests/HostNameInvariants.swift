// Compiled twice: into WebTests (seed replay) and, with `Sources/Web/Tenancy/HostName.swift` alone, into
// the libFuzzer harness `Fuzz/HostName`, where the type is in the same module and there is nothing to import.
#if canImport(Web)
    import Web
#endif

/// What tenant resolution may rely on for any `Host` header: a normalised host is lower-case ASCII, has
/// no port and no trailing dot, normalising it again changes nothing, and letter case in the header
/// never changes which host it names.
enum HostNameInvariants {
    /// Descriptions of every broken rule; empty when the input was handled correctly.
    static func violations(in input: [UInt8]) -> [String] {
        let raw = String(decoding: input, as: UTF8.self)
        var problems: [String] = []
        for stripWWW in [true, false] {
            let host = HostName.normalise(raw, stripWWW: stripWWW)
            if let host { check(host, raw: raw, stripWWW: stripWWW, problems: &problems) }
            let upper = String(decoding: raw.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
            if HostName.normalise(upper, stripWWW: stripWWW) != host {
                problems.append("\(raw.debugDescription) and \(upper.debugDescription) name different hosts")
            }
        }
        return problems
    }

    private static func check(_ host: HostName, raw: String, stripWWW: Bool, problems: inout [String]) {
        let name = host.name
        let label = "\(raw.debugDescription) → \(name.debugDescription)"
        if !raw.utf8.allSatisfy({ $0 < 128 }) { problems.append("\(label): accepted a host that is not ASCII") }
        if name.isEmpty || name.utf8.count > 255 { problems.append("\(label): empty or too long") }
        if name.utf8.contains(where: { $0 >= 65 && $0 <= 90 || $0 >= 128 }) {
            problems.append("\(label): not lower-case ASCII")
        }
        if name.hasSuffix(".") { problems.append("\(label): trailing dot kept") }
        let isBracketed = name.hasPrefix("[") && name.hasSuffix("]")
        if !isBracketed, name.contains(":") { problems.append("\(label): port kept in the name") }
        if isBracketed != raw.hasPrefix("[") { problems.append("\(label): IPv6 brackets changed") }
        if let port = host.port, !(0...65535).contains(port) { problems.append("\(label): port \(port) out of range") }
        guard let again = HostName.normalise(name, stripWWW: stripWWW) else {
            problems.append("\(label): the normalised name is refused")
            return
        }
        if again.name != name || again.isIPAddress != host.isIPAddress || again.port != nil {
            problems.append("\(label): normalising again gives \(again.name.debugDescription)")
        }
    }
}
