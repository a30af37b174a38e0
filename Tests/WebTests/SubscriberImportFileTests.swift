import Foundation
import Testing

@testable import Web

/// Reading a subscriber CSV: quoting, separators, encodings and the two header layouts, without a server.
@Suite struct SubscriberImportFileTests {
    @Test func quotedCellsKeepSeparatorsQuotesAndLineBreaksAndRecordsKeepTheirStartingLine() {
        let csv = CSVRecords(bytes: Array("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n".utf8))
        #expect(csv.header?.cells == ["a", "b", "c"])
        #expect(csv.records.map(\.cells) == [["x,1", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(csv.records.map(\.line) == [2, 5])
    }

    @Test func aSemicolonHeaderChoosesSemicolonsAndAByteOrderMarkIsSkipped() {
        let csv = CSVRecords(bytes: [0xEF, 0xBB, 0xBF] + Array("nama;alamat\nBudi;Jl. A, No. 1\n".utf8))
        #expect(csv.separator == UInt8(ascii: ";"))
        #expect(csv.header?.cells == ["nama", "alamat"])
        #expect(csv.records.first?.cells == ["Budi", "Jl. A, No. 1"])
    }

    @Test func aRecordWithAnInvalidByteIsFlaggedOnItsLineAndTheRestStillRead() {
        let csv = CSVRecords(bytes: Array("a,b\nok,1\n".utf8) + [0x42, 0xFF, 0x2C, 0x32, 0x0A] + Array("fine,3\n".utf8))
        #expect(csv.records.map(\.line) == [2, 3, 4])
        #expect(csv.records[1].cells == nil)
        #expect(csv.records[2].cells == ["fine", "3"])
    }

    @Test func anUnclosedQuoteIsFlaggedAndTheFormulaGuardIsUndone() throws {
        let csv = CSVRecords(bytes: Array("a,b\n'=1+1,'+62812\n\"open,x\n".utf8))
        #expect(csv.records.first?.cells == ["=1+1", "+62812"])
        #expect(csv.records.last?.isUnterminated == true)
        #expect(CSVRecords.unguarded("'Budi") == "'Budi")
    }

    @Test func headersAreMatchedWithoutCaseSpacesOrPunctuationInBothLayouts() throws {
        let billing = try SubscriberImportFile(
            bytes: Array("No. HP,NAMA,User Name,Paket,Tgl Pasang\n0812 3456 7890,Budi,budi01,Home,31/12/2023\n".utf8))
        #expect(billing.layout == .billing)
        let row = try #require(billing.rows.first)
        #expect(row.values == ["phone": "0812 3456 7890", "name": "Budi", "pppoe_username": "budi01", "installation_date": "2023-12-31"])
        #expect(row.plan == "Home")
        let mikrotik = try SubscriberImportFile(
            bytes: Array("name,password,profile,comment,disabled\nbudi01,pw12345,home20,Budi,no\n".utf8))
        #expect(mikrotik.layout == .mikrotik)
        #expect(mikrotik.rows.first?.values == ["pppoe_username": "budi01", "pppoe_password": "pw12345", "name": "Budi"])
        let states = try SubscriberImportFile(bytes: Array("username,status\na1,Aktif\na2,terminated\na3,\n".utf8))
        #expect(states.rows.map(\.inactiveMark) == [nil, "terminated", nil])
        #expect(throws: SubscriberImportFile.Problem.noUsernameColumn) { try SubscriberImportFile(bytes: Array("nama\nBudi\n".utf8)) }
        #expect(throws: SubscriberImportFile.Problem.empty) { try SubscriberImportFile(bytes: []) }
    }

    @Test func hostileAndBrokenRowsAreReportedOnTheirLinesAndNeverTrap() throws {
        let file = try SubscriberImportFile(
            bytes: Array("username,password,name,plan\n\"'; drop table subscribers; --\",<script>,x,y\n,,,,,,,,z\n\"open,\n".utf8))
        let review = SubscriberImportReview(file: file, plans: [], takenUsernames: [], takenCustomerNumbers: [])
        #expect(review.accepted.isEmpty)
        #expect(review.rejected.map(\.line) == [2, 3, 4])
        #expect(review.rejected[0].reasons == [.field(.pppoeUsername, .characters), .planUnknown("y")])
        #expect(review.rejected[1].reasons == [.record(.extraCells)])
        #expect(review.rejected[2].reasons == [.record(.unterminatedQuote)])
    }
}
