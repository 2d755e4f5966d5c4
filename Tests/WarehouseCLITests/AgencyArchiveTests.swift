import Foundation
import GRDB
import Testing

/// The agency's own archive: papers that name no citizen or organisation (a real letter of a provincial People's
/// Committee, `shared/real_vi/`), their copies, `warehouse unassigned` and `warehouse assign`, and a later
/// backfill with a manifest: nothing quarantined, nothing read twice.
@Suite("agency archive", .serialized)
struct AgencyArchiveTests {
    static let letter = WarehouseRunner.realDocuments.appendingPathComponent("qn_2025_574-UBND-KTTH_colorscan.pdf")
    static let agency = "000.12.34.H56"

    struct Report: Decodable {
        var filed: Int
        var reused: Int
        var quarantined: Int
        var skipped: Int
        var pages: Int
        var unassigned: Int
        var movedFromArchive: Int
        var needsReview: [String: Int]
        var ignored: [String: Int]
    }

    struct Event: Decodable {
        var event: String
        var path: String
        var status: String?
        var document: String?
        var documentCode: String?
        var reviewStatus: String?
        var pages: Int?
        var pagesRead: Int?
        var ownerUnassigned: Bool?
        var reason: String?
    }

    struct Listed: Decodable {
        var id: String
        var code: String
        var agencyCode: String
        var pages: Int
        var files: [String]
    }

    /// Every page row: blob, number, OCR seconds, engine, pipeline version; what a second OCR would change.
    static func pageRows(_ storage: URL) throws -> [String] {
        let db = try DatabaseQueue(path: storage.appendingPathComponent("warehouse.sqlite").path)
        defer { try? db.close() }
        return try db.read { db in
            try String.fetchAll(
                db, sql: "SELECT blobId || ' ' || number || ' ' || ocrSeconds || ' ' || engine || ' ' || pipelineVersion FROM page ORDER BY 1")
        }
    }

    static func events(_ stdout: String) throws -> [String: Event] {
        let events = try stdout.split(separator: "\n").filter { $0.contains("\"event\":\"file\"") }
            .map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
        return Dictionary(uniqueKeysWithValues: events.map { ($0.path, $0) })
    }

    @Test(
        "an agency's letter goes to its archive, its copy is reused, nothing is quarantined; assign and a manifest run read nothing again",
        .enabled(if: FileManager.default.fileExists(atPath: letter.path), "the real documents of shared/real_vi are not there"))
    func archive() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agency-archive-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("kho/2025")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // The letter, the same bytes under another name (after it: all three are in flight together), a card
        // that names its holder, and a synthetic decision that names no one either.
        try FileManager.default.copyItem(at: Self.letter, to: folder.appendingPathComponent("574-UBND-KTTH.pdf"))
        try FileManager.default.copyItem(at: Self.letter, to: folder.appendingPathComponent("z-ban-sao-574.pdf"))
        let samples = WarehouseRunner.sampleScans
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-truoc.png"), to: folder.appendingPathComponent("cccd.png"))
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif"),
            to: folder.appendingPathComponent("quyet-dinh.tif"))
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let reportFile = root.appendingPathComponent("report.json")

        // 1. A backfill without a manifest.
        let first = try warehouse.run(["backfill", root.path, "--agency", Self.agency, "--jobs", "2", "--json", "--report", reportFile.path])
        #expect(first.status == 0, "nothing is quarantined\n\(first.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: reportFile))
        #expect((report.filed, report.reused, report.quarantined) == (3, 1, 0))
        #expect(report.unassigned == 3, "the letter, its copy and the decision wait for an owner")
        #expect(report.needsReview.values.reduce(0, +) == 4)
        let byPath = try Self.events(first.stdout)
        let letter = try #require(byPath["kho/2025/574-UBND-KTTH.pdf"])
        #expect(letter.status == "filed")
        #expect(letter.reviewStatus == "needs-review")
        #expect(letter.ownerUnassigned == true)
        #expect((letter.pages, letter.pagesRead) == (2, 2))
        #expect(letter.documentCode?.hasPrefix("\(Self.agency).") == true, "\(letter.documentCode ?? "no code")")
        let copy = try #require(byPath["kho/2025/z-ban-sao-574.pdf"])
        #expect(copy.status == "reused")
        #expect(copy.document == letter.document)
        #expect(copy.pagesRead == 0)
        #expect(copy.ownerUnassigned == true)
        #expect(byPath["kho/2025/cccd.png"]?.documentCode?.hasPrefix("038090012345.") == true)
        #expect(byPath["kho/2025/cccd.png"]?.ownerUnassigned == false)
        let decision = try #require(byPath["kho/2025/quyet-dinh.tif"])
        #expect(decision.ownerUnassigned == true)
        #expect(decision.pagesRead == decision.pages)
        // Pages read: the letter's 2, the card's and the decision's; the copy is read not at all.
        #expect(report.pages == 3 + (decision.pages ?? 0))
        let read = try Self.pageRows(warehouse.storage)
        #expect(read.count == report.pages, "\(read)")

        // 2. The clerk's list: this agency's archive only.
        let list = try warehouse.run(["unassigned", "--agency", Self.agency, "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let listed = try list.json([Listed].self)
        #expect(Set(listed.map(\.id)) == Set([letter.document, decision.document].compactMap { $0 }))
        #expect(listed.first { $0.id == letter.document }?.pages == 2)
        #expect(listed.first { $0.id == letter.document }?.files == ["574-UBND-KTTH.pdf"])
        #expect(try warehouse.run(["unassigned", "--agency", "000.00.12.H56", "--json"]).json([Listed].self).isEmpty)
        // A citizen's document is not the archive's to give away; an unknown one is not found.
        let card = try #require(byPath["kho/2025/cccd.png"]?.documentCode)
        #expect(try warehouse.run(["assign", card, "--owner", "038192004567"]).status == 65)
        #expect(try warehouse.run(["assign", "000.12.34.H56.nothing.01", "--owner", "038192004567"]).status == 5)

        // 3. assign: the letter goes to a citizen. No OCR engine may start (its language data is nowhere).
        let noOCR = ["TESSDATA_PREFIX": "/nonexistent/tessdata", "WAREHOUSE_OCR_LANG": "vie"]
        let letterCode = try #require(letter.documentCode)
        let assigned = try warehouse.run(
            ["assign", letterCode, "--owner", "038192004567", "--actor", "canbo.phuong", "--json"], environment: noOCR)
        #expect(assigned.status == 0, "\(assigned.stderr)")
        struct Moved: Decodable { var document: String; var fromCode: String; var code: String; var ownerKind: String; var wasUnassigned: Bool; var actor: String }
        let moved = try assigned.json(Moved.self)
        #expect(moved.document == letter.document)
        #expect(moved.fromCode == letterCode)
        #expect(moved.code.hasPrefix("038192004567."))
        #expect((moved.ownerKind, moved.wasUnassigned, moved.actor) == ("cccd", true, "canbo.phuong"))
        #expect(try Self.pageRows(warehouse.storage) == read, "the pages are those read the first time")
        // The old code still finds it; its owner history says who moved it, from what.
        struct Shown: Decodable {
            struct Owner: Decodable { var kind: String; var value: String }
            struct Move: Decodable { var from: String; var to: String; var fromCode: String; var toCode: String; var via: String; var actor: String }
            var id: String; var code: String; var owner: [Owner]; var ownerUnassigned: Bool; var ownerHistory: [Move]
        }
        let shown = try warehouse.run(["show", letterCode, "--json"]).json(Shown.self)
        #expect(shown.id == letter.document)
        #expect(shown.code == moved.code)
        #expect(shown.owner.map(\.value) == ["038192004567"])
        #expect(shown.ownerUnassigned == false)
        #expect(shown.ownerHistory.count == 1)
        #expect(shown.ownerHistory.first.map { [$0.from, $0.to, $0.via, $0.actor] } == ["agency \(Self.agency)", "cccd 038192004567", "assign", "canbo.phuong"])
        #expect(try warehouse.run(["unassigned", "--json"]).json([Listed].self).map(\.id) == [decision.document].compactMap { $0 })

        // 4. A backfill with a manifest that names the decision's owner: it moves there, into the dossier, read
        // not again (the same missing language data); the letter, assigned already, is not touched.
        let manifest = root.appendingPathComponent("manifest.csv")
        try """
            path,owner,procedure,dossier,agency
            2025/quyet-dinh.tif,2801234564,1.001193,000.12.34.H56-241105-0009,\(Self.agency)
            2025/574-UBND-KTTH.pdf,038090012345,1.001193,000.12.34.H56-241105-0009,\(Self.agency)

            """.write(to: manifest, atomically: true, encoding: .utf8)
        let second = try warehouse.run(
            ["backfill", root.appendingPathComponent("kho").path, "--manifest", manifest.path, "--json", "--report", reportFile.path],
            environment: noOCR)
        #expect(second.status == 0, "\(second.stderr)")
        let again = try JSONDecoder().decode(Report.self, from: Data(contentsOf: reportFile))
        #expect((again.filed, again.reused, again.quarantined, again.skipped) == (0, 1, 0, 1), "\(second.stdout.suffix(800))")
        #expect((again.pages, again.movedFromArchive, again.unassigned) == (0, 1, 0))
        let secondEvents = try Self.events(second.stdout)
        let claimed = try #require(secondEvents["2025/quyet-dinh.tif"])
        #expect(claimed.document == decision.document, "the archive's document moved, not a copy made")
        #expect(claimed.documentCode?.hasPrefix("2801234564.") == true)
        #expect(claimed.reason?.contains("moved from the agency archive") == true)
        #expect(try Self.pageRows(warehouse.storage) == read)
        #expect(try warehouse.run(["unassigned", "--json"]).json([Listed].self).isEmpty)
        let db = try DatabaseQueue(path: warehouse.storage.appendingPathComponent("warehouse.sqlite").path)
        let (moves, component) = try db.read { db in
            (
                try String.fetchAll(db, sql: "SELECT via || ' ' || actor FROM ownerAssignment ORDER BY id"),
                try String.fetchOne(
                    db, sql: "SELECT dossierCode FROM component WHERE documentId = ? AND reused = 0", arguments: [decision.document ?? ""])
            )
        }
        try db.close()
        #expect(moves == ["assign canbo.phuong", "manifest backfill"])
        #expect(component == "000.12.34.H56-241105-0009")
        #expect(try warehouse.run(["check"]).status == 0)
    }
}
