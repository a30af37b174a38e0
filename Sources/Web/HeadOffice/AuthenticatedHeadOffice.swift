import Foundation
import HTTP

/// A request on the platform host made by a signed-in head-office admin. Handlers that take one get
/// a non-optional admin: building one without a live head-office session throws a `303` to the login.
/// A tenant admin's or a subscriber's session is of another kind (and has a tenant), so it is no
/// session here.
struct AuthenticatedHeadOffice: Sendable {
    static let loginPath = "/head-office/login"

    let context: PlatformContext
    let admin: HeadOfficeAdmin
    let session: Session

    /// - Throws: `303 See Other` to `/head-office/login` when the `sid` cookie names no live head-office session.
    init(request: HTTPRequest, context: PlatformContext, services: HeadOfficeServices) throws {
        guard let session = try services.sessions.session(for: request, kind: .headAdmin, tenantID: nil),
            let admin = try services.admins.admin(id: session.principalID)
        else {
            throw HTTPError(.seeOther, headers: ["Location": Self.loginPath])
        }
        self.context = context
        self.admin = admin
        self.session = session
    }

    /// The signed-in admin and the posted form, once the form's CSRF token matched the session's.
    static func form(
        _ request: HTTPRequest, _ context: PlatformContext, services: HeadOfficeServices
    ) throws -> (AuthenticatedHeadOffice, URLEncodedForm) {
        let headOffice = try AuthenticatedHeadOffice(request: request, context: context, services: services)
        let form = try request.formFields()
        try headOffice.session.verifyCSRF(form)
        return (headOffice, form)
    }
}
