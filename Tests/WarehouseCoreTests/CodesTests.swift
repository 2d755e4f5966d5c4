import Foundation
import Testing
@testable import WarehouseCore

// Fixtures from DOMAIN.md §9.6 (all synthetic) and §3.

@Suite("CCCD")
struct CCCDTests {
    @Test("§9.6 parties decode to province, sex and birth year",
          arguments: [
            ("038090012345", "038", Sex.male, 1900, 1990),
            ("038192004567", "038", Sex.female, 1900, 1992),
            ("038324000123", "038", Sex.female, 2000, 2024),
            ("079204000001", "079", Sex.male, 2000, 2004),
            ("001599000001", "001", Sex.female, 2100, 2199),
            ("001499000001", "001", Sex.male, 2100, 2199),
          ])
    func decodes(_ raw: String, _ province: String, _ sex: Sex, _ century: Int, _ year: Int) throws {
        let id = try CCCD(raw)
        #expect(id.rawValue == raw)
        #expect(id.provinceCode == province)
        #expect(id.sex == sex)
        #expect(id.birthCentury == century)
        #expect(id.birthYear == year)
        #expect(id.description == raw)
    }

    @Test func fieldsOfFixture() throws {
        let id = try CCCD("038090012345")
        #expect(id.centurySexDigit == 0)
        #expect(id.birthYearTwoDigits == 90)
        #expect(id.serial == "012345")
    }

    @Test("Spaces OCR or typists put between groups are dropped")
    func spaces() throws {
        #expect(try CCCD(" 038 090 012 345 ").rawValue == "038090012345")
    }

    @Test("Trần Văn Đức: 4th digit 1 says female born 19xx, so a Nam card is inconsistent")
    func tranVanDucDigitSaysFemale() throws {
        let id = try CCCD("052195001234")
        #expect(id.sex == .female)
        #expect(id.sex != .male)
        #expect(id.birthYear == 1995)
        #expect(id.provinceCode == "052")
    }

    @Test("11 digits is rejected with a message naming value, cause and fix")
    func elevenDigits() {
        #expect(throws: CodeError("CCCD", value: "03809001234", reason: .wrongLength, detail: "")) {
            try CCCD("03809001234")
        }
        do {
            _ = try CCCD("03809001234")
        } catch {
            #expect(error.description.contains("\"03809001234\""))
            #expect(error.description.contains("11 digits"))
            #expect(error.description.contains("exactly 12"))
            #expect(error.description.hasSuffix("."))
        }
    }

    @Test("A letter in a CCCD is rejected")
    func letter() {
        #expect(throws: CodeError("CCCD", value: "038A90012345", reason: .invalidCharacter, detail: "")) {
            try CCCD("038A90012345")
        }
        #expect(throws: CodeError.self) { try CCCD("") }
        #expect(throws: CodeError.self) { try CCCD("0380900123456") }
    }

    @Test func codableAsString() throws {
        let data = try JSONEncoder().encode([try CCCD("038090012345")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"038090012345\"]")
        #expect(try JSONDecoder().decode([CCCD].self, from: data) == [try CCCD("038090012345")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CCCD].self, from: Data("[\"038A90012345\"]".utf8)) }
    }
}

@Suite("CMND")
struct CMNDTests {
    @Test func nineDigits() throws {
        #expect(try CMND("173456789").rawValue == "173456789")
        #expect(throws: CodeError("CMND", value: "17345678", reason: .wrongLength, detail: "")) { try CMND("17345678") }
        #expect(throws: CodeError("CMND", value: "17345678O", reason: .invalidCharacter, detail: "")) { try CMND("17345678O") }
    }
}

@Suite("MST")
struct MSTTests {
    @Test("Verified and synthetic valid tax codes",
          arguments: ["0100233488", "0314409058-002", "0100112437", "2801234564", "2807654325", "0312345673", "2801234564-001"])
    func valid(_ raw: String) throws {
        let mst = try MST(raw)
        #expect(mst.rawValue == raw)
        #expect(mst.description == raw)
    }

    @Test func parts() throws {
        let branch = try MST("2801234564-001")
        #expect(branch.provinceCode == "28")
        #expect(branch.sequence == "0123456")
        #expect(branch.checkDigit == 4)
        #expect(branch.branch == "001")
        #expect(branch.headOffice == (try MST("2801234564")))
        #expect(try MST("2801234564").branch == nil)
        #expect(try MST("2801234564001").rawValue == "2801234564-001")
        #expect(MST.checkDigit(forPrefix: "280123456") == 4)
        #expect(MST.checkDigit(forPrefix: "010987654") == nil)
    }

    @Test("2801234560: wrong check digit")
    func badCheck() {
        #expect(throws: CodeError("MST", value: "2801234560", reason: .checksum, detail: "")) { try MST("2801234560") }
        do {
            _ = try MST("2801234560")
        } catch {
            #expect(error.description == "MST \"2801234560\" is not valid: the check digit should be 4, not 0; re-read the digits from the registration certificate.")
        }
    }

    @Test("Any 10-digit MST starting 010987654 is never issued (check value 10)", arguments: 0...9)
    func prefixNeverIssued(_ last: Int) {
        let raw = "010987654\(last)"
        #expect(throws: CodeError("MST", value: raw, reason: .neverIssued, detail: "")) { try MST(raw) }
    }

    @Test("Province 00, sequence 0000000 and branch 000 are never issued")
    func zeros() {
        #expect(throws: CodeError("MST", value: "0012345678", reason: .neverIssued, detail: "")) { try MST("0012345678") }
        #expect(throws: CodeError("MST", value: "2800000000", reason: .neverIssued, detail: "")) { try MST("2800000000") }
        #expect(throws: CodeError("MST", value: "2801234564-000", reason: .neverIssued, detail: "")) { try MST("2801234564-000") }
    }

    @Test func malformed() {
        #expect(throws: CodeError("MST", value: "280123456", reason: .wrongLength, detail: "")) { try MST("280123456") }
        #expect(throws: CodeError("MST", value: "2801234564-01", reason: .wrongLength, detail: "")) { try MST("2801234564-01") }
        #expect(throws: CodeError("MST", value: "28O1234564", reason: .invalidCharacter, detail: "")) { try MST("28O1234564") }
        #expect(throws: CodeError("MST", value: "2801234564-001-2", reason: .badFormat, detail: "")) { try MST("2801234564-001-2") }
    }
}

@Suite("Dossier, procedure, agency and result codes")
struct CatalogueCodeTests {
    @Test func dossierFixture() throws {
        let code = try DossierCode("000.12.34.H56-241105-0007")
        #expect(code.agency == (try AgencyCode("000.12.34.H56")))
        #expect(code.date == CalendarDate(year: 2024, month: 11, day: 5))
        #expect(code.date.iso == "2024-11-05")
        #expect(code.sequence == 7)
        #expect(code.resultCode(1) == "000.12.34.H56-241105-0007-KQ1")
        #expect(code.description == "000.12.34.H56-241105-0007")
        #expect(try DossierCode("000.00.12.H56-241105-0007").agency.rawValue == "000.00.12.H56")
    }

    @Test("Month 13 is not a real date")
    func monthThirteen() throws {
        #expect(throws: CodeError("DossierCode", value: "000.00.12.H56-241305-0001", reason: .invalidDate, detail: "")) {
            try DossierCode("000.00.12.H56-241305-0001")
        }
        #expect(throws: CodeError("DossierCode", value: "000.00.12.H56-230229-0001", reason: .invalidDate, detail: "")) {
            try DossierCode("000.00.12.H56-230229-0001")
        }
        #expect(try DossierCode("000.00.12.H56-240229-0001").date == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test func dossierMalformed() {
        #expect(throws: CodeError("DossierCode", value: "000.12.34.H56-241105-7", reason: .badFormat, detail: "")) {
            try DossierCode("000.12.34.H56-241105-7")
        }
        #expect(throws: CodeError("DossierCode", value: "H55.242-241105-0007", reason: .badFormat, detail: "")) {
            try DossierCode("H55.242-241105-0007")
        }
        #expect(throws: CodeError("DossierCode", value: "000.12.34.H56-241105-0000", reason: .neverIssued, detail: "")) {
            try DossierCode("000.12.34.H56-241105-0000")
        }
    }

    @Test func dossierCodable() throws {
        let code = try DossierCode("000.12.34.H56-241105-0007")
        let data = try JSONEncoder().encode(code)
        #expect(String(decoding: data, as: UTF8.self) == "\"000.12.34.H56-241105-0007\"")
        #expect(try JSONDecoder().decode(DossierCode.self, from: data) == code)
    }

    @Test(arguments: ["1.001193", "2.000806", "1.000419", "2.001263", "3.000001"])
    func procedureValid(_ raw: String) throws {
        #expect(try ProcedureCode(raw).rawValue == raw)
    }

    @Test(arguments: ["4.001193", "1.00119", "1.0011930", "1001193", "1.001193.000.00.00.H56", "G03-GD10"])
    func procedureInvalid(_ raw: String) {
        #expect(throws: CodeError("ProcedureCode", value: raw, reason: .badFormat, detail: "")) { try ProcedureCode(raw) }
    }

    @Test func agency() throws {
        let code = try AgencyCode("000.00.12.H56")
        #expect(code.level1 == "H56")
        #expect(code.levels == ["H56", "12", "00", "000"])
        #expect(!code.isProvincialCommittee)
        #expect(try AgencyCode("000.00.00.H30").isProvincialCommittee)
        #expect(try AgencyCode("000.00.04.G14").level1 == "G14")
        for bad in ["H12.36", "H55.242", "000.00.12.56", "00.00.12.H56", "000.00.12.H5"] {
            #expect(throws: CodeError("AgencyCode", value: bad, reason: .badFormat, detail: "")) { try AgencyCode(bad) }
        }
    }

    @Test func resultType() throws {
        let code = try ResultTypeCode("KQ.G15.000031")
        #expect(code.ministry == "G15")
        #expect(code.number == "000031")
        #expect(try ResultTypeCode("KQ.G15.000032").rawValue == "KQ.G15.000032")
        for bad in ["KQ.G15.00031", "KQ.15.000031", "G15.000031", "KQ-G15-000031"] {
            #expect(throws: CodeError("ResultTypeCode", value: bad, reason: .badFormat, detail: "")) { try ResultTypeCode(bad) }
        }
    }
}

@Suite("OwnerIdentifier")
struct OwnerIdentifierTests {
    @Test(arguments: [
        ("038090012345", "cccd", "038090012345"),
        ("173456789", "cmnd", "173456789"),
        ("2801234564", "mst", "2801234564"),
        ("2801234564-001", "mst", "2801234564-001"),
        ("c1234567", "passport", "C1234567"),
        (" 038 090 012 345", "cccd", "038090012345"),
    ])
    func classifies(_ raw: String, _ kind: String, _ value: String) throws {
        let id = try OwnerIdentifier(raw)
        #expect(id.kind == kind)
        #expect(id.value == value)
        #expect(id.description == value)
    }

    @Test func wrapsTypedCode() throws {
        #expect(try OwnerIdentifier("038090012345") == .cccd(try CCCD("038090012345")))
        #expect(try OwnerIdentifier("2801234564") == .mst(try MST("2801234564")))
    }

    @Test func rejects() {
        #expect(throws: CodeError("OwnerIdentifier", value: "03809001234", reason: .wrongLength, detail: "")) {
            try OwnerIdentifier("03809001234")
        }
        #expect(throws: CodeError("MST", value: "2801234560", reason: .checksum, detail: "")) { try OwnerIdentifier("2801234560") }
        #expect(throws: CodeError("OwnerIdentifier", value: "038A90012345", reason: .badFormat, detail: "")) {
            try OwnerIdentifier("038A90012345")
        }
        #expect(throws: CodeError("OwnerIdentifier", value: "CC123456", reason: .badFormat, detail: "")) { try OwnerIdentifier("CC123456") }
    }

    @Test func codable() throws {
        let ids = [try OwnerIdentifier("038090012345"), try OwnerIdentifier("2801234564-001")]
        let data = try JSONEncoder().encode(ids)
        #expect(String(decoding: data, as: UTF8.self) == "[\"038090012345\",\"2801234564-001\"]")
        #expect(try JSONDecoder().decode([OwnerIdentifier].self, from: data) == ids)
    }
}

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test func realDatesOnly() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(iso: "2024-11-05")?.iso == "2024-11-05")
        #expect(CalendarDate(iso: "2024-1-5") == nil)
    }

    @Test("Six-month validity: issued 2024-01-10, valid to 2024-07-10; so on 2024-08-01 it has expired")
    func addingMonths() throws {
        let issued = try #require(CalendarDate(year: 2024, month: 1, day: 10))
        let validTo = issued.adding(months: 6)
        #expect(validTo.iso == "2024-07-10")
        #expect(try #require(CalendarDate(iso: "2024-08-01")) > validTo)
        #expect(CalendarDate(year: 2024, month: 8, day: 31)!.adding(months: 6).iso == "2025-02-28")
        #expect(CalendarDate(year: 2023, month: 12, day: 31)!.adding(months: 2).iso == "2024-02-29")
    }
}

@Suite("Vietnam days and result validity")
struct VietnamDayTests {
    @Test("the day in Vietnam turns at 17:00 UTC")
    func dayBoundary() {
        let before = Date(timeIntervalSince1970: 1_730_393_999)  // 2024-10-31T16:59:59Z
        #expect(CalendarDate(inVietnamAt: before).iso == "2024-10-31")
        #expect(CalendarDate(inVietnamAt: before.addingTimeInterval(1)).iso == "2024-11-01")
        #expect(CalendarDate(inVietnamAt: Date(timeIntervalSince1970: 0)).iso == "1970-01-01")
    }

    @Test("day arithmetic agrees with the calendar, across leap days and centuries")
    func dayArithmetic() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -60_000, through: 60_000, by: 97) {
            let date = CalendarDate(daysSinceEpoch: days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect((date.year, date.month, date.day) == (parts.year!, parts.month!, parts.day!))
            #expect(date.daysSinceEpoch == days)
        }
        #expect(try #require(CalendarDate(iso: "2024-02-28")).adding(days: 1).iso == "2024-02-29")
        #expect(try #require(CalendarDate(iso: "2023-12-31")).adding(days: 60).iso == "2024-02-29")
        #expect(try #require(CalendarDate(iso: "2024-11-05")).compact == "241105")
    }

    @Test("validity: revoked, expired, expiring within 30 days, valid")
    func validity() throws {
        let today = try #require(CalendarDate(iso: "2024-11-01"))
        #expect(ResultValidity.of(revoked: true, permanent: true, validUntil: nil, on: today) == .revoked)
        #expect(ResultValidity.of(revoked: false, permanent: true, validUntil: nil, on: today) == .valid)
        #expect(ResultValidity.of(revoked: false, permanent: false, validUntil: nil, on: today) == .valid)
        #expect(ResultValidity.of(revoked: false, permanent: false, validUntil: "2024-10-31", on: today) == .expired)
        #expect(ResultValidity.of(revoked: false, permanent: false, validUntil: "2024-11-01", on: today) == .expiring)
        #expect(ResultValidity.of(revoked: false, permanent: false, validUntil: "2024-12-01", on: today) == .expiring)
        #expect(ResultValidity.of(revoked: false, permanent: false, validUntil: "2024-12-02", on: today) == .valid)
    }
}
