import Foundation

/// A signed-in visitor, as read back from the `sessions` table through the cookie's token.
struct Session: Sendable, Equatable {
    /// The tenant it belongs to; nil only for head office.
    let tenantID: UUID?
    let kind: SessionKind
    let principalID: UUID
    /// Put in every form of the signed-in area and compared on every POST.
    let csrfSecret: String
    /// The absolute end, whatever the activity.
    let expiresAt: Date
}

/// A session just created: the token goes into the cookie once and is never stored.
struct NewSession: Sendable {
    let token: String
    let session: Session
}
