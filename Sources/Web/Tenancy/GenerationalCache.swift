import Foundation
import Synchronization

/// An in-process cache with a time-to-live, a bound in bytes, and a generation counter.
///
/// The generation closes a race: a lookup that started before an invalidation must not write its
/// (possibly stale) answer back after it. Callers read `generation` before they query the
/// database and pass it to `store`, which drops the value if an invalidation happened meanwhile.
///
/// The bound is on the estimated bytes of what is kept (`cost`, plus a fixed overhead per entry), so a
/// platform with many tenants, or a scanner sending made-up hosts, cannot grow the process past it.
/// When a store goes over it, the coldest entries go first: those whose last use is the oldest.
public final class GenerationalCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// A class, so that a lookup under the shared read lock can still note when the entry was last used.
    private final class Entry: Sendable {
        let value: Value
        let expires: ContinuousClock.Instant
        let cost: Int
        /// The cache's `tick` when the entry was last stored or read.
        let lastUsed: Atomic<UInt64>

        init(value: Value, expires: ContinuousClock.Instant, cost: Int, tick: UInt64) {
            self.value = value
            self.expires = expires
            self.cost = cost
            self.lastUsed = Atomic(tick)
        }
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var generation: UInt64 = 0
        var cost = 0
    }

    /// What a dictionary slot, the entry object and its key cost beyond `cost`, roughly.
    public static var entryOverhead: Int { 96 + MemoryLayout<Key>.stride + MemoryLayout<Value>.stride }

    /// Lookups only read, so they share the lock; the counters are atomics for the same reason.
    private let state = ReadWriteLock(State())
    /// Advances on every store, not on lookups: a lookup only copies it into its entry (and writes
    /// nothing when the entry already has it), so the hot path shares no written memory between
    /// threads, and "last used" still orders entries by how many stores ago they were used.
    private let tick = Atomic<UInt64>(0)
    private let hits = Atomic<UInt64>(0)
    private let misses = Atomic<UInt64>(0)
    private let invalidations = Atomic<UInt64>(0)
    private let evictions = Atomic<UInt64>(0)
    private let timeToLive: Duration
    /// The bound in bytes, as estimated by `cost`.
    public let capacity: Int
    private let cost: @Sendable (Key, Value) -> Int

    /// - Parameters:
    ///   - capacity: the bound in bytes on what the entries are estimated to hold.
    ///   - cost: the bytes a value holds beyond `entryOverhead` (bodies, strings, arrays); zero by default.
    public init(timeToLive: Duration, capacity: Int, cost: @escaping @Sendable (Key, Value) -> Int = { _, _ in 0 }) {
        self.timeToLive = timeToLive
        self.capacity = max(0, capacity)
        self.cost = cost
    }

    public var generation: UInt64 { state.withReadLock { $0.generation } }
    public var count: Int { state.withReadLock { $0.entries.count } }
    /// The estimated bytes held now; never more than `capacity`.
    public var bytes: Int { state.withReadLock { $0.cost } }
    public var statistics: CacheStatistics {
        let (entries, bytes) = state.withReadLock { ($0.entries.count, $0.cost) }
        return CacheStatistics(
            hits: hits.load(ordering: .relaxed), misses: misses.load(ordering: .relaxed),
            invalidations: invalidations.load(ordering: .relaxed), evictions: evictions.load(ordering: .relaxed),
            entries: entries, bytes: bytes, capacity: capacity)
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
        guard let entry = state.withReadLock({ $0.entries[key] }), entry.expires > now else { return nil }
        let current = tick.load(ordering: .relaxed)
        if entry.lastUsed.load(ordering: .relaxed) != current { entry.lastUsed.store(current, ordering: .relaxed) }
        return entry.value
    }

    /// Stores the value unless the cache was invalidated since `generation` was read. A value larger
    /// than the whole bound is not kept (it is loaded again on every use instead).
    public func store(_ value: Value, for key: Key, generation: UInt64, now: ContinuousClock.Instant = .now) {
        let (size, overflow) = Self.entryOverhead.addingReportingOverflow(max(0, cost(key, value)))
        guard !overflow, size <= capacity else { return }
        state.withWriteLock { state in
            guard state.generation == generation else { return }
            let stamp = tick.add(1, ordering: .relaxed).newValue
            let entry = Entry(value: value, expires: now + timeToLive, cost: size, tick: stamp)
            if let replaced = state.entries.updateValue(entry, forKey: key) { state.cost -= replaced.cost }
            state.cost += size
            if state.cost > capacity { evictColdest(from: &state, now: now) }
        }
    }

    /// Drops expired entries, then the least recently used, until an eighth of the bound is free: the
    /// sort is paid once per many stores rather than on each, and a flood of new keys (random hosts)
    /// costs a bounded, amortised amount of work per store.
    private func evictColdest(from state: inout State, now: ContinuousClock.Instant) {
        let target = capacity - capacity / 8
        let byAge = state.entries.map { key, entry in
            (age: entry.expires > now ? entry.lastUsed.load(ordering: .relaxed) : 0, key: key)
        }
        .sorted { $0.age < $1.age }
        var evicted: UInt64 = 0
        for candidate in byAge {
            guard state.cost > target else { break }
            guard let removed = state.entries.removeValue(forKey: candidate.key) else { continue }
            state.cost -= removed.cost
            evicted += 1
        }
        evictions.add(evicted, ordering: .relaxed)
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
            if let removed = state.entries.removeValue(forKey: key) { state.cost -= removed.cost }
        }
    }

    /// Drops every entry that matches: one tenant's pages in every language and version, or the hosts
    /// that resolved to one tenant. A scan under the write lock, paid once per change of a tenant.
    public func invalidate(where matches: (Key, Value) -> Bool) {
        invalidations.add(1, ordering: .relaxed)
        state.withWriteLock { state in
            state.generation &+= 1
            let matching = state.entries.compactMap { key, entry in matches(key, entry.value) ? key : nil }
            for key in matching {
                if let removed = state.entries.removeValue(forKey: key) { state.cost -= removed.cost }
            }
        }
    }

    public func invalidateAll() {
        invalidations.add(1, ordering: .relaxed)
        state.withWriteLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
            state.cost = 0
        }
    }
}

/// One cache's counters and size, as `/metrics` shows them.
public struct CacheStatistics: Sendable {
    public var hits: UInt64
    public var misses: UInt64
    public var invalidations: UInt64
    public var evictions: UInt64
    public var entries: Int
    public var bytes: Int
    public var capacity: Int
}
