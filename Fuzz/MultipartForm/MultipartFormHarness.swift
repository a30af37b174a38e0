/// libFuzzer entry point for multipart/form-data uploads. Built by `scripts/fuzz.sh` together with the
/// sources it exercises and `Tests/HTTPTests/MultipartInvariants.swift`; a broken invariant traps, so
/// libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipartForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let violations = MultipartInvariants.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError("invariant violated: " + violations.joined(separator: "; ")) }
    return 0
}
