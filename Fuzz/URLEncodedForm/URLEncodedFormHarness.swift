/// libFuzzer entry point for form bodies, queries, percent-decoding and Cookie headers. Built by
/// `scripts/fuzz.sh` together with the sources it exercises and `Tests/HTTPTests/FormInvariants.swift`; a
/// broken invariant traps, so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURLEncodedForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let violations = FormInvariants.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError("invariant violated: " + violations.joined(separator: "; ")) }
    return 0
}
