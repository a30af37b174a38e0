import HTTP

/// A package page rendered once, for every visitor: only its order form's CSRF token and idempotency
/// key differ per visitor, and both are hex of a fixed length, so the page is rendered with random
/// stand-ins of those lengths and each answer copies the bytes with the visitor's values in their
/// place. The `Content-Length` cannot change, and no visitor sees another's values.
struct VoucherPageTemplate: Sendable {
    private let response: HTTPResponse
    private let tokenRange: Range<Int>
    private let keyRange: Range<Int>

    /// Nil when a stand-in does not appear exactly once in what `render` made (then every answer is
    /// rendered in full).
    init?(render: (_ csrfToken: String, _ idempotencyKey: String) -> HTTPResponse) {
        let token = RandomToken.hex()
        let key = OrderFormFactory.newIdempotencyKey()
        let response = render(token, key)
        guard let tokenRange = Self.onlyRange(of: Array(token.utf8), in: response.body),
            let keyRange = Self.onlyRange(of: Array(key.utf8), in: response.body)
        else { return nil }
        self.response = response.compacted()
        self.tokenRange = tokenRange
        self.keyRange = keyRange
    }

    /// The page with this visitor's values; nil when one has another length than its stand-in.
    func response(csrfToken: String, idempotencyKey: String) -> HTTPResponse? {
        guard csrfToken.utf8.count == tokenRange.count, idempotencyKey.utf8.count == keyRange.count else { return nil }
        var response = response
        response.body.replaceSubrange(tokenRange, with: csrfToken.utf8)
        response.body.replaceSubrange(keyRange, with: idempotencyKey.utf8)
        return response
    }

    /// The byte size the cache charges for it.
    var bytes: Int { response.cachedBytes }

    private static func onlyRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var found: Range<Int>?
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                guard found == nil else { return nil }
                found = index..<(index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
