extension LoginThrottle.Attempt {
    /// How a login event reads in `security_events.detail`: the area and the account typed (never the password).
    var summary: String { "\(kind.rawValue) \(account)" }
}
