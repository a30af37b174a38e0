/// Stands in for an account whose keys are missing: checkouts fail as misconfigured (the buyer sees
/// the retry page, the admin sees why) and no webhook is ever believed.
public struct UnusableGateway: PaymentGateway {
    public let provider: PaymentProvider
    /// What is wrong, naming settings keys but never their values.
    public let problem: String

    public init(provider: PaymentProvider, problem: String) {
        self.provider = provider
        self.problem = problem
    }

    public func createCheckout(_ request: CheckoutRequest) throws(GatewayError) -> Checkout {
        throw .misconfigured("\(provider.rawValue): \(problem)")
    }

    public func verify(_ delivery: WebhookDelivery) throws(WebhookRejection) -> PaymentEvent {
        throw WebhookRejection("\(provider.rawValue) account is misconfigured: \(problem)")
    }

    public func fetchStatus(reference: String) throws(GatewayError) -> PaymentEvent? {
        throw .misconfigured("\(provider.rawValue): \(problem)")
    }
}
