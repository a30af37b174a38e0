/// Every fixed string on Gerbang's pages, one property each, in every `Language`.
/// A missing translation is a compile error, not a blank on the page.
public struct Strings: Sendable {
    // Navigation and layout
    public let home: String
    public let buyVoucher: String
    public let customerPortal: String
    public let contactUs: String
    public let language: String
    public let skipToContent: String
    public let poweredBy: String
    public let whatsApp: String
    public let email: String
    public let address: String
    public let pagesHeading: String

    // Home
    public let heroCallToAction: String
    public let heroPortalCallToAction: String
    public let catalogueHeading: String
    public let catalogueEmpty: String
    public let subscriberHeading: String
    public let subscriberText: String

    // Content page titles
    public let pageAbout: String
    public let pageHowToBuy: String
    public let pageFAQ: String
    public let pageTerms: String
    public let pagePrivacy: String

    // Errors
    public let notFoundTitle: String
    public let notFoundText: String
    public let badRequestTitle: String
    public let badRequestText: String
    public let forbiddenTitle: String
    public let forbiddenText: String
    public let tooManyRequestsTitle: String
    public let tooManyRequestsText: String
    public let tooLargeTitle: String
    public let tooLargeText: String
    public let serverErrorTitle: String
    public let serverErrorText: String
    public let unavailableTitle: String
    public let unavailableText: String
    public let backHome: String
    public let requestID: String

    // Platform site
    public let platformTagline: String
    public let platformIntro: String
    public let platformFeatures: [String]
}
