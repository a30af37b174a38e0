extension HTTPRequest {
    /// The request's cookies by name (first value wins); malformed pairs are ignored.
    public var cookies: [String: String] {
        Cookie.parse(headers.values("Cookie"))
    }

    /// One cookie's value (the first sent), as read for the session cookie.
    public func cookie(_ name: String) -> String? {
        cookies[name]
    }
}
