import Foundation
import Testing

@testable import Postgres

/// Encoding and decoding, first without a server, then through a real one.
@Suite struct PostgresCodingTests {
    @Test func arrayLiteralQuotesEveryElementAndKeepsNilAsNull() {
        #expect(
            PostgresArrayLiteral.format(["a,b", "q\"uote", "back\\slash", nil, "NULL"])
                == #"{"a,b","q\"uote","back\\slash",NULL,"NULL"}"#)
        #expect(PostgresArrayLiteral.format([]) == "{}")
    }

    @Test func arrayLiteralParserReadsServerOutput() throws {
        let parsed = try PostgresArrayLiteral.parse(#"{plain,"a,b","q\"uote","back\\slash",NULL,"NULL","{x}",""}"#)
        #expect(parsed == ["plain", "a,b", "q\"uote", "back\\slash", nil, "NULL", "{x}", ""])
        #expect(try PostgresArrayLiteral.parse("{}") == [])
        #expect(throws: PostgresError.self) { try PostgresArrayLiteral.parse("{{1,2},{3,4}}") }
        #expect(throws: PostgresError.self) { try PostgresArrayLiteral.parse(#"{"unterminated}"#) }
    }

    @Test func timestampsParseWithFractionsAndOffsets() throws {
        let utc = try #require(PostgresTimestamp.parse("2024-02-29 23:59:59.123456+00"))
        #expect(PostgresTimestamp.format(utc) == "2024-02-29T23:59:59.123456Z")
        let offset = try #require(PostgresTimestamp.parse("2024-03-01 05:29:59.123456+05:30"))
        #expect(offset == utc)
        let beforeEpoch = try #require(PostgresTimestamp.parse("1969-12-31 23:59:59.5+00"))
        #expect(beforeEpoch.timeIntervalSince1970 == -0.5)
        #expect(PostgresTimestamp.parse("2024-01-02") == Date(timeIntervalSince1970: 1_704_153_600))
        #expect(PostgresTimestamp.parse("infinity") == nil)
        #expect(PostgresTimestamp.parse("2024-13-01 00:00:00+00") == nil)
    }

    @Test func integersRejectFractionsButAcceptWholeNumerics() throws {
        #expect(try Int64(postgresText: "12.000") == 12)
        #expect(throws: PostgresError.self) { try Int64(postgresText: "12.5") }
        #expect(throws: PostgresError.self) { try Int32(postgresText: "2147483648") }
        #expect(throws: PostgresError.self) { try Bool(postgresText: "yes") }
    }

    @Test func uuidTextMatchesFoundationBothWaysAndRefusesAnythingElse() throws {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(id.postgresText == id.uuidString.lowercased())
            #expect(try UUID(postgresText: id.uuidString.lowercased()) == id)
            #expect(try UUID(postgresText: id.uuidString) == id)
        }
        let good = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
        #expect(try UUID(postgresText: good).postgresText == good)
        for bad in [
            "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
            "a0eebc999c0b-4ef8-bb6d-6bb9bd380a11-", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g", "a0eebc99+9c0b-4ef8-bb6d-6bb9bd380a11",
            "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380aé",
        ] {
            #expect(throws: PostgresError.self, "\(bad)") { try UUID(postgresText: bad) }
        }
    }

    @Test func decodingErrorDoesNotQuoteTheValue() {
        do {
            _ = try UUID(postgresText: "secret-session-token")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("secret-session-token"))
        }
    }

    @Test func scalarsRoundTripThroughTheServer() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let id = UUID()
        let row = try #require(
            try connection.query(
                """
                select $1::int8 as big, $2::int4 as small, $3::int8 as int, $4::bool as yes, $5::bool as no,
                       $6::float8 as double, $7::uuid as id, $8::float8 as nan, $9::float8 as inf,
                       12345678901234::numeric as whole, 12.50::numeric as fraction
                """,
                Int64.max, Int32.min, -42, true, false, 0.1 + 0.2, id, Double.nan, -Double.infinity
            ).first)
        #expect(try row.decode("big", as: Int64.self) == .max)
        #expect(try row.decode("small", as: Int32.self) == .min)
        #expect(try row.decode("int", as: Int.self) == -42)
        #expect(try row.decode("yes", as: Bool.self))
        #expect(try !row.decode("no", as: Bool.self))
        #expect(try row.decode("double", as: Double.self) == 0.1 + 0.2)
        #expect(try row.decode("id", as: UUID.self) == id)
        #expect(try row.decode("nan", as: Double.self).isNaN)
        #expect(try row.decode("inf", as: Double.self) == -.infinity)
        #expect(try row.decode("whole", as: Int64.self) == 12_345_678_901_234)
        #expect(try row.decode("fraction", as: Double.self) == 12.5)
        #expect(throws: PostgresError.self) { try row.decode("fraction", as: Int64.self) }
    }

    @Test func byteaRoundTripsEveryByteValue() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let bytes = (0...255).map { UInt8($0) } + [0, 0, 255]
        let row = try #require(try connection.query("select $1::bytea as data, length($1::bytea) as length", bytes).first)
        #expect(try row.decode("data", as: [UInt8].self) == bytes)
        #expect(try row.decode("length", as: Int.self) == bytes.count)
        #expect(try connection.query("select ''::bytea as data").first?.decode("data", as: [UInt8].self) == [])
    }

    @Test func datesRoundTripWithMicroseconds() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let microsecondTimes: [Int64] = [0, 1, -1, 1_709_251_199_999_999, -2_208_988_800_000_001, 4_102_444_800_123_456]
        for micros in microsecondTimes {
            let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
            let row = try #require(
                try connection.query(
                    "select $1::timestamptz as at, (extract(epoch from $1::timestamptz) * 1000000)::int8 as micros", date
                ).first)
            #expect(try row.decode("micros", as: Int64.self) == micros)
            let decoded = try row.decode("at", as: Date.self)
            #expect(PostgresTimestamp.format(decoded) == PostgresTimestamp.format(date))
        }
        let literal = try connection.query("select '2024-02-29 23:59:59.654321+07'::timestamptz as at").first
        #expect(
            try literal.map { PostgresTimestamp.format(try $0.decode("at", as: Date.self)) }
                == "2024-02-29T16:59:59.654321Z")
    }

    @Test func sessionRunsInUTCWithISODates() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let row = try #require(
            try connection.query(
                """
                select current_setting('TimeZone') as zone, current_setting('DateStyle') as style,
                       current_setting('client_encoding') as encoding, current_setting('statement_timeout') as timeout,
                       current_setting('jit') as jit
                """
            ).first)
        #expect(try row.decode("zone", as: String.self) == "UTC")
        #expect(try row.decode("style", as: String.self).hasPrefix("ISO"))
        #expect(try row.decode("encoding", as: String.self) == "UTF8")
        #expect(try row.decode("timeout", as: String.self) == "15s")
        #expect(try row.decode("jit", as: String.self) == "off")
    }

    @Test func stringArraysSurviveQuotesCommasBracesAndNullWords() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let strings = [
            "plain", "a,b", "{braces}", "\"quoted\"", "back\\slash", "NULL", "null", "", " spaced ", "emoji 🎉",
            "עברית", "'; DROP TABLE x; --",
        ]
        let row = try #require(
            try connection.query(
                "select $1::text[] as items, cardinality($1::text[]) as count, $2::int8[] as numbers",
                strings, [Int.min, 0, Int.max]
            ).first)
        #expect(try row.decode("items", as: [String].self) == strings)
        #expect(try row.decode("count", as: Int.self) == strings.count)
        #expect(try row.decode("numbers", as: [Int].self) == [Int.min, 0, Int.max])
        #expect(try connection.query("select '{}'::text[] as v").first?.decode("v", as: [String].self) == [])
        let withNull = try #require(try connection.query("select array['a', null] as v").first)
        #expect(throws: PostgresError.self) { try withNull.decode("v", as: [String].self) }
    }

    @Test func arrayParameterWorksWithAny() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let rows = try connection.query(
            "select x from unnest(array['a', 'b,c', 'd\"', 'e']) as x where x = any($1) order by x", ["b,c", "d\"", "zzz"])
        #expect(try rows.map { try $0.decode("x", as: String.self) } == ["b,c", "d\""])
    }
}
