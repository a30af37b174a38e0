import Foundation
import TestSupport
import Testing

/// `/admin/subscribers/import`: a CSV of subscribers checked in a dry run that writes nothing and lists
/// every bad row by its line and reason, then imported in one transaction with RADIUS accounts; per tenant.
@Suite struct SubscriberImportTests {
    typealias Shop = ImportShop

    /// 1,000 customer-list rows, ten of them bad in ten different ways; the good ones are on `Home 20` or
    /// `home50` (by name and by RADIUS group), half with a customer number of their own.
    static func thousandRows(prefix: String, takenUsername: String) -> (bytes: [UInt8], badLines: [Int: String]) {
        var lines: [[UInt8]] = [Array("customer_number,name,phone,address,username,password,plan,billing_day,installation_date".utf8)]
        var bad: [Int: String] = [:]
        for index in 0..<1000 {
            let line = index + 2
            var number = index % 2 == 0 ? "\(prefix.uppercased())-\(index)" : ""
            var name = "Pelanggan \(index)"
            var phone = "0812\(String(format: "%08d", index))"
            var username = "\(prefix)-\(index)"
            var password = "pw\(index)x"
            var plan = index % 3 == 0 ? "home50" : "Home 20"
            var day = String(index % 28 + 1)
            var date = "2024-01-15"
            switch index {
            case 10:
                username = "\(prefix)-5"
                bad[line] = "already on line 7"
            case 100:
                phone = "12345"
                bad[line] = "phone: not an Indonesian number"
            case 200:
                plan = "Gold 999"
                bad[line] = "no active plan is called Gold 999"
            case 300:
                name = "\u{FFFD}"
                bad[line] = "not UTF-8 text"
            case 400:
                username = takenUsername
                bad[line] = "a subscriber with this PPPoE user name exists"
            case 500:
                password = ""
                bad[line] = "PPPoE password: missing"
            case 600:
                day = "32"
                bad[line] = "billing day: out of range"
            case 700:
                date = "2024-02-30"
                bad[line] = "installation date: not a date"
            case 800:
                username = "bad user"
                bad[line] = "PPPoE user name: has characters"
            case 900:
                name = ""
                number = ""
                bad[line] = "name: missing"
            default: break
            }
            var bytes = Array(
                "\(number),\"\(name)\",\(phone),\"Jl. Mawar \(index), RT 01\",\(username),\(password),\(plan),\(day),\(date)".utf8)
            if index == 300, let mark = bytes.firstIndex(of: 0xEF) {
                // A Latin-1 byte where UTF-8 was expected, as a file saved in the wrong encoding has.
                bytes.replaceSubrange(mark..<(mark + 3), with: [0xE9])
            }
            lines.append(bytes)
        }
        return (Array(lines.joined(separator: Array("\r\n".utf8))) + Array("\r\n".utf8), bad)
    }

    @Test func aThousandRowsWithTenBadOnesReportExactlyTheTenThenImportTheOther990() throws {
        let shop = try Shop.open()
        let existing = try PortalFixtures.subscriber(tenantID: shop.tenantID)
        let prefix = "imp" + PortalFixtures.code(length: 5).lowercased()
        let file = Self.thousandRows(prefix: prefix, takenUsername: existing.pppoeUsername)

        let dryRun = try shop.check(file.bytes)
        #expect(dryRun.status == 200, "\(dryRun.text)")
        #expect(dryRun.text.contains("990 subscribers would be created, 10 rows skipped"))
        let rejected = try #require(dryRun.text.components(separatedBy: "import-rejected").dropFirst().first)
        let rejectedTable = rejected.components(separatedBy: "</table>").first ?? ""
        let listedLines = rejectedTable.components(separatedBy: "<tr><td>").dropFirst().compactMap {
            Int($0.prefix { $0.isNumber })
        }
        #expect(listedLines == file.badLines.keys.sorted())
        for (line, reason) in file.badLines {
            let row = rejectedTable.components(separatedBy: "<tr><td>\(line)</td>").dropFirst().first ?? ""
            #expect(
                row.prefix(while: { $0 != "\n" }).components(separatedBy: "</tr>").first?.contains(reason) == true,
                "line \(line) should say \(reason)")
        }
        #expect(try shop.subscriberCount() == 1)
        #expect(try shop.radiusCount().passwords == 0)
        #expect(try shop.radiusCount().groups == 0)

        let started = Date()
        let imported = try shop.confirm(dryRun)
        let seconds = Date().timeIntervalSince(started)
        #expect(imported.status == 303)
        #expect(seconds < 15, "990 rows took \(seconds) s")
        #expect(try shop.subscriberCount() == 991)
        #expect(try shop.radiusCount().passwords == 990)
        #expect(try shop.radiusCount().groups == 990)
        let sample = try #require(
            try TestDatabase.owner.query(
                """
                select s.customer_number, s.name, s.phone, s.billing_day, s.installation_date::text as installed,
                    s.status, p.radius_group, c.value as password, g.groupname
                from subscribers s join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id
                    join radcheck c on c.tenant_id = s.tenant_id and c.username = s.pppoe_username
                    join radusergroup g on g.tenant_id = s.tenant_id and g.username = s.pppoe_username
                where s.tenant_id = $1 and s.pppoe_username = $2
                """, shop.tenantID, "\(prefix)-3"
            ).first)
        #expect(try sample.decode("name", as: String.self) == "Pelanggan 3")
        #expect(try sample.decode("phone", as: String.self) == "+62812" + "00000003")
        #expect(try sample.decode("billing_day", as: Int.self) == 4)
        #expect(try sample.decode("installed", as: String.self) == "2024-01-15")
        #expect(try sample.decode("status", as: String.self) == "active")
        #expect(try sample.decode("radius_group", as: String.self) == "home50")
        #expect(try sample.decode("password", as: String.self) == "pw3x")
        #expect(try sample.decode("groupname", as: String.self) == "\(shop.slug)-home50")
        // Row 3 had no customer number: it got a generated one, all digits; row 4 kept its own.
        #expect(try sample.decode("customer_number", as: String.self).allSatisfy(\.isNumber))
        #expect(
            try TestDatabase.owner.query(
                "select 1 from subscribers where tenant_id = $1 and customer_number = $2", shop.tenantID,
                "\(prefix.uppercased())-4"
            ).count == 1)
        let audit = try TestDatabase.owner.query(
            "select target, after->>'created' as created from audit_log where tenant_id = $1 and action = 'subscriber.import'",
            shop.tenantID)
        #expect(try audit.map { try $0.decode("created", as: String.self) } == ["990"])
        #expect(try audit.first?.decode("target", as: String.self) == "pelanggan.csv")

        let page = try shop.browser.get("/admin/subscribers/import?imported=990&skipped=10")
        #expect(page.text.contains("Imported 990 subscribers; 10 rows skipped."))
        // The same confirmation again imports nothing twice.
        let again = try shop.confirm(dryRun)
        #expect(again.status == 409)
        #expect(try shop.subscriberCount() == 991)
    }

    @Test func aMikroTikSecretsExportIsUnderstood() throws {
        let shop = try Shop.open()
        let user = "mt" + PortalFixtures.code(length: 6).lowercased()
        let csv = """
            "Name","Password","Service","Caller ID","Profile","Local Address","Remote Address","Comment","Disabled"
            "\(user)-a","secretA1","pppoe","","rumah20","10.0.0.1","10.0.0.2","Budi Santoso'); drop table subscribers; --","no"
            "\(user)-b","secretB2","pppoe","","Home 50","","","","false"
            "\(user)-c","secretC3","pppoe","","isolir","","","Citra","no"
            "\(user)-d","secretD4","pppoe","","rumah20","","","Dodi (berhenti)","yes"

            """
        let dryRun = try shop.check(Array(csv.utf8))
        #expect(dryRun.text.contains("(MikroTik PPP secrets): 2 subscribers would be created, 2 rows skipped"), "\(dryRun.text)")
        #expect(dryRun.text.contains("no active plan is called isolir"))
        // A disabled secret is a customer the router no longer serves: never imported to be billed.
        #expect(dryRun.text.contains("marked disabled in the file"))
        #expect(try shop.confirm(dryRun).status == 303)
        let rows = try TestDatabase.owner.query(
            """
            select s.pppoe_username, s.name, p.radius_group from subscribers s
                join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id
            where s.tenant_id = $1 order by s.pppoe_username
            """, shop.tenantID)
        #expect(try rows.map { try $0.decode("pppoe_username", as: String.self) } == ["\(user)-a", "\(user)-b"])
        // A secret without a comment is named after its user name.
        #expect(
            try rows.map { try $0.decode("name", as: String.self) } == ["Budi Santoso'); drop table subscribers; --", "\(user)-b"])
        #expect(try rows.map { try $0.decode("radius_group", as: String.self) } == ["rumah20", "home50"])
    }

    @Test func anIndonesianSemicolonFileWithAByteOrderMarkIsUnderstood() throws {
        let shop = try Shop.open()
        let user = "id" + PortalFixtures.code(length: 6).lowercased()
        let csv = """
            Nama;Alamat;No HP;WhatsApp;Username;Password;Paket;Tanggal Tagihan;Tanggal Pasang;ID Pelanggan
            Siti Aminah;"Jl. Melati 3; RT 02";0813-1111-2222;;\(user)-1;rahasia1;Home 20;5;07/03/2023;
            "Agus ""Gus"" Salim";Dusun Krajan;;+62 857 3333 4444;\(user)-2;rahasia2;home50;;1/2/2024;PLG-77

            """
        let dryRun = try shop.check([0xEF, 0xBB, 0xBF] + Array(csv.utf8))
        #expect(dryRun.text.contains("(customer list): 2 subscribers would be created, 0 rows skipped"), "\(dryRun.text)")
        #expect(try shop.confirm(dryRun).status == 303)
        let rows = try TestDatabase.owner.query(
            """
            select name, address, phone, billing_day, installation_date::text as installed, customer_number
            from subscribers where tenant_id = $1 order by pppoe_username
            """, shop.tenantID)
        #expect(try rows.map { try $0.decode("name", as: String.self) } == ["Siti Aminah", "Agus \"Gus\" Salim"])
        #expect(try rows.first?.decode("address", as: String.self) == "Jl. Melati 3; RT 02")
        #expect(try rows.map { try $0.decode("phone", as: String.self) } == ["+6281311112222", "+6285733334444"])
        #expect(try rows.map { try $0.decode("billing_day", as: Int.self) } == [5, 1])
        #expect(try rows.map { try $0.decode("installed", as: String.self) } == ["2023-03-07", "2024-02-01"])
        #expect(try rows.last?.decode("customer_number", as: String.self) == "PLG-77")
    }

    @Test func aFileWithoutAUserNameColumnOrNoFileIsRefusedWithItsReason() throws {
        let shop = try Shop.open()
        let noColumn = try shop.check(Array("nama,alamat\nBudi,Jl. A\n".utf8))
        #expect(noColumn.status == 422)
        #expect(noColumn.text.contains("No column gives the PPPoE user name"))
        let empty = try shop.check([])
        #expect(empty.status == 422)
        #expect(try shop.subscriberCount() == 0)
    }

    @Test func tenantsImportTheirOwnUserNamesAndCannotConfirmAnotherTenantsFile() throws {
        let a = try Shop.open()
        let b = try Shop.open()
        let theirs = try PortalFixtures.subscriber(tenantID: b.tenantID)
        let csv = "username,password,name,plan,customer_number\n\(theirs.pppoeUsername),pw-a-123,Andi,Home 20,\(theirs.customerNumber)\n"
        // B's user name and customer number are free in A: each ISP has its own.
        let dryRun = try a.check(Array(csv.utf8))
        #expect(dryRun.text.contains("1 subscriber would be created, 0 rows skipped"), "\(dryRun.text)")

        // B stages a file; A's admin posts B's token: nothing of B's is imported, and B's dry run still stands.
        let other = "username,password,name,plan\nbee\(PortalFixtures.code(length: 6).lowercased()),pw-b-123,Bee,Home 20\n"
        let bDryRun = try b.check(Array(other.utf8))
        let (bToken, bExpected) = try Shop.confirmation(in: bDryRun)
        let stolen = try a.browser.post("/admin/subscribers/import/confirm", ["token": bToken, "expected": bExpected])
        #expect(stolen.status == 409)
        #expect(try a.subscriberCount() == 0)
        #expect(try b.subscriberCount() == 1)
        #expect(try b.confirm(bDryRun).status == 303)
        #expect(try b.subscriberCount() == 2)

        #expect(try a.confirm(dryRun).status == 303)
        #expect(try a.subscriberCount() == 1)
        let bPassword = try TestDatabase.owner.query(
            "select count(*) as n from radcheck where tenant_id = $1 and username = $2", b.tenantID, theirs.pppoeUsername
        ).first!.decode("n", as: Int.self)
        #expect(bPassword == 0, "A's import wrote nothing under B")
    }

    @Test func aConfirmationWhoseRowsChangedSinceTheDryRunWritesNothingAndShowsTheNewReview() throws {
        let shop = try Shop.open()
        let user = "ch" + PortalFixtures.code(length: 6).lowercased()
        let csv = "username,password,name,plan\n\(user)-1,pw-1234,One,Home 20\n\(user)-2,pw-1234,Two,Home 20\n"
        let dryRun = try shop.check(Array(csv.utf8))
        try TestDatabase.owner.query("update plans set is_active = false where tenant_id = $1", shop.tenantID)
        let refused = try shop.confirm(dryRun)
        #expect(refused.status == 409)
        #expect(refused.text.contains("0 subscribers would be created, 2 rows skipped"))
        #expect(try shop.subscriberCount() == 0)
    }

    @Test func anExpiredDryRunImportsNothingAndAFileOverTheLimitIsRefused() throws {
        let shop = try Shop.open()
        let user = "ex" + PortalFixtures.code(length: 6).lowercased()
        let dryRun = try shop.check(Array("username,password,name,plan\n\(user),pw-1234,One,Home 20\n".utf8))
        try TestDatabase.owner.query(
            "update subscriber_import_files set expires_at = now() - interval '1 second' where tenant_id = $1", shop.tenantID)
        let late = try shop.confirm(dryRun)
        #expect(late.status == 409)
        #expect(late.text.contains("This dry run has expired or was already imported."))
        #expect(try shop.subscriberCount() == 0)

        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024)
        #expect(try shop.check(huge).status == 413)
    }

    @Test func theDryRunSpeaksTheAdminsLanguage() throws {
        let shop = try Shop.open()
        try shop.browser.get("/admin/subscribers/import?lang=id")
        let user = "ln" + PortalFixtures.code(length: 6).lowercased()
        let csv = "nama;username;password;paket\nSiti;\(user);pw-1234;Emas\nAni;\(user);pw-1234;Home 20\n"
        let dryRun = try shop.check(Array(csv.utf8))
        #expect(dryRun.text.contains("0 pelanggan akan dibuat, 2 baris dilewati"), "\(dryRun.text)")
        #expect(dryRun.text.contains("tidak ada paket aktif bernama Emas"))
        #expect(dryRun.text.contains("user PPPoE sudah ada di baris 2"))
    }

    @Test func withoutSigningInOrWithoutTheFormTokenNothingIsStaged() throws {
        let shop = try Shop.open()
        let stranger = PortalBrowser(host: shop.admin.host)
        #expect(try stranger.get("/admin/subscribers/import").status == 303)
        let forged = try shop.browser.postMultipart(
            "/admin/subscribers/import", ["_csrf": "forged"],
            file: (name: "file", filename: "a.csv", type: "text/csv", bytes: Array("username,password,name,plan\n".utf8)))
        #expect(forged.status == 403)
        let staged = try TestDatabase.owner.query(
            "select count(*) as n from subscriber_import_files where tenant_id = $1", shop.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(staged == 0)
    }
}

/// An imported PPPoE account against the real FreeRADIUS of deploy/freeradius/.
@Suite(.serialized) struct SubscriberImportRadiusTests {
    @Test func anImportedSubscriberLogsInOverPPPoEWithTheFilesPassword() throws {
        let server = try FreeRADIUSTests.server.get()
        let shop = try ImportShop.open()
        let user = "rd" + PortalFixtures.code(length: 6).lowercased()
        let csv = "name,password,profile,comment\n\(user),pw-radius-1,rumah20,Radius Test\n"
        #expect(try shop.confirm(try shop.check(Array(csv.utf8))).status == 303)
        let router = try TestRouter.register(tenantID: shop.tenantID, kind: "pppoe")
        let reply = try RadiusClient.login(user, "pw-radius-1", at: router, on: server)
        #expect(reply.contains("Received Access-Accept"), "radclient:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        let wrong = try RadiusClient.login(user, "pw-radius-2", at: router, on: server, tries: 1)
        #expect(wrong.contains("Received Access-Reject"), "radclient:\n\(wrong)")
    }
}
