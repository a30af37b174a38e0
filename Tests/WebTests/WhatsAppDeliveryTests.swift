import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// The outbox's sender: a paid order's codes reach the buyer's WhatsApp through Fonnte (a local fake
/// that speaks its documented API), refusals are tried again, stale messages are given up, and two
/// instances send each message once. One test at a time: every sending instance takes every tenant's
/// due messages, so two tests' servers would deliver to each other's fakes.
@Suite(.serialized) struct WhatsAppDeliveryTests {
    typealias F = StoreFixtures

    /// A sending server; with `platformSender` false it has no number of its own (`WHATSAPP_PROVIDER=off`).
    static func server(_ fonnte: FakeFonnte, platformSender: Bool = true, workers: Int = 1) throws -> GerbangProcess {
        var environment = [
            "FONNTE_API_URL": fonnte.baseURL, "WHATSAPP_POLL_SECONDS": "1", "WHATSAPP_SEND": "true",
            "WORKER_PROCESSES": String(workers),
        ]
        if platformSender {
            environment["WHATSAPP_PROVIDER"] = "fonnte"
            environment["FONNTE_TOKEN"] = fonnte.token
            // The most a device may take: the first round also sends what other suites left waiting in the
            // shared database, and a smaller capacity would hold these tests' messages to the next minute.
            environment["FONNTE_PER_MINUTE"] = "1000"
        }
        return try GerbangProcess(environment: environment)
    }

    /// Gives the tenant its own WhatsApp number (or switches it), as the admin form saves it.
    static func ownSender(tenantID: UUID, token: String, active: Bool = true, perMinute: Int = 20) throws {
        // Found by the name it was given, not by its token: a running instance seals the token at rest
        // (`SecretsAtRest`), after which the row's `token` is empty.
        let updated = try F.owner.query(
            """
            update tenant_whatsapp_senders set is_active = $3
            where tenant_id = $1 and name = 'device ' || right($2, 4) returning id
            """, tenantID, token, active)
        guard updated.isEmpty else { return }
        try F.owner.query(
            """
            insert into tenant_whatsapp_senders (tenant_id, name, token, is_active, per_minute)
            values ($1, 'device ' || right($2, 4), $2, $3, $4)
            """, tenantID, token, active, perMinute)
    }

    struct Row {
        let status: String
        let attempts: Int
        let lastError: String?
        let providerMessageID: String?
        let wasSent: Bool
        let secondsUntilNextAttempt: Double
    }

    static func row(_ id: Int64) throws -> Row {
        let row = try #require(
            try F.owner.query(
                """
                select status, attempts, last_error, provider_message_id, sent_at is not null as was_sent,
                    extract(epoch from next_attempt_at - now())::double precision as wait
                from notifications where id = $1
                """, id
            ).first)
        return Row(
            status: try row.decode("status"), attempts: try row.decode("attempts"),
            lastError: row.decode("last_error", as: String?.self),
            providerMessageID: row.decode("provider_message_id", as: String?.self), wasSent: try row.decode("was_sent"),
            secondsUntilNextAttempt: try row.decode("wait"))
    }

    /// The message fulfilment queued for an order.
    static func messageID(order: F.Order) throws -> Int64 {
        try #require(try F.owner.query("select id from notifications where subject_ref = $1", order.number).first)
            .decode("id")
    }

    /// Queues a message directly, as fulfilment does, `queuedAgo` seconds in the past. It is due before the
    /// backlog other suites' purchases leave pending in the shared database (the outbox takes the
    /// longest-due first), so these tests measure the sending, not that backlog.
    static func queue(_ body: String, tenantID: UUID, queuedAgo seconds: Int = 0) throws -> Int64 {
        try F.owner.query(
            """
            insert into notifications (tenant_id, channel, recipient, body, subject_ref, created_at, next_attempt_at)
            values ($1, 'whatsapp', '+6281298765432', $2, 'test', now() - make_interval(secs => $3::double precision),
                now() - interval '1 hour')
            returning id
            """, tenantID, body, seconds
        ).first!.decode("id")
    }

    /// A message fulfilment queued, made due before the backlog (as `queue` does) while nobody has claimed
    /// it yet (a claimed one is due again only when its lease ends).
    static func dueBeforeTheBacklog(_ id: Int64) throws {
        try F.owner.query(
            """
            update notifications set next_attempt_at = now() - interval '1 hour'
            where id = $1 and status = 'pending' and next_attempt_at <= now()
            """, id)
    }

    /// Two fresh tenants: the first sends from its own number (`token`), the second has none.
    static func tenantWithOwnNumberAndOneWithout(token: String) throws -> (withOwn: UUID, without: UUID) {
        let withOwn = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        let without = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa")).id
        try ownSender(tenantID: withOwn, token: token)
        return (withOwn, without)
    }

    @Test func aPaidOrdersCodesReachTheBuyersWhatsApp() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        let server = try Self.server(fonnte)
        defer { server.stop() }
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id, F.Profile()), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: 2)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let signature = try F.hmacSHA256Hex(key: secret, message: body)
        #expect(try F.deliver("sandbox", body: body, headers: [("X-Sandbox-Signature", signature)], server: server).status == 200)

        let messageID = try Self.messageID(order: order)
        try Self.dueBeforeTheBacklog(messageID)
        try eventually(within: .seconds(10)) { try Self.row(messageID).status == "sent" }
        let sent = fonnte.messages(containing: order.number)
        #expect(sent.count == 1)
        let message = try #require(sent.first)
        #expect(message.target == "6281234567890")
        #expect(message.countryCode == "62")
        let codes = try FulfilmentTests.codes(order)
        #expect(codes.count == 2)
        for code in codes { #expect(message.text.contains(code)) }
        let request = try #require(fonnte.requests.first { String(decoding: $0.body, as: UTF8.self).contains(order.number) })
        #expect(request.header("Authorization") == fonnte.token)
        #expect(request.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)

        let row = try Self.row(messageID)
        #expect(row.attempts == 1)
        #expect(row.wasSent)
        #expect(row.lastError == nil)
        #expect(row.providerMessageID == message.id)

        let metrics = try MetricsTests.parse(
            try TestHTTPClient.request(port: server.port, path: "/metrics", host: "localhost").text)
        let sentCount = metrics.first { $0.name == "gerbang_notifications_total" && $0.labels["outcome"] == "sent" }
        #expect((sentCount?.value ?? 0) >= 1)
    }

    @Test func aRefusedMessageWaitsAndIsSentOnItsNextAttempt() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        fonnte.refuse("disconnected device")
        let server = try Self.server(fonnte)
        defer { server.stop() }
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa"))
        let marker = "retry " + UUID().uuidString
        let id = try Self.queue(marker, tenantID: tenant.id)

        try eventually(within: .seconds(10)) { try Self.row(id).lastError != nil }
        var row = try Self.row(id)
        #expect(row.status == "pending")
        #expect(row.attempts == 1)
        #expect(row.lastError == "Fonnte refused: disconnected device")
        #expect(row.secondsUntilNextAttempt > 20, "the first pause is 30 s")
        #expect(!row.wasSent)
        #expect(fonnte.messages(containing: marker).isEmpty)

        fonnte.refuse(nil)
        // As if the pause had passed, and due before the backlog other suites leave in the shared database.
        try F.owner.query("update notifications set next_attempt_at = now() - interval '1 hour' where id = $1", id)
        try eventually(within: .seconds(10)) { try Self.row(id).status == "sent" }
        row = try Self.row(id)
        #expect(row.attempts == 2)
        #expect(row.lastError == nil)
        #expect(fonnte.messages(containing: marker).count == 1)
    }

    @Test func aMessageQueuedMoreThanADayAgoIsGivenUpNotSent() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        let server = try Self.server(fonnte)
        defer { server.stop() }
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa"))
        let stale = "stale " + UUID().uuidString
        let fresh = "fresh " + UUID().uuidString
        let staleID = try Self.queue(stale, tenantID: tenant.id, queuedAgo: 25 * 3600)
        let freshID = try Self.queue(fresh, tenantID: tenant.id, queuedAgo: 23 * 3600)

        try eventually(within: .seconds(10)) {
            try Self.row(staleID).status == "failed" && Self.row(freshID).status == "sent"
        }
        #expect(try Self.row(staleID).lastError == "not delivered within a day of being queued")
        #expect(fonnte.messages(containing: stale).isEmpty)
        #expect(fonnte.messages(containing: fresh).count == 1)
    }

    @Test func twoInstancesSendEachMessageOnce() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        // Slow enough that both instances are sending at the same time.
        fonnte.setBehaviour(.slow(.milliseconds(40)))
        let one = try Self.server(fonnte)
        let two = try Self.server(fonnte)
        defer {
            one.stop()
            two.stop()
        }
        try Self.expectEachMessageSentOnce(fonnte)
    }

    @Test func threeWorkerProcessesOfOneServerSendEachMessageOnce() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        fonnte.setBehaviour(.slow(.milliseconds(40)))
        let server = try Self.server(fonnte, workers: 3)
        defer { server.stop() }
        #expect(server.workerPIDs.count == 3)
        try Self.expectEachMessageSentOnce(fonnte)
    }

    /// Forty messages queued for a new tenant reach the fake once each, on the first attempt.
    static func expectEachMessageSentOnce(_ fonnte: FakeFonnte) throws {
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("wa"))
        let markers = (0..<40).map { "once \($0) " + UUID().uuidString }
        let ids = try markers.map { try Self.queue($0, tenantID: tenant.id) }

        try eventually(within: .seconds(20)) { try ids.allSatisfy { try Self.row($0).status == "sent" } }
        // One more round of each instance would show a second send.
        Thread.sleep(forTimeInterval: 1.5)
        for marker in markers { #expect(fonnte.messages(containing: marker).count == 1, "\(marker)") }
        for id in ids { #expect(try Self.row(id).attempts == 1) }
    }

    @Test func aTenantsOwnNumberSendsItsMessagesAndTheOthersUseThePlatforms() throws {
        let own = "fonnte-own-" + UUID().uuidString
        let fonnte = try FakeFonnte(otherDevices: [own])
        defer { fonnte.stop() }
        let server = try Self.server(fonnte)
        defer { server.stop() }
        let (withOwn, without) = try Self.tenantWithOwnNumberAndOneWithout(token: own)
        let ownMarker = "own " + UUID().uuidString
        let platformMarker = "platform " + UUID().uuidString
        let ownID = try Self.queue(ownMarker, tenantID: withOwn)
        let platformID = try Self.queue(platformMarker, tenantID: without)

        try eventually(within: .seconds(10)) { try Self.row(ownID).status == "sent" && Self.row(platformID).status == "sent" }
        #expect(fonnte.messages(containing: ownMarker).map(\.deviceToken) == [own])
        #expect(fonnte.messages(containing: platformMarker).map(\.deviceToken) == [fonnte.token])

        // Switched off, the tenant's next message goes from the platform's number again.
        try Self.ownSender(tenantID: withOwn, token: own, active: false)
        let laterMarker = "later " + UUID().uuidString
        let laterID = try Self.queue(laterMarker, tenantID: withOwn)
        try eventually(within: .seconds(10)) { try Self.row(laterID).status == "sent" }
        #expect(fonnte.messages(containing: laterMarker).map(\.deviceToken) == [fonnte.token])
    }

    @Test func withoutAPlatformNumberOnlyTenantsWithTheirOwnGetMessagesAndTheRestWait() throws {
        let own = "fonnte-own-" + UUID().uuidString
        let fonnte = try FakeFonnte(otherDevices: [own])
        defer { fonnte.stop() }
        let server = try Self.server(fonnte, platformSender: false)
        defer { server.stop() }
        let (withOwn, without) = try Self.tenantWithOwnNumberAndOneWithout(token: own)
        let ownMarker = "own " + UUID().uuidString
        let waitingMarker = "waiting " + UUID().uuidString
        let waitingID = try Self.queue(waitingMarker, tenantID: without)
        let ownID = try Self.queue(ownMarker, tenantID: withOwn)

        try eventually(within: .seconds(10)) { try Self.row(ownID).status == "sent" }
        #expect(fonnte.messages(containing: ownMarker).map(\.deviceToken) == [own])
        // Two more rounds: the other tenant's message is not even tried.
        Thread.sleep(forTimeInterval: 2.2)
        let waiting = try Self.row(waitingID)
        #expect(waiting.status == "pending" && waiting.attempts == 0 && waiting.lastError == nil)
        #expect(fonnte.messages(containing: waitingMarker).isEmpty)

        // A day later no sender will take it any more: it is given up, not left for every claim to step over.
        let staleID = try Self.queue("stale " + UUID().uuidString, tenantID: without, queuedAgo: 25 * 3600)
        try F.owner.query("update notifications set next_attempt_at = created_at where id = $1", staleID)
        try eventually(within: .seconds(5)) { try Self.row(staleID).status == "failed" }
        #expect(try Self.row(staleID).lastError == "not delivered within a day of being queued")
        #expect(try Self.row(staleID).attempts == 0)
        #expect(try Self.row(waitingID).status == "pending")
    }

    @Test func theSenderReportsFonntesRefusalsWithoutItsToken() throws {
        let fonnte = try FakeFonnte()
        defer { fonnte.stop() }
        let http = GatewayHTTPClient(timeout: .seconds(5))
        let good = FonnteSender(token: fonnte.token, baseURL: fonnte.baseURL, http: http)
        #expect(try good.send("Halo", to: "+6281111111111") == fonnte.messages.last?.id)
        #expect(fonnte.messages.last?.target == "6281111111111")

        let wrongToken = "fonnte-wrong-" + UUID().uuidString
        let refused = #expect(throws: DeliveryFailure.self) {
            try FonnteSender(token: wrongToken, baseURL: fonnte.baseURL, http: http).send("Halo", to: "+6281111111111")
        }
        #expect(refused?.description == "Fonnte refused: token invalid")

        fonnte.setBehaviour(.failing(status: 502))
        let failing = #expect(throws: DeliveryFailure.self) { try good.send("Halo", to: "+6281111111111") }
        #expect(failing?.description == "Fonnte answered HTTP 502")

        fonnte.stop()
        let gone = #expect(throws: DeliveryFailure.self) { try good.send("Halo", to: "+6281111111111") }
        #expect(gone?.description.hasPrefix("Fonnte unreachable") == true)
        #expect(gone.map { !$0.description.contains(fonnte.token) } == true)
    }

    @Test func fonnteNeedsItsTokenAndAnUnknownProviderIsNamed() throws {
        let base = ["DATABASE_URL": "postgresql://unused@127.0.0.1/unused"]
        #expect(try AppConfig(environment: base).whatsApp.provider == .off)
        let missing = #expect(throws: ConfigError.self) {
            try AppConfig(environment: base.merging(["WHATSAPP_PROVIDER": "fonnte"]) { $1 })
        }
        #expect(missing?.problems.contains { $0.hasPrefix("FONNTE_TOKEN is not set") } == true)
        let unknown = #expect(throws: ConfigError.self) {
            try AppConfig(environment: base.merging(["WHATSAPP_PROVIDER": "pigeon"]) { $1 })
        }
        #expect(unknown?.problems == ["WHATSAPP_PROVIDER=pigeon is not one of off, fonnte"])
        #expect(try AppConfig(environment: base).whatsApp.sendsFromThisProcess)
        #expect(try AppConfig(environment: base.merging(["WHATSAPP_SEND": "false"]) { $1 }).whatsApp.sendsFromThisProcess == false)
    }

    @Test func pausesGrowToAnHourAndEndAfterTheLastAttempt() {
        #expect(WhatsAppDelivery.retryDelay(afterAttempt: 1) == .seconds(30))
        #expect(WhatsAppDelivery.retryDelay(afterAttempt: 2) == .seconds(60))
        #expect(WhatsAppDelivery.retryDelay(afterAttempt: 8) == .seconds(3600))
        #expect(WhatsAppDelivery.retryDelay(afterAttempt: WhatsAppDelivery.maxAttempts - 1) == .seconds(3600))
        #expect(WhatsAppDelivery.retryDelay(afterAttempt: WhatsAppDelivery.maxAttempts) == nil)
    }
}
