import Synchronization

/// A reference filled in once its object exists, for closures built while that object is still
/// being initialised (the gateway factory needs the application's listening port, known later).
/// Weak, so it never keeps its object alive.
final class WeakReference<Object: AnyObject & Sendable>: Sendable {
    private struct Box: Sendable {
        weak var object: Object?
    }

    private let box = Mutex(Box())

    init() {}

    func set(_ object: Object) {
        box.withLock { $0.object = object }
    }

    var object: Object? {
        box.withLock { $0.object }
    }
}
