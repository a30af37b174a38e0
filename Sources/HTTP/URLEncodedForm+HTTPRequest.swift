extension HTTPRequest {
    /// The body as an `application/x-www-form-urlencoded` form.
    ///
    /// - Throws: 415 when the `Content-Type` is something else, 413 over `limits`, 400 when malformed.
    public func formFields(limits: FormLimits = .default) throws(HTTPError) -> URLEncodedForm {
        guard let contentType = headers["Content-Type"], let mediaType = MediaType(parsing: contentType),
            mediaType.matches("application/x-www-form-urlencoded")
        else {
            throw HTTPError(.unsupportedMediaType, "expected application/x-www-form-urlencoded")
        }
        if let charset = mediaType.parameter("charset"), !charset.equalsIgnoringASCIICase("utf-8") {
            throw HTTPError(.unsupportedMediaType, "only UTF-8 forms are accepted")
        }
        return try URLEncodedForm(body: body, limits: limits)
    }

    /// The query string's fields; a malformed query is a 400 and an oversized one a 413.
    public var queryItems: URLEncodedForm {
        get throws(HTTPError) { try URLEncodedForm(query: query) }
    }
}
