import Foundation
import Testing

@testable import WarehouseCore

/// The shipped sample catalogue (catalog/sample/).
enum SampleCatalog {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("catalog/sample")

    /// Each kind's file, in load order.
    static var files: [(CatalogKind, URL)] {
        CatalogKind.loadOrder.compactMap { kind in
            ["csv", "json"].map { directory.appendingPathComponent("\(kind.rawValue).\($0)") }
                .first { FileManager.default.fileExists(atPath: $0.path) }
                .map { (kind, $0) }
        }
    }

    /// Loads every file into `db`.
    @discardableResult
    static func load(into db: WarehouseDatabase) throws -> [CatalogImportReport] {
        try files.map { kind, url in try db.importCatalog(try CatalogFile(url: url, name: url.lastPathComponent), kind: kind) }
    }
}

@Suite("Catalogue import")
struct CatalogTests {
    let db: WarehouseDatabase

    init() throws {
        db = try WarehouseDatabase()
    }

    func csv(_ text: String, _ name: String = "test.csv") throws -> CatalogFile {
        try CatalogFile(data: Data(text.utf8), format: .csv, name: name)
    }

    func json(_ text: String, _ name: String = "test.json") throws -> CatalogFile {
        try CatalogFile(data: Data(text.utf8), format: .json, name: name)
    }

    /// The problems of importing `file` as `kind`, or none when it imported.
    func problems(_ file: @autoclosure () throws -> CatalogFile, _ kind: CatalogKind) -> [CatalogProblem] {
        do {
            _ = try db.importCatalog(try file(), kind: kind)
            return []
        } catch let error as CatalogError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    static let resultTypes = """
        [{"code": "KQ.G15.000031", "name": "Giấy khai sinh", "docType": "birth-certificate"},
         {"code": "KQ.G15.000032", "name": "Giấy chứng nhận kết hôn", "validityMonths": "permanent"}]
        """

    @Test("the shipped sample catalogue loads in order; a second load changes nothing and says so")
    func sampleCatalogue() throws {
        let first = try SampleCatalog.load(into: db)
        #expect(first.map(\.kind) == CatalogKind.loadOrder)
        #expect(first.allSatisfy { $0.inserted == $0.records && $0.records > 0 && $0.updated == 0 })
        let second = try SampleCatalog.load(into: db)
        #expect(second.allSatisfy { !$0.changed && $0.unchanged == $0.records })
        #expect(second.map(\.records) == first.map(\.records))
        let rules = try #require(try db.componentRules(procedure: "2.000806"))
        #expect(rules.components.map(\.code) == ["TK-DKKH", "GXNTTHN", "GKSK", "CCCD-NYC"], "in the order of the file")
        #expect(rules.resultTypes["KQ.G15.900001"]?.validityMonths == 6)
        #expect(try db.componentRules(procedure: "2.001263") == nil, "a procedure without components has no rules")
    }

    @Test("the sample catalogue agrees with SampleScans: its procedures, agencies and component names")
    func sampleAgreesWithScans() throws {
        try SampleCatalog.load(into: db)
        let manifest = try BackfillManifest(url: SampleCatalog.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleScans/manifest.csv"))
        let procedures = Set(try db.catalogListing(.procedures).rows.map { $0[0] })
        let agencies = Set(try db.catalogListing(.agencies).rows.map { $0[0] })
        for entry in manifest.entries {
            // A manifest row always names its procedure and dossier (only a backfill without one has none).
            let procedure = try #require(entry.procedure)
            let dossier = try #require(entry.dossier)
            #expect(procedures.contains(procedure.rawValue), "line \(entry.line): procedure \(procedure)")
            #expect(agencies.contains(entry.agency.rawValue), "line \(entry.line): agency \(entry.agency)")
            #expect(agencies.contains(dossier.agency.rawValue), "line \(entry.line): the dossier's agency")
            guard let rules = try db.componentRules(procedure: procedure.rawValue), let component = entry.component,
                  !component.hasPrefix("Kết quả") else { continue }
            #expect(rules.components.contains { $0.name == component }, "line \(entry.line): \"\(component)\" is no component of \(procedure)")
        }
    }

    @Test("an updated record is updated, the others are left alone; importedAt moves only on a change")
    func idempotentUpdate() throws {
        let first = try db.importCatalog(try json(Self.resultTypes), kind: .resultTypes, at: Date(timeIntervalSince1970: 1_000_000))
        #expect((first.inserted, first.updated, first.unchanged) == (2, 0, 0))
        let changed = Self.resultTypes.replacingOccurrences(of: "\"Giấy khai sinh\"", with: "\"Giấy khai sinh (bản chính)\"")
        let second = try db.importCatalog(try json(changed), kind: .resultTypes, at: Date(timeIntervalSince1970: 2_000_000))
        #expect((second.inserted, second.updated, second.unchanged) == (0, 1, 1))
        let third = try db.importCatalog(try json(changed), kind: .resultTypes, at: Date(timeIntervalSince1970: 3_000_000))
        #expect(!third.changed && third.unchanged == 2)
        let listed = try JSONDecoder.iso.decode([CatalogResultType].self, from: try db.catalogListing(.resultTypes).json)
        #expect(listed.map(\.importedAt.timeIntervalSince1970) == [2_000_000, 1_000_000])
        #expect(listed[0].name == "Giấy khai sinh (bản chính)")
    }

    @Test("one bad record and nothing of the file is imported")
    func allOrNothing() throws {
        let problems = problems(
            try csv(
                """
                code,name,level,parentCode
                000.00.00.H56,UBND tỉnh Thanh Hóa,tinh,
                000.00.12.H56,Sở Tư pháp,so,000.00.00.H56
                000.00.13.H56,Sở Y tế,so,000.00.99.H56
                """, "agencies.csv"), .agencies)
        #expect(problems.map(\.description) == [
            "agencies.csv line 4, parentCode: \"000.00.99.H56\" names no agency in this file or in the catalogue; add the parent first, or correct the code"
        ])
        #expect(try db.catalogListing(.agencies).rows.isEmpty)
    }

    @Test(
        "every kind of problem names the file, the line or record, and the field",
        arguments: [
            // (kind, file name, content, the start of the message, reason)
            (CatalogKind.agencies, "a.csv", "code,name,valid_form\n000.00.00.H56,UBND,2024-01-01\n", "a.csv line 1, valid_form: is not a field", CatalogProblem.Reason.unknownField),
            (.agencies, "a.csv", "code,level\n000.00.00.H56,tinh\n", "a.csv line 1, name: the header has no such column", .missingField),
            (.agencies, "a.csv", "code,name\n000.00.00.H56,\n", "a.csv line 2, name: is required", .missingField),
            (.agencies, "a.csv", "code,name\n000.00.12.H5,Sở\n", "a.csv line 2, code: AgencyCode \"000.00.12.H5\" is not valid", .badCode),
            (.agencies, "a.csv", "code,name\n000.00.12.H56,\"Sở, Tư pháp\",x\n", "a.csv line 2: the line has more values", .structure),
            (.agencies, "a.csv", "code,name,level\n000.00.12.H56,Sở,bộ phận\n", "a.csv line 2, level: \"bộ phận\" is not one of", .badValue),
            (.agencies, "a.csv", "code,name,validFrom\n000.00.12.H56,Sở,2025-02-30\n", "a.csv line 2, validFrom: \"2025-02-30\" is not a real date", .badDate),
            (.agencies, "a.csv", "code,name,validFrom,validTo\n000.00.12.H56,Sở,2025-07-01,2025-06-30\n", "a.csv line 2, validTo: 2025-06-30 is before validFrom", .dateOrder),
            (.agencies, "a.csv", "code,name\n000.00.12.H56,Sở\n\n000.00.12.h56,Sở bis\n", "a.csv line 4: 000.00.12.H56 is already given at line 2", .duplicate),
            (.agencies, "a.csv", "code,name,parentCode\n000.00.12.H56,Sở,000.00.12.H56\n", "a.csv line 2, parentCode: an entry cannot be its own parent", .parent),
            (.agencies, "a.csv", "code,name,parentCode\n000.00.12.H56,A,000.00.13.H56\n000.00.13.H56,B,000.00.12.H56\n", "a.csv line 2, parentCode: following parents from \"000.00.13.H56\" leads back", .parent),
            (.agencies, "a.csv", "code,name,adminUnitCode\n000.00.12.H56,Sở,38\n", "a.csv line 2, adminUnitCode: \"38\" names no administrative unit", .unknownReference),
            (.agencies, "a.json", #"[{"code": "000.00.12.H56", "name": "Sở", "tên": "x"}]"#, "a.json record 1 (000.00.12.H56), tên: is not a field", .unknownField),
            (.agencies, "a.json", #"{"code": "000.00.12.H56"}"#, "a.json: a JSON catalogue is an array of objects", .structure),
            (.agencies, "a.json", #"[{"code": "000.00.12.H56", "name": {"vi": "Sở"}}]"#, "a.json record 1, name: must be a string", .badValue),
            (.agencies, "a.json", #"[{"code": "000.00.12.H56", "name": "Sở""#, "a.json: is not valid JSON", .unreadable),
            (.agencies, "a.csv", "code,name\n", "a.csv: has no records", .structure),
            (.agencies, "a.csv", "code,name\n000.00.00.H56,UBND\n000.00.12.H56,\"Sở\n", "a.csv line 3: the double quote that opens a value on this line is never closed", .unreadable),
            (.agencies, "a.csv", "code,name\n000.00.00.H56,\"UB\"ND\"\n", "a.csv line 2: a double quote inside a value must be doubled", .unreadable),
            (.agencies, "a.csv", "code,name\n000.00.00.H56,UB\"ND\n", "a.csv line 2: a double quote inside a value must be doubled", .unreadable),
            (.resultTypes, "r.json", #"[{"code": "KQ.G15.000031", "name": "GKS"}, {"code": "KQ.G15.31", "name": "X"}]"#, "r.json record 2, code: ResultTypeCode \"KQ.G15.31\"", .badCode),
            (.resultTypes, "r.json", #"[{"code": "KQ.G15.000031", "name": "GKS", "validityMonths": 0}]"#, "r.json record 1 (KQ.G15.000031), validityMonths: \"0\" is not a whole number from 1", .badValue),
            (.resultTypes, "r.json", #"[{"code": "KQ.G15.000031", "name": "GKS", "docType": "passport"}]"#, "r.json record 1 (KQ.G15.000031), docType: \"passport\" is not a document type", .badValue),
            (.procedures, "p.json", #"[{"code": "1.001193", "name": "Đăng ký khai sinh", "mainResultType": "KQ.G15.000031"}]"#, "p.json record 1 (1.001193), mainResultType: \"KQ.G15.000031\" names no result type", .unknownReference),
            (.procedures, "p.json", #"[{"code": "1.001193", "name": "Khai sinh", "localCode": "1.001193.000.00.H56"}]"#, "p.json record 1 (1.001193), localCode: \"1.001193.000.00.H56\" is not a provincial instance", .badCode),
            (.procedures, "p.json", #"[{"code": "4.001193", "name": "Khai sinh"}]"#, "p.json record 1, code: ProcedureCode \"4.001193\"", .badCode),
            (.procedures, "p.json", #"[{"code": "1.001193", "name": "Khai sinh", "fieldCode": "HT"}]"#, "p.json record 1 (1.001193), fieldCode: \"HT\" is not a code of the LINH_VUC code list", .unknownReference),
            (.components, "c.csv", "procedureCode,code,name\n1.001193,TK KS,Tờ khai\n", "c.csv line 2, code: \"TK KS\" is not a component code", .badCode),
            (.components, "c.csv", "procedureCode,code,name,required\n1.001193,TK,Tờ khai,maybe\n", "c.csv line 2, required: \"maybe\" is not yes or no", .badValue),
            (.components, "c.csv", "procedureCode,code,name\n1.001193,TK,Tờ khai\n", "c.csv line 2, procedureCode: \"1.001193\" names no procedure", .unknownReference),
            (.components, "c.csv", "procedureCode,code,name,acceptsDocTypes\n1.001193,TK,Tờ khai,cccd-front;passport\n", "c.csv line 2, acceptsDocTypes: \"passport\" is not a document type", .badValue),
            (.codeLists, "l.csv", "list,code,name\nKENH,4,Fax\n", "l.csv line 2, code: \"4\" is not a channel", .badCode),
            (.codeLists, "l.csv", "list,code,name\nMAU_SAC,1,Đỏ\n", "l.csv line 2, list: \"MAU_SAC\" is not a code list", .badValue),
            (.codeLists, "l.csv", "list,code,name,parentCode\nLINH_VUC,A,A,B\n", "l.csv line 2, parentCode: \"B\" is not a code of the LINH_VUC list", .unknownReference),
            (.adminUnits, "u.csv", "code,name\n3801,Xã\n", "u.csv line 2, code: \"3801\" is not a GSO unit code", .badCode),
            (.adminUnits, "u.csv", "code,name,level\n38001,Xã,tinh\n", "u.csv line 2, level: a 5-digit code is of level xa, not tinh", .badValue),
            (.adminUnits, "u.csv", "code,name,parentCode\n38,Tỉnh,\n99001,Xã,\n99002,Xã B,99001\n", "u.csv line 4, parentCode: the parent 99001 is a xa, not above a xa", .parent),
        ])
    func refused(_ kind: CatalogKind, _ name: String, _ content: String, _ message: String, _ reason: CatalogProblem.Reason) throws {
        let format: CatalogFile.Format = name.hasSuffix(".csv") ? .csv : .json
        let found = problems(try CatalogFile(data: Data(content.utf8), format: format, name: name), kind)
        #expect(found.contains { $0.description.hasPrefix(message) && $0.reason == reason }, "\(found.map { "\($0.reason): \($0)" })")
    }

    @Test("a file of another extension is refused by name; a value with a comma or a line break keeps the line numbers right")
    func extensionAndLines() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).txt")
        try Data("code,name\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CatalogError.self) { try CatalogFile(url: url, name: "agencies.txt") }
        let problems = problems(
            try csv("code,name\n000.00.00.H56,\"UBND tỉnh,\nThanh Hóa\"\n000.00.12.H5,Sở\n", "a.csv"), .agencies)
        #expect(problems.first?.description.hasPrefix("a.csv line 4, code:") == true, "\(problems)")
    }

    @Test("field names match without regard to case, _ or -; JSON sourceVersion applies to every record")
    func fieldNames() throws {
        _ = try db.importCatalog(
            try json(#"{"sourceVersion": "2025.1", "records": [{"CODE": "KQ.G15.000031", "name": "GKS", "validity_months": 6, "Valid-From": "2024-01-01"}]}"#),
            kind: .resultTypes)
        let stored = try JSONDecoder.iso.decode([CatalogResultType].self, from: try db.catalogListing(.resultTypes).json)
        #expect(stored.map(\.validityMonths) == [6])
        #expect(stored.map(\.validFrom) == ["2024-01-01"])
        #expect(stored.map(\.sourceVersion) == ["2025.1"])
    }

    @Test("predecessors of merged units: in the same file or an earlier one; the old unit must have ended the day before")
    func predecessors() throws {
        let old = "code,name,level,parentCode,validTo\n38,Tỉnh Thanh Hóa,tinh,,\n99001,Phường A,xa,38,2025-06-30\n99002,Phường B,xa,38,\n"
        _ = try db.importCatalog(try csv(old, "old.csv"), kind: .adminUnits)
        let merged = "code,name,parentCode,validFrom,predecessors\n99003,Phường AB,38,2025-07-01,99001;99002\n"
        // B has no end yet: refused, and nothing written.
        let refused = problems(try csv(merged, "new.csv"), .adminUnits)
        #expect(refused.map(\.description) == [
            "new.csv line 2, predecessors: the predecessor 99002 is still valid (it has no validTo); give it the last day before the merger"
        ])
        // The old file corrected (B ends too) and the new unit in one file: accepted.
        let both = old.replacingOccurrences(of: "99002,Phường B,xa,38,", with: "99002,Phường B,xa,38,2025-06-30")
        _ = try db.importCatalog(try csv(both, "old.csv"), kind: .adminUnits)
        let report = try db.importCatalog(try csv(merged, "new.csv"), kind: .adminUnits)
        #expect(report.inserted == 1)
        let units = try JSONDecoder.iso.decode([CatalogAdminUnit].self, from: try db.catalogListing(.adminUnits).json)
        #expect(units.first { $0.code == "99003" }?.predecessors == ["99001", "99002"])

        // The other ways a predecessor link can be wrong.
        let cases: [(String, String)] = [
            ("code,name,parentCode,validFrom,predecessors\n99004,C,38,2025-07-01,99004\n", "an entry cannot be its own predecessor"),
            ("code,name,parentCode,validFrom,predecessors\n99004,C,38,2025-07-01,99009\n", "\"99009\" names no administrative unit"),
            ("code,name,parentCode,validFrom,predecessors\n99004,C,38,2025-08-01,99001\n", "ends on 2025-06-30, but this entry starts on 2025-08-01"),
            ("code,name,parentCode,validTo,predecessors\n99004,C,38,2025-06-01,99001\n", "ends before that (2025-06-01)"),
            ("code,name,validFrom,predecessors\n39,Tỉnh C,2025-07-01,99001\n", "is a xa: units merge with units of their own level"),
        ]
        for (content, message) in cases {
            let found = problems(try csv(content, "bad.csv"), .adminUnits)
            #expect(found.count == 1 && found[0].description.hasPrefix("bad.csv line 2, predecessors: ") && found[0].description.contains(message), "\(found)")
        }
        // A unit may not outlive its parent: the district level ended on 2025-06-30.
        let district = "code,name,parentCode,validTo\n999,Huyện X,38,2025-06-30\n99005,Xã D,999,\n"
        let outlives = problems(try csv(district, "d.csv"), .adminUnits)
        #expect(outlives.map(\.reason) == [.parent] && outlives[0].description.hasPrefix("d.csv line 3, parentCode: the parent 999 ends on 2025-06-30"))
    }

    @Test("an agency that took over another names it; the old one must have ended")
    func agencyPredecessors() throws {
        let file = """
            code,name,parentCode,predecessors,validTo
            000.00.00.H56,UBND tỉnh,,,
            000.12.35.H56,UBND phường B,000.00.00.H56,,2025-06-30
            000.12.34.H56,UBND phường A,000.00.00.H56,000.12.35.H56,
            """
        let report = try db.importCatalog(try csv(file, "agencies.csv"), kind: .agencies)
        #expect(report.inserted == 3)
        let open = file.replacingOccurrences(of: "000.00.00.H56,,2025-06-30", with: "000.00.00.H56,,")
        let found = problems(try csv(open, "agencies.csv"), .agencies)
        #expect(found.map(\.description) == [
            "agencies.csv line 4, predecessors: the predecessor 000.12.35.H56 is still valid (it has no validTo); give it the last day before the merger"
        ])
        #expect(try db.catalogListing(.agencies).rows.first { $0[0] == "000.12.35.H56" }?.last == "…2025-06-30", "the refused file changed nothing")
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
