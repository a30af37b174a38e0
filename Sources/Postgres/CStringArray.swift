/// Lends libpq an array of C strings that lives exactly as long as one call.
///
/// All strings are copied into one buffer with their terminators, so a single
/// `withUnsafeBufferPointer` scope covers every pointer and none can escape it.
enum CStringArray {
    static func withPointers<Result>(
        to strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> Result
    ) -> Result {
        var buffer: [CChar] = []
        buffer.reserveCapacity(strings.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        var offsets: [Int?] = []
        offsets.reserveCapacity(strings.count)
        for string in strings {
            guard let string else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            buffer.append(contentsOf: string.utf8CString)
        }
        return buffer.withUnsafeBufferPointer { storage in
            body(offsets.map { offset in offset.map { storage.baseAddress! + $0 } })
        }
    }
}
