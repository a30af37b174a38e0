/// libFuzzer entry point for the request-head parser and the framing around it. Built by `scripts/fuzz.sh`
/// together with `Sources/HTTP` and `Tests/HTTPTests/HTTPParserInvariants.swift`; a broken invariant traps,
/// so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let violations = HTTPParserInvariants.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError("invariant violated: " + violations.joined(separator: "; ")) }
    return 0
}
