import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// Several senders: messages spread over a tenant's devices by what each may still send this minute,
/// move to another device when one refuses, and use the tenant's own devices before the platform's.
/// The rounds run in this process with an injected minute, against the fake Fonnte. In the serialized
/// delivery suite: a round takes every due message it has a sender for.
extension WhatsAppDeliveryTests {
    /// A delivery job like the server's, sending to `fonnte`.
    static func delivery(_ fonnte: FakeFonnte, central: [WhatsAppSettings.Sender] = []) -> WhatsAppDelivery {
        let url = fonnte.baseURL
        return WhatsAppDelivery(
            database: F.owner, secrets: SecretsKey(passphrase: TestDatabase.secretsKey), central: central,
            fonnte: { FonnteSender(token: $0, baseURL: url, http: GatewayHTTPClient(timeout: .seconds(5))) },
            interval: .seconds(60), sendTimeout: .seconds(5), metrics: NotificationMetrics())
    }

    static func device() -> String { "fonnte-dev-" + UUID().uuidString.lowercased() }

    static func sentBy(_ id: Int64) throws -> String? {
        try F.owner.query("select sent_by from notifications where id = $1", id).first!.decode("sent_by", as: String?.self)
    }

    @Test func twoSendersOfThreeAMinuteSendSixThisMinuteAndTheRestTheNext() throws {
        let (a, b) = (Self.device(), Self.device())
        let fonnte = try FakeFonnte(otherDevices: [a, b])
        defer { fonnte.stop() }
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        try Self.ownSender(tenantID: tenant, token: a, perMinute: 3)
        try Self.ownSender(tenantID: tenant, token: b, perMinute: 3)
        let markers = (0..<10).map { "spread \($0) " + UUID().uuidString }
        let ids = try markers.map { try Self.queue($0, tenantID: tenant) }
        let delivery = Self.delivery(fonnte)
        // A whole minute a little ahead of the clock (not so far that other tests' messages, due in five
        // minutes, are claimed too).
        let minute = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 + 120)

        try delivery.deliverDueMessages(now: minute.addingTimeInterval(5))
        let first = markers.flatMap { fonnte.messages(containing: $0) }
        #expect(first.count == 6)
        #expect(first.filter { $0.deviceToken == a }.count == 3)
        #expect(first.filter { $0.deviceToken == b }.count == 3)
        let waiting = try ids.map { try Self.row($0) }.filter { $0.status == "pending" }
        #expect(waiting.count == 4)
        #expect(waiting.allSatisfy { $0.attempts == 0 && $0.lastError == nil }, "waiting for capacity is no failed attempt")

        // Later in the same minute nothing more goes out.
        try delivery.deliverDueMessages(now: minute.addingTimeInterval(40))
        #expect(markers.flatMap { fonnte.messages(containing: $0) }.count == 6)

        try delivery.deliverDueMessages(now: minute.addingTimeInterval(65))
        for marker in markers { #expect(fonnte.messages(containing: marker).count == 1, "\(marker)") }
        for id in ids {
            let row = try Self.row(id)
            #expect(row.status == "sent" && row.attempts == 1)
            #expect(try Self.sentBy(id)?.hasPrefix("own:device ") == true)
        }
    }

    @Test func aRefusingSendersMessagesGoOutThroughTheOtherInTheSameRound() throws {
        let (down, up) = (Self.device(), Self.device())
        let fonnte = try FakeFonnte(otherDevices: [down, up])
        defer { fonnte.stop() }
        fonnte.refuse("disconnected device", device: down)
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        try Self.ownSender(tenantID: tenant, token: down, perMinute: 50)
        try Self.ownSender(tenantID: tenant, token: up, perMinute: 50)
        let markers = (0..<4).map { "failover \($0) " + UUID().uuidString }
        let ids = try markers.map { try Self.queue($0, tenantID: tenant) }

        try Self.delivery(fonnte).deliverDueMessages()
        for marker in markers { #expect(fonnte.messages(containing: marker).map(\.deviceToken) == [up], "\(marker)") }
        for id in ids {
            let row = try Self.row(id)
            #expect(row.status == "sent" && row.attempts == 1 && row.lastError == nil)
            #expect(try Self.sentBy(id) == "own:device " + String(up.suffix(4)))
        }

        // Both refusing: the message waits the retry pause, with both reasons.
        fonnte.refuse("insufficient quota", device: up)
        let id = try Self.queue("both refuse " + UUID().uuidString, tenantID: tenant)
        try Self.delivery(fonnte).deliverDueMessages()
        let row = try Self.row(id)
        #expect(row.status == "pending" && row.attempts == 1)
        #expect(row.lastError?.contains("Fonnte refused: disconnected device") == true)
        #expect(row.lastError?.contains("Fonnte refused: insufficient quota") == true)
        #expect(row.secondsUntilNextAttempt > 20)
    }

    @Test func aTenantsOwnSendersGoFirstAndThePlatformsTakeWhatTheyCannot() throws {
        let own = Self.device()
        let fonnte = try FakeFonnte(otherDevices: [own])
        defer { fonnte.stop() }
        let withOwn = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        let without = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        try Self.ownSender(tenantID: withOwn, token: own, perMinute: 2)
        let ownMarkers = (0..<3).map { "tier \($0) " + UUID().uuidString }
        for marker in ownMarkers { _ = try Self.queue(marker, tenantID: withOwn) }
        let otherMarker = "platform only " + UUID().uuidString
        let otherID = try Self.queue(otherMarker, tenantID: without)

        let central = [WhatsAppSettings.Sender(name: "gw1", token: fonnte.token, perMinute: 1000)]
        try Self.delivery(fonnte, central: central).deliverDueMessages()
        let devices = ownMarkers.flatMap { fonnte.messages(containing: $0).map(\.deviceToken) }
        #expect(devices.count == 3)
        #expect(devices.filter { $0 == own }.count == 2, "the tenant's own device, up to its capacity")
        #expect(devices.filter { $0 == fonnte.token }.count == 1, "the rest through the platform's")
        #expect(fonnte.messages(containing: otherMarker).map(\.deviceToken) == [fonnte.token])
        #expect(try Self.sentBy(otherID) == "platform:gw1")
    }

    /// Tenants take turns on the platform's number: a quiet ISP's buyer, whose codes were queued after
    /// another ISP's backlog of thirty reminders, gets them in the first minute, not after the backlog.
    @Test func oneTenantsBacklogDoesNotHoldAnotherTenantsMessageBehindIt() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        let busy = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        let quiet = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        // Due hours ago (older than anything other suites leave waiting), the backlog first.
        func queue(_ body: String, tenantID: UUID, dueSecondsAgo: Int) throws {
            try F.owner.query(
                """
                insert into notifications (tenant_id, channel, recipient, body, subject_ref, next_attempt_at)
                values ($1, 'whatsapp', '+6281298765432', $2, 'test', now() - make_interval(secs => $3::double precision))
                """, tenantID, body, dueSecondsAgo)
        }
        let backlog = (0..<30).map { "backlog \($0) " + UUID().uuidString }
        for (index, marker) in backlog.enumerated() { try queue(marker, tenantID: busy, dueSecondsAgo: 20_000 - index) }
        let codes = "your codes " + UUID().uuidString
        try queue(codes, tenantID: quiet, dueSecondsAgo: 19_000)

        let central = [WhatsAppSettings.Sender(name: "gw1", token: fonnte.token, perMinute: 3)]
        try Self.delivery(fonnte, central: central).deliverDueMessages()
        #expect(fonnte.messages(containing: codes).count == 1, "the quiet ISP's message waited behind the backlog")
        let sentBacklog = backlog.filter { !fonnte.messages(containing: $0).isEmpty }
        #expect(sentBacklog.first == backlog.first && sentBacklog.count <= 2, "\(sentBacklog)")
    }

    @Test func thePlatformsSendersComeFromTheListAndTheSingleTokenStillWorks() throws {
        let base = ["DATABASE_URL": "postgresql://unused@127.0.0.1/unused", "WHATSAPP_PROVIDER": "fonnte"]
        let single = try AppConfig(environment: base.merging(["FONNTE_TOKEN": "token-one-1234"]) { $1 }).whatsApp
        #expect(single.senders == [WhatsAppSettings.Sender(name: "fonnte", token: "token-one-1234", perMinute: 120)])
        let listed = try AppConfig(
            environment: base.merging(["WHATSAPP_SENDERS": "gw1:30:tok:en-one-1 gw-2:45:token-two-2"]) { $1 }
        ).whatsApp
        #expect(
            listed.senders == [
                WhatsAppSettings.Sender(name: "gw1", token: "tok:en-one-1", perMinute: 30),
                WhatsAppSettings.Sender(name: "gw-2", token: "token-two-2", perMinute: 45),
            ])
        let bad = #expect(throws: ConfigError.self) {
            try AppConfig(environment: base.merging(["WHATSAPP_SENDERS": "gw1:many:token-one-1"]) { $1 })
        }
        #expect(bad?.problems.contains { $0.hasPrefix("WHATSAPP_SENDERS: \"gw1…\" is not name:per-minute:token") } == true)
        let off = #expect(throws: ConfigError.self) {
            try AppConfig(environment: ["DATABASE_URL": "postgresql://unused@127.0.0.1/unused", "WHATSAPP_SENDERS": "gw1:5:token-one-1"])
        }
        #expect(off?.problems == ["WHATSAPP_SENDERS is set but WHATSAPP_PROVIDER is not fonnte"])
    }
}
