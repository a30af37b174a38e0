import Foundation
import HTTP
import Templates

/// A request on the platform host made by a signed-in head-office admin. Handlers that take one get
/// a non-optional admin: building one without a live head-office session throws a `303` to the login.
/// A tenant admin's or a subscriber's session is of another kind (and has a tenant), so it is no
/// session here.
struct AuthenticatedHeadOffice: Sendable {
    let context: PlatformContext
    let admin: HeadOfficeAdmin
    let session: Session

    /// - Throws: `303 See Other` to `/head-office/login` when the `sid` cookie names no live head-office session.
    init(request: HTTPRequest, context: PlatformContext, services: HeadOfficeServices) throws {
        guard let session = try services.sessions.session(for: request, kind: .headAdmin, tenantID: nil),
            let admin = try services.admins.admin(id: session.principalID)
        else {
            throw HTTPError(.seeOther, headers: ["Location": Paths.HeadOffice.login])
        }
        self.context = context
        self.admin = admin
        self.session = session
    }

    /// The posted form, once its CSRF token matched this admin's session.
    func verifiedForm(_ request: HTTPRequest) throws -> URLEncodedForm {
        let form = try request.formFields()
        try session.verifyCSRF(form)
        return form
    }
}
