/// libFuzzer entry point for Host header normalisation. Built by `scripts/fuzz.sh` together with the sources
/// it exercises and `Tests/WebTests/HostNameInvariants.swift`; a broken invariant traps, so libFuzzer keeps
/// the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHostName(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let violations = HostNameInvariants.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError("invariant violated: " + violations.joined(separator: "; ")) }
    return 0
}
