import Foundation
import Testing

@Suite("warehouse catalog")
struct CatalogCLITests {
    struct Report: Decodable, Equatable {
        var file: String
        var kind: String
        var records: Int
        var inserted: Int
        var updated: Int
        var unchanged: Int
    }

    static let sample = WarehouseRunner.repository.appendingPathComponent("catalog/sample")
    static let order = ["code-lists", "admin-units", "agencies", "result-types", "procedures", "components"]

    static func file(_ kind: String) throws -> URL {
        try #require(["csv", "json"].map { sample.appendingPathComponent("\(kind).\($0)") }.first { FileManager.default.fileExists(atPath: $0.path) })
    }

    @Test("the shipped sample catalogue imports, and a second import changes nothing and says so")
    func importTwice() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        var first: [Report] = []
        for kind in Self.order {
            let r = try warehouse.run(["catalog", "import", try Self.file(kind).path, "--kind", kind, "--json"])
            #expect(r.status == 0, "\(kind): \(r.stderr)")
            first.append(try r.json(Report.self))
        }
        #expect(first.allSatisfy { $0.records > 0 && $0.inserted == $0.records })
        for (kind, report) in zip(Self.order, first) {
            let again = try warehouse.run(["catalog", "import", try Self.file(kind).path, "--kind", kind])
            #expect(again.status == 0, "\(kind): \(again.stderr)")
            #expect(again.stdout.contains("nothing changed, all \(report.records) record(s) are already in the catalogue"), "\(again.stdout)")
        }
        let list = try warehouse.run(["catalog", "list", "--kind", "components", "--json"])
        struct Component: Decodable {
            var procedureCode: String
            var code: String
            var acceptsResultTypes: [String]
        }
        let components = try list.json([Component].self)
        #expect(components.count == first.last?.records)
        #expect(components.contains { $0.procedureCode == "2.000806" && $0.acceptsResultTypes == ["KQ.G15.900001"] })
        let table = try warehouse.run(["catalog", "list", "--kind", "agencies"])
        #expect(table.status == 0 && table.stdout.contains("000.12.34.H56") && table.stdout.contains("000.12.35.H56"))
    }

    @Test("an invalid file exits 64, names file, line and field, and imports nothing")
    func invalid() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("agencies.csv")
        try Data("code,name,validFrom,validTo\n000.00.00.H56,UBND tỉnh,,\n000.00.12.H56,Sở,2025-07-01,2025-06-30\n000.00.13.h5,Sở Y tế,,\n".utf8)
            .write(to: bad)
        let r = try warehouse.run(["catalog", "import", bad.path, "--kind", "agencies"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("\(bad.path) line 3, validTo: 2025-06-30 is before validFrom 2025-07-01"), "\(r.stderr)")
        #expect(r.stderr.contains("\(bad.path) line 4, code: AgencyCode \"000.00.13.h5\" is not valid"), "\(r.stderr)")
        #expect(r.stderr.contains("was not imported (2 problems)"))
        let list = try warehouse.run(["catalog", "list", "--kind", "agencies", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.isEmpty == true, "\(list.stdout)")
        let unknownKind = try warehouse.run(["catalog", "import", bad.path, "--kind", "people"])
        #expect(unknownKind.status == 64)
        let missing = try warehouse.run(["catalog", "import", dir.appendingPathComponent("none.csv").path, "--kind", "agencies"])
        #expect(missing.status == 64 && missing.stderr.contains("none.csv: cannot be read"), "\(missing.stderr)")
        #expect(!r.crashed && !unknownKind.crashed && !missing.crashed)
    }
}
