import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps `workers` copies of a server running on one listening socket, and does nothing else: no request
/// ever reaches this process, so nothing a client sends can stop it.
///
/// A worker that dies is replaced at once (`RestartBackoff` slows only a crash loop). SIGTERM or SIGINT
/// stops every worker gracefully and then the supervisor. SIGHUP replaces the workers one at a time: a
/// new one starts and says it is ready before an old one is told to stop, and both accept from the same
/// socket meanwhile, so no connection is refused or dropped.
///
/// One thread, one `poll` over the signal pipe and the readiness pipes: the state below needs no lock.
public final class ProcessSupervisor {
    private var configuration: SupervisorConfiguration
    private var workers: [pid_t: WorkerProcess] = [:]
    private var counters = SupervisorCounters()
    private var backoff = RestartBackoff()
    private var nextStartAt: UInt64 = 0
    /// Set once stopping: when to SIGKILL what is left.
    private var killDeadline: UInt64?
    /// Old workers a SIGHUP still has to replace, oldest first.
    private var toReplace: [pid_t] = []
    /// The new worker started for `toReplace.first`, not yet ready.
    private var candidate: pid_t?
    private var announcedReady = false
    /// Set when the first start failed: a worker exited on its own before any worker was ever ready.
    private var firstStartFailure: String?

    public init(configuration: SupervisorConfiguration) {
        self.configuration = configuration
        counters.workers = configuration.workers
    }

    /// Runs until SIGTERM or SIGINT (or the parent's exit, if asked) has stopped every worker.
    /// `onReady` runs once, when the first workers all accept connections.
    /// - Throws: `SupervisorStartFailure` when a worker exits by itself before any worker was ever ready
    ///   (a configuration the workers refuse): retrying would only repeat the same refusal, silently.
    public func run(onReady: () -> Void) throws {
        let signals = try SignalPipe([SIGCHLD, SIGTERM, SIGINT, SIGHUP])
        // A log reader that went away must not end the one process that keeps the port served.
        signal(SIGPIPE, SIG_IGN)
        let parent = getppid()
        counters.write(to: configuration.countersFile)
        while true {
            let now = Monotonic.now()
            if killDeadline == nil {
                startMissingWorkers(now: now)
                advanceReplacement(now: now)
            } else if workers.isEmpty {
                if let failure = firstStartFailure { throw SupervisorStartFailure(description: failure) }
                return
            } else if let deadline = killDeadline, now >= deadline {
                for pid in workers.keys { kill(pid, SIGKILL) }
                killDeadline = .max
            }
            if !announcedReady, workers.count >= configuration.workers, workers.values.allSatisfy(\.isReady) {
                announcedReady = true
                onReady()
            }
            waitForEvents(signals: signals)
            for number in signals.drain() {
                switch number {
                case SIGTERM, SIGINT: beginStop(because: WorkerProcess.name(ofSignal: number))
                case SIGHUP: beginReplacement()
                default: break
                }
            }
            reapExitedWorkers()
            if configuration.exitWithParent, getppid() != parent { beginStop(because: "the parent process exited") }
        }
    }

    private func waitForEvents(signals: SignalPipe) {
        var descriptors = [pollfd(fd: signals.descriptor, events: Int16(POLLIN), revents: 0)]
        let starting = workers.values.compactMap { worker in worker.readiness.map { (worker.pid, $0) } }
        descriptors += starting.map { pollfd(fd: $0.1, events: Int16(POLLIN), revents: 0) }
        // Short while something waits on the clock (a delayed start, a replacement, a stop); the parent
        // check needs no more than twice a second.
        let busy = nextStartAt > Monotonic.now() || candidate != nil || killDeadline != nil
        _ = poll(&descriptors, nfds_t(descriptors.count), busy ? 50 : 500)
        for (index, (pid, _)) in starting.enumerated() where descriptors[index + 1].revents != 0 {
            workers[pid]?.readReadiness()
            if workers[pid]?.isReady == true { configuration.log("gerbang: worker \(pid) ready") }
        }
    }

    // MARK: Starting

    private func startMissingWorkers(now: UInt64) {
        let serving = workers.values.filter { !$0.isRetiring && $0.pid != candidate }.count
        guard serving < configuration.workers, now >= nextStartAt else { return }
        for _ in serving..<configuration.workers {
            guard start() != nil else { return }
        }
    }

    @discardableResult
    private func start() -> pid_t? {
        do {
            let worker = try WorkerProcess.spawn(configuration)
            workers[worker.pid] = worker
            counters.starts += 1
            counters.write(to: configuration.countersFile)
            configuration.log("gerbang: worker \(worker.pid) started")
            return worker.pid
        } catch {
            // A binary missing in the middle of a deploy: the same slow retries as a crash loop.
            let delay = backoff.delay(afterLifetime: 0)
            nextStartAt = Monotonic.now() + max(delay, backoff.first)
            configuration.log("gerbang: \(error); retrying in \(max(delay, backoff.first) / 1_000_000) ms")
            return nil
        }
    }

    // MARK: Deaths

    private func reapExitedWorkers() {
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            guard pid > 0 else { return }
            guard let worker = workers.removeValue(forKey: pid) else { continue }
            worker.release()
            noteExit(of: worker, status: status)
        }
    }

    private func noteExit(of worker: WorkerProcess, status: Int32) {
        let (description, bySignal) = WorkerProcess.describe(status: status)
        let reason: SupervisorCounters.ExitReason = worker.isRetiring ? .replaced : bySignal ? .signal : .exit
        counters.exits[reason, default: 0] += 1
        counters.write(to: configuration.countersFile)
        let pid = worker.pid
        guard !worker.isRetiring, killDeadline == nil else {
            configuration.log("gerbang: worker \(pid) \(description)")
            return
        }
        let lifetime = Monotonic.now() - worker.startedAt
        if !announcedReady, !worker.isReady, !bySignal {
            // Nothing has served yet and the worker gave up by itself: it has said why on standard error.
            firstStartFailure = "worker \(pid) \(description) before any worker was ready; not restarting"
            beginStop(because: "the first start failed")
            return
        }
        if pid == candidate {
            candidate = nil
            toReplace = []
            _ = backoff.delay(afterLifetime: lifetime)
            configuration.log(
                "gerbang: new worker \(pid) \(description) before it was ready; the reload is abandoned, the running workers stay")
            return
        }
        if pid == toReplace.first, candidate != nil {
            // The worker being replaced died first: its replacement, already starting, takes its place.
            toReplace.removeFirst()
            candidate = nil
            configuration.log("gerbang: worker \(pid) \(description); the worker replacing it takes its place")
            return
        }
        toReplace.removeAll { $0 == pid }
        let delay = backoff.delay(afterLifetime: lifetime)
        nextStartAt = Monotonic.now() + delay
        let when = delay == 0 ? "now" : "in \(delay / 1_000_000) ms (\(backoff.quickDeaths) deaths within seconds of starting)"
        configuration.log("gerbang: worker \(pid) \(description); starting a replacement \(when)")
    }

    // MARK: SIGHUP

    private func beginReplacement() {
        guard killDeadline == nil else { return }
        if let reloadEnvironment = configuration.reloadEnvironment {
            guard let environment = reloadEnvironment() else {
                configuration.log("gerbang: SIGHUP: the running workers stay")
                return
            }
            configuration.environment = environment
        }
        counters.reloads += 1
        counters.write(to: configuration.countersFile)
        // A second SIGHUP during a reload starts over: every worker not yet from the newest binary goes.
        toReplace = workers.values.filter { !$0.isRetiring && $0.pid != candidate }.sorted { $0.startedAt < $1.startedAt }
            .map(\.pid)
        configuration.log("gerbang: SIGHUP: replacing \(toReplace.count) workers one at a time")
    }

    private func advanceReplacement(now: UInt64) {
        toReplace.removeAll { workers[$0] == nil }
        guard let old = toReplace.first else { return }
        guard let pid = candidate else {
            // After a failed spawn, the same pause as before any other start.
            if now >= nextStartAt { candidate = start() }
            return
        }
        guard let new = workers[pid] else { return }
        if new.isReady {
            toReplace.removeFirst()
            candidate = nil
            retire(old)
            configuration.log("gerbang: worker \(pid) replaces worker \(old)")
        } else if now - new.startedAt > Monotonic.nanoseconds(of: configuration.readinessTimeout) {
            retire(pid)
            candidate = nil
            toReplace = []
            configuration.log("gerbang: new worker \(pid) was not ready in time; the reload is abandoned, the running workers stay")
        }
    }

    private func retire(_ pid: pid_t) {
        workers[pid]?.isRetiring = true
        kill(pid, SIGTERM)
    }

    // MARK: SIGTERM

    private func beginStop(because cause: String) {
        guard killDeadline == nil else { return }
        killDeadline = Monotonic.now() + Monotonic.nanoseconds(of: configuration.stopGracePeriod)
        toReplace = []
        candidate = nil
        configuration.log("gerbang: \(cause): stopping \(workers.count) workers")
        for pid in workers.keys { retire(pid) }
    }
}

/// The supervisor's first workers could not start; what they printed says why.
public struct SupervisorStartFailure: Error, CustomStringConvertible {
    public let description: String
}
