/// The message after a successful action ("Saved.", "Store deleted."), shown on the page the action
/// redirected to. One component and one style, so every part of the back office confirms alike.
public struct FormNotice: HTMLComponent {
    let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var body: HTMLFragment {
        Element.p(.class("form-notice"), .role("status")) { message }
    }
}
