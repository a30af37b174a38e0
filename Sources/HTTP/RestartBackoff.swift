/// How long the supervisor waits before replacing a dead worker: not at all, unless workers keep dying
/// within seconds of their start (a broken binary or configuration, a crash at start), and then twice as
/// long each time up to a ceiling. It never gives up: the fault may be a database that comes back.
struct RestartBackoff {
    /// A worker that lived this long died of something else than its start.
    var quickDeath: UInt64 = 5_000_000_000
    var first: UInt64 = 100_000_000
    var ceiling: UInt64 = 5_000_000_000
    private(set) var quickDeaths = 0

    /// The delay before the replacement of a worker that lived `lifetime` nanoseconds.
    mutating func delay(afterLifetime lifetime: UInt64) -> UInt64 {
        guard lifetime < quickDeath else {
            quickDeaths = 0
            return 0
        }
        quickDeaths += 1
        guard quickDeaths > 1 else { return 0 }
        let doublings = min(quickDeaths - 2, 16)
        return min(first << UInt64(doublings), ceiling)
    }
}
