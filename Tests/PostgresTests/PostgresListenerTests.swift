import Foundation
import Synchronization
import Testing

@testable import Postgres

@Suite struct PostgresListenerTests {
    /// Collects payloads and lets the test wait for the next one.
    final class Inbox: Sendable {
        private let payloads = Mutex<[String]>([])
        private let arrived = DispatchSemaphore(value: 0)

        func receive(_ payload: String) {
            payloads.withLock { $0.append(payload) }
            arrived.signal()
        }

        func next(within seconds: Double = 5) -> Bool { arrived.wait(timeout: .now() + seconds) == .success }

        var all: [String] { payloads.withLock { $0 } }
    }

    @Test func notificationPayloadReachesTheSubscriber() throws {
        try TestDatabase.withFreshDatabase { configuration in
            let inbox = Inbox()
            let other = Inbox()
            let listener = PostgresListener(configuration: configuration)
            listener.listen("tenant_changed") { inbox.receive($0) }
            listener.listen("other_channel") { other.receive($0) }
            listener.start()
            defer { listener.stop() }
            #expect(listener.waitUntilListening(timeout: .seconds(5)))
            let sender = try PostgresConnection(configuration: configuration)
            let payload = "tenant 'a'; DROP TABLE x; -- 🎉"
            try sender.notify(channel: "tenant_changed", payload: payload)
            #expect(inbox.next())
            #expect(inbox.all == [payload])
            #expect(other.all.isEmpty)
        }
    }

    @Test func listenerReconnectsAfterItsBackendIsTerminated() throws {
        try TestDatabase.withFreshDatabase { configuration in
            var configuration = configuration
            let name = TestDatabase.uniqueApplicationName("listener")
            configuration.applicationName = name
            let inbox = Inbox()
            let reconnected = DispatchSemaphore(value: 0)
            let listener = PostgresListener(configuration: configuration) { reconnected.signal() }
            listener.listen("tenant_changed") { inbox.receive($0) }
            listener.start()
            defer { listener.stop() }
            #expect(listener.waitUntilListening(timeout: .seconds(5)))

            try TestDatabase.terminateSessions(applicationName: name)
            #expect(reconnected.wait(timeout: .now() + 10) == .success)
            #expect(listener.waitUntilListening(timeout: .seconds(5)))

            let sender = try PostgresConnection(configuration: configuration)
            try sender.notify(channel: "tenant_changed", payload: "after reconnect")
            #expect(inbox.next())
            #expect(inbox.all == ["after reconnect"])
        }
    }

    @Test func stopClosesTheListeningSession() throws {
        try TestDatabase.withFreshDatabase { configuration in
            var configuration = configuration
            let name = TestDatabase.uniqueApplicationName("listener-stop")
            configuration.applicationName = name
            let listener = PostgresListener(configuration: configuration)
            listener.listen("tenant_changed") { _ in }
            listener.start()
            #expect(listener.waitUntilListening(timeout: .seconds(5)))
            listener.stop()
            let admin = try PostgresConnection(configuration: TestDatabase.adminConfiguration())
            var remaining = -1
            for _ in 0..<100 {
                remaining =
                    try admin.query("select count(*) as n from pg_stat_activity where application_name = $1", name)
                    .first?.decode("n", as: Int.self) ?? -1
                if remaining == 0 { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            #expect(remaining == 0)
        }
    }
}
