import HTTP

extension Array where Element == UInt8 {
    /// The same bytes in an allocation of their own size, for what a cache keeps for minutes. A page
    /// renders into a buffer reserved for a large page (`HTMLBuffer`, 16 KiB): a cache holding that
    /// buffer for a 5 KB home page would hold three times what it counts.
    func compacted() -> [UInt8] {
        guard capacity - count > Swift.max(64, count / 16) else { return self }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}

extension HTTPResponse {
    /// The response with a body that holds only its bytes (`[UInt8].compacted()`), for a cache.
    func compacted() -> HTTPResponse {
        var response = self
        response.body = body.compacted()
        return response
    }

    /// What the response holds on the heap, as a cache charges it: the body's allocation, not just
    /// its bytes, and each header with its two strings.
    var cachedBytes: Int {
        body.capacity + headers.reduce(0) { $0 + 64 + $1.name.utf8.count + $1.value.utf8.count }
    }
}
