import Foundation
import Synchronization

/// An in-process cache with a time-to-live, a bound on entries, and a generation counter.
///
/// The generation closes a race: a lookup that started before an invalidation must not write its
/// (possibly stale) answer back after it. Callers read `generation` before they query the
/// database and pass it to `store`, which drops the value if an invalidation happened meanwhile.
public final class GenerationalCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var generation: UInt64 = 0
    }

    /// Lookups only read, so they share the lock; the counters are atomics for the same reason.
    private let state = ReadWriteLock(State())
    private let hits = Atomic<UInt64>(0)
    private let misses = Atomic<UInt64>(0)
    private let invalidations = Atomic<UInt64>(0)
    private let timeToLive: Duration
    private let maximumEntries: Int

    public init(timeToLive: Duration, maximumEntries: Int) {
        self.timeToLive = timeToLive
        self.maximumEntries = maximumEntries
    }

    public var generation: UInt64 { state.withReadLock { $0.generation } }
    public var count: Int { state.withReadLock { $0.entries.count } }
    public var statistics: (hits: UInt64, misses: UInt64, invalidations: UInt64) {
        (hits.load(ordering: .relaxed), misses.load(ordering: .relaxed), invalidations.load(ordering: .relaxed))
    }

    public func value(for key: Key, now: ContinuousClock.Instant = .now) -> Value? {
        let found = live(key, now: now)
        if found == nil {
            misses.add(1, ordering: .relaxed)
        } else {
            hits.add(1, ordering: .relaxed)
        }
        return found
    }

    /// The value if it is cached, for the event loop, which never loads: a miss is not counted, because
    /// the worker that answers instead looks again and counts it. (A hit is, and is counted a second
    /// time in the rare case that the event loop still hands the request on.)
    public func cachedValue(for key: Key, now: ContinuousClock.Instant = .now) -> Value? {
        let found = live(key, now: now)
        if found != nil { hits.add(1, ordering: .relaxed) }
        return found
    }

    private func live(_ key: Key, now: ContinuousClock.Instant) -> Value? {
        state.withReadLock { state -> Value? in
            guard let entry = state.entries[key], entry.expires > now else { return nil }
            return entry.value
        }
    }

    /// Stores the value unless the cache was invalidated since `generation` was read.
    public func store(_ value: Value, for key: Key, generation: UInt64, now: ContinuousClock.Instant = .now) {
        state.withWriteLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= maximumEntries, state.entries[key] == nil {
                state.entries = state.entries.filter { $0.value.expires > now }
                // Still full of live entries: a flood of distinct keys. Start over rather than grow.
                if state.entries.count >= maximumEntries { state.entries.removeAll(keepingCapacity: true) }
            }
            state.entries[key] = Entry(value: value, expires: now + timeToLive)
        }
    }

    /// Looks the key up, and on a miss computes, stores and returns the value.
    public func value(for key: Key, orLoad load: () throws -> Value) rethrows -> Value {
        if let cached = value(for: key) { return cached }
        let before = generation
        let loaded = try load()
        store(loaded, for: key, generation: before)
        return loaded
    }

    public func invalidate(_ key: Key) {
        invalidations.add(1, ordering: .relaxed)
        state.withWriteLock { state in
            state.generation &+= 1
            state.entries[key] = nil
        }
    }

    public func invalidateAll() {
        invalidations.add(1, ordering: .relaxed)
        state.withWriteLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}
