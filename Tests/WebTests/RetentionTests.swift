import Foundation
import TestSupport
import Testing

/// What anyone can make Gerbang store is bounded and purged: rows past their retention period go (a
/// row just inside its period stays), unverifiable webhook floods are refused before they are stored,
/// and what is stored of them is cut short.
@Suite struct RetentionTests {
    typealias F = StoreFixtures

    static let server = try! GerbangProcess(environment: [
        "RETENTION_WEBHOOK_DAYS": "1", "RETENTION_SECURITY_EVENTS_DAYS": "2", "RETENTION_AUDIT_DAYS": "3",
        "RETENTION_INTERVAL_SECONDS": "1", "RATE_LIMIT_WEBHOOK_UNVERIFIED": "5", "TRUSTED_PROXIES": "127.0.0.1",
    ])

    @Test func rowsPastTheirPeriodArePurgedAndRowsJustInsideAreKept() throws {
        _ = Self.server.port
        let marker = RandomCode.make(10)
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("rt"))
        @discardableResult func event(_ name: String, ageSeconds: Int) throws -> Int64 {
            try F.owner.query(
                """
                insert into webhook_events (provider, dedupe_key, headers, body, reference, received_at)
                values ('midtrans', $1, '{}', '{}', $1, now() - make_interval(secs => $2)) returning id
                """, marker + name, ageSeconds
            ).first!.decode("id", as: Int64.self)
        }
        let day = 86_400
        try event("-webhook-inside", ageSeconds: day - 60)
        try event("-webhook-outside", ageSeconds: day + 60)
        let evidence = try event("-webhook-evidence", ageSeconds: 10 * day)
        try F.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, status, webhook_event_id)
            values ($1, 'order', gen_random_uuid(), 'midtrans', 5000, 'paid', $2)
            """, tenant.id, evidence)
        for (name, age) in [("-security-inside", 2 * day - 60), ("-security-outside", 2 * day + 60)] {
            try F.owner.query(
                "insert into security_events (kind, detail, at) values ('login_failed', $1, now() - make_interval(secs => $2))",
                marker + name, age)
        }
        for (name, age) in [("-audit-inside", 3 * day - 60), ("-audit-outside", 3 * day + 60)] {
            try F.owner.query(
                """
                insert into audit_log (actor, action, target, at)
                values ($1, 'test.retention', 'x', now() - make_interval(secs => $2))
                """, marker + name, age)
        }
        func sessionID() -> String { (UUID().uuidString + UUID().uuidString).lowercased().filter { $0 != "-" } }
        let expired = sessionID()
        let live = sessionID()
        for (id, expiresIn) in [(expired, -1), (live, 3600)] {
            try F.owner.query(
                """
                insert into sessions (id, kind, principal_id, csrf_secret, expires_at)
                values ($1, 'head_admin', gen_random_uuid(), repeat('c', 32), now() + make_interval(secs => $2))
                """, id, expiresIn)
        }
        for (name, age) in [("-limit-stale", 3 * 3600), ("-limit-recent", 3600)] {
            try F.owner.query(
                "insert into rate_limit_counters (bucket_key, window_start, hits) values ($1, now() - make_interval(secs => $2), 1)",
                marker + name, age)
        }

        func remaining() throws -> Set<String> {
            let rows = try F.owner.query(
                """
                select reference as name from webhook_events where reference like $1
                union all select detail from security_events where detail like $1
                union all select actor from audit_log where actor like $1
                union all select bucket_key from rate_limit_counters where bucket_key like $1
                union all select id from sessions where id = any($2::text[])
                """, marker + "%", [expired, live])
            return Set(try rows.map { try $0.decode("name", as: String.self).replacingOccurrences(of: marker, with: "") })
        }
        let kept: Set<String> = [
            "-webhook-inside", "-webhook-evidence", "-security-inside", "-audit-inside", "-limit-recent", live,
        ]
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try remaining() != kept { Thread.sleep(forTimeInterval: 0.2) }
        #expect(try remaining() == kept)
    }

    @Test func aFloodOfUnverifiableWebhooksIsRefusedBeforeItIsStoredAndWhatIsStoredIsBounded() throws {
        let flooder = "10.9.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
        let reference = "EV" + RandomCode.make(12)
        let padding = String(repeating: "x", count: 60_000)
        let body = #"{"order_id":"\#(reference)","status_code":"200","padding":"\#(padding)"}"#
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<40 {
            let response = try F.deliver(
                "midtrans", body: body, headers: [("X-Forwarded-For", flooder), ("X-Noise", padding.prefix(2000) + "")],
                server: Self.server)
            statuses.append(response.status)
            if response.status == 429 { retryAfter = response.headers["Retry-After"] }
        }
        #expect(retryAfter == "60")
        #expect(statuses.prefix(5).allSatisfy { $0 == 404 }, "\(statuses)")
        #expect(statuses.dropFirst(5).allSatisfy { $0 == 429 }, "\(statuses)")
        let stored = try F.owner.query(
            """
            select octet_length(body) as kept, body_size, length(headers::text) as header_bytes
            from webhook_events where reference = $1
            """, reference)
        #expect(stored.count == 5)
        for row in stored {
            #expect(try row.decode("kept", as: Int.self) <= 4_096)
            #expect(try row.decode("body_size", as: Int.self) == body.utf8.count)
            #expect(try row.decode("header_bytes", as: Int.self) <= 20 * 600)
        }

        // A genuine gateway behind the same address is verified, so the flood does not refuse it.
        let (order, paid, signature) = try F.sandboxOrderWithPaidDelivery()
        let genuine = try F.deliver(
            "sandbox", body: paid, headers: [("X-Forwarded-For", flooder), ("X-Sandbox-Signature", signature)],
            server: Self.server)
        #expect(genuine.status == 200, "\(genuine.text)")
        #expect(try F.orderStatus(order) == "paid")
    }
}
