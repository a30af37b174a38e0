/// libFuzzer entry point for Markdown rendering and placeholder filling. Built by `scripts/fuzz.sh` together
/// with the sources it exercises and `Tests/TemplatesTests/MarkdownInvariants.swift`; a broken invariant
/// traps, so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let violations = MarkdownInvariants.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError("invariant violated: " + violations.joined(separator: "; ")) }
    return 0
}
