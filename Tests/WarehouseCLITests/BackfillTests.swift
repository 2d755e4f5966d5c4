import Foundation
import GRDB
import Testing

/// `warehouse backfill`: an archive folder with a manifest, duplicates, a broken scan and a note.
@Suite("warehouse backfill", .serialized)
struct BackfillTests {
    /// archive/2024/hs-0007/ (the §9.6 birth dossier, its form as a named component), hs-0007-copy/ (two exact
    /// copies), a damaged PDF, a note and a hidden file.
    static func makeArchive() throws -> (root: URL, manifest: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("backfill-archive-\(UUID().uuidString)")
        let dossier = root.appendingPathComponent("2024/hs-0007")
        let copies = root.appendingPathComponent("2024/hs-0007-copy")
        for dir in [dossier, copies] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        let source = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007")
        for name in ["cccd-mat-truoc.png", "cccd-mat-sau.png", "giay-chung-sinh.jpg", "giay-khai-sinh.png", "to-khai-dang-ky-khai-sinh.png"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dossier.appendingPathComponent(name))
        }
        for name in ["cccd-mat-truoc.png", "giay-khai-sinh.png"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: copies.appendingPathComponent("ban-sao-\(name)"))
        }
        try Data("%PDF-1.7\n".utf8 + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: root.appendingPathComponent("2024/hong.pdf"))
        try Data("ghi chú của tổ số hóa".utf8).write(to: root.appendingPathComponent("2024/ghi-chu.txt"))
        try Data("x".utf8).write(to: root.appendingPathComponent("2024/.DS_Store"))
        let manifest = root.appendingPathComponent("manifest.csv")
        try """
            path,owner,procedure,dossier,agency,component
            2024/,038090012345,1.001193,000.12.34.H56-241105-0007,000.12.34.H56,
            2024/hs-0007/to-khai-dang-ky-khai-sinh.png,038090012345,1.001193,000.12.34.H56-241105-0007,000.12.34.H56,Tờ khai đăng ký khai sinh
            2024/hs-0007-copy/,038090012345,1.001193,000.12.34.H56-241105-0007,,

            """.write(to: manifest, atomically: true, encoding: .utf8)
        return (root, manifest)
    }

    struct Report: Decodable {
        var filesSeen: Int
        var filed: Int
        var reused: Int
        var quarantined: Int
        var skipped: Int
        var pages: Int
        var peakRSSBytes: Int
        var ignored: [String: Int]
        var quarantineCauses: [String: Int]
    }

    /// What a warehouse holds, without ids and times: documents, their files and fields, components, filings.
    static func state(_ storage: URL, root: URL) throws -> [String] {
        let db = try DatabaseQueue(path: storage.appendingPathComponent("warehouse.sqlite").path)
        defer { try? db.close() }
        return try db.read { db in
            let documents = try String.fetchAll(
                db,
                sql: """
                    SELECT d.code || ' ' || d.docType || ' ' || d.kind || ' ' || d.reviewStatus || ' ' ||
                           (SELECT group_concat(blobId, '+') FROM (SELECT blobId FROM documentFile WHERE documentId = d.id ORDER BY seq))
                    FROM document d ORDER BY d.code
                    """)
            let fields = try String.fetchAll(
                db, sql: "SELECT d.code || ' ' || f.name || '=' || f.value FROM field f JOIN document d ON d.id = f.documentId ORDER BY 1")
            let components = try String.fetchAll(
                db,
                sql: """
                    SELECT c.dossierCode || ' ' || c.name || ' → ' || d.code FROM component c JOIN document d ON d.id = c.documentId ORDER BY 1
                    """)
            let filings = try String.fetchAll(
                db, sql: "SELECT replace(fileName, ?, '') || ' ' || ifnull(sha256, '-') || ' ' || status FROM filing ORDER BY 1",
                arguments: [root.path])
            return documents + fields + components + filings
        }
    }

    @Test("files, reuses, quarantines and ignores with the reasons counted; a second run skips everything")
    func backfill() throws {
        let (root, manifest) = try Self.makeArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let reportFile = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-report.json")
        defer { try? FileManager.default.removeItem(at: reportFile) }
        let first = try warehouse.run(
            ["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--jobs", "2", "--report", reportFile.path, "--json"])
        #expect(first.status == 2, "a file was quarantined: exit 2\n\(first.stderr)")
        #expect(!first.crashed)
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: reportFile))
        #expect(report.filesSeen == 11)
        #expect(report.filed == 5)
        #expect(report.reused == 2)
        #expect(report.quarantined == 1)
        #expect(report.quarantineCauses.values.reduce(0, +) == 1)
        #expect(report.ignored == ["hidden file": 1, "not a scan (.txt)": 1, "not a scan (.csv)": 1])
        #expect(report.pages == 5)
        #expect(report.peakRSSBytes > 10_000_000)
        // One JSON event per file, then the report.
        let events = first.stdout.split(separator: "\n").map { String($0) }
        #expect(events.filter { $0.contains("\"event\":\"file\"") }.count == 8)
        #expect(events.last?.hasPrefix("{\"event\":\"report\"") == true)
        #expect(events.contains { $0.contains("hong.pdf") && $0.contains("quarantined") })

        let again = try warehouse.run(["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--report", reportFile.path])
        #expect(again.status == 0, "\(again.stderr)")
        let second = try JSONDecoder().decode(Report.self, from: Data(contentsOf: reportFile))
        #expect((second.filed, second.reused, second.quarantined, second.skipped) == (0, 0, 0, 8))
        #expect(try warehouse.run(["check"]).status == 0)
    }

    /// Runs a poppler-utils tool (`pdftotext`, `pdfinfo`, `pdfimages`) on `pdf` and returns what it printed.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("--pdf-dir writes a searchable PDF of each file filed, from the same OCR pass: the scan, its text where it was read")
    func searchablePDFs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("backfill-pdf-\(UUID().uuidString)")
        let pdfs = root.appendingPathComponent("out")
        let archive = root.appendingPathComponent("archive/2024")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let samples = WarehouseRunner.sampleScans
        let files = [
            ("000.12.34.H56-241105-0007/giay-khai-sinh.png", "giay-khai-sinh.png"),  // grey
            ("000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png", "ket-hon.png"),  // black and white
            ("000.00.00.H56-241015-0021/don-de-nghi-chuyen-muc-dich-su-dung-dat.pdf", "don.pdf"),  // two pages
            ("000.12.34.H56-241105-0007/giay-khai-sinh.png", "z-ban-sao.png"),  // the same bytes again, after: reused
        ]
        for (source, name) in files {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(source), to: archive.appendingPathComponent(name))
        }
        let manifest = root.appendingPathComponent("manifest.csv")
        try "path,owner,procedure,dossier,agency\n2024/,038090012345,1.001193,000.12.34.H56-241105-0007,000.12.34.H56\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let reportFile = root.appendingPathComponent("report.json")
        let run = try warehouse.run(
            ["backfill", root.appendingPathComponent("archive").path, "--manifest", manifest.path, "--jobs", "2", "--pdf-dir", pdfs.path,
             "--report", reportFile.path])
        #expect(run.status == 0, "\(run.stderr)")
        struct PDFCount: Decodable { var searchablePDFs: Int; var filed: Int; var reused: Int }
        let report = try JSONDecoder().decode(PDFCount.self, from: Data(contentsOf: reportFile))
        #expect((report.filed, report.reused, report.searchablePDFs) == (3, 1, 3))

        let birth = pdfs.appendingPathComponent("2024/giay-khai-sinh.png.pdf").path
        let marriage = pdfs.appendingPathComponent("2024/ket-hon.png.pdf").path
        let request = pdfs.appendingPathComponent("2024/don.pdf").path
        #expect(!FileManager.default.fileExists(atPath: pdfs.appendingPathComponent("2024/z-ban-sao.png.pdf").path))
        // The text layer: what OCR read, where it read it (-layout keeps lines together).
        let text = try Self.poppler("pdftotext", ["-layout", birth, "-"])
        #expect(text.contains("GIẤY KHAI SINH"), "\(text)")
        #expect(text.contains("038324000123"))
        #expect(try Self.poppler("pdftotext", [marriage, "-"]).contains("KẾT HÔN"))
        // Page size from the scan's pixels and resolution: A4 at 300 dpi.
        let info = try Self.poppler("pdfinfo", [birth])
        #expect(info.contains("595.2 x 841.92 pts"), "\(info)")
        #expect(try Self.poppler("pdfinfo", [request]).contains("Pages:           2"))
        // Grey pages as JPEG, black-and-white ones as CCITT G4.
        #expect(try Self.poppler("pdfimages", ["-list", birth]).contains("jpeg"))
        #expect(try Self.poppler("pdfimages", ["-list", marriage]).contains("ccitt"))
        let requestText = try Self.poppler("pdftotext", [request, "-"])
        #expect(requestText.split(separator: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count == 2)
    }

    @Test("without a manifest each paper is filed for the owner it names, outside any dossier, for review; one naming none goes to the agency archive")
    func withoutManifest() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("backfill-nomanifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("kho/1998"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let samples = WarehouseRunner.sampleScans
        for (source, name) in [
            ("000.12.34.H56-241105-0007/cccd-mat-truoc.png", "kho/1998/cccd.png"),
            ("000.12.34.H56-241105-0007/giay-khai-sinh.png", "kho/1998/khai-sinh.png"),
            ("000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif", "kho/quyet-dinh.tif"),
        ] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(source), to: root.appendingPathComponent(name))
        }
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        #expect(try warehouse.run(["backfill", root.path]).status == 64, "no manifest and no agency: a usage error")
        let run = try warehouse.run(["backfill", root.path, "--agency", "000.12.34.H56", "--jobs", "2", "--json"])
        #expect(run.status == 0, "the decision names no owner: filed in the agency archive, nothing quarantined\n\(run.stderr)")
        struct Event: Decodable {
            var event: String; var path: String; var status: String?; var documentCode: String?; var reviewStatus: String?; var errorCode: String?
            var ownerUnassigned: Bool?
        }
        let events = try run.stdout.split(separator: "\n").filter { $0.contains("\"event\":\"file\"") }
            .map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
        let byPath = Dictionary(uniqueKeysWithValues: events.map { ($0.path, $0) })
        // The holder's citizen ID on the card; the child's on the birth certificate.
        #expect(byPath["kho/1998/cccd.png"]?.documentCode?.hasPrefix("038090012345.cccd-front.") == true)
        #expect(byPath["kho/1998/khai-sinh.png"]?.documentCode?.hasPrefix("038324000123.birth-certificate.") == true)
        #expect(events.allSatisfy { $0.status == "filed" && $0.reviewStatus == "needs-review" })
        // The decision is the agency's own paper: in its archive, under its code, waiting for an owner.
        #expect(byPath["kho/quyet-dinh.tif"]?.documentCode?.hasPrefix("000.12.34.H56.") == true)
        #expect(byPath["kho/quyet-dinh.tif"]?.ownerUnassigned == true)
        #expect(byPath["kho/1998/cccd.png"]?.ownerUnassigned == false)
        let db = try DatabaseQueue(path: warehouse.storage.appendingPathComponent("warehouse.sqlite").path)
        let (dossiers, components, documents, archive) = try db.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM component") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE procedureCode = ''") ?? -1,
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.kind, i.kind, i.value FROM document d JOIN party p ON p.id = d.ownerPartyId
                        JOIN partyIdentifier i ON i.partyId = p.id WHERE d.ownerUnassigned
                        """)
            )
        }
        try db.close()
        #expect((dossiers, components, documents) == (0, 0, 3))
        // A state agency's party (LoaiDoiTuong 3) whose identifier is its agency code.
        #expect(archive.map { [$0[0] as Int == 3, $0[1] as String == "agency", $0[2] as String == "000.12.34.H56"] } == [true, true, true])
        let again = try warehouse.run(["backfill", root.path, "--agency", "000.12.34.H56"])
        #expect(again.status == 0, "a second run skips what the first filed\n\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("skipped         3"))
        #expect(try warehouse.run(["check"]).status == 0)
    }

    @Test("a manifest with a bad code is refused before any file is read, naming the line and the column")
    func badManifest() throws {
        let (root, manifest) = try Self.makeArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        try "path,owner,procedure,dossier,agency\n2024/,038090012345,1.001193,000.12.34.H56-241305-0007,000.12.34.H56\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let run = try warehouse.run(["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("manifest.csv line 2, dossier"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: warehouse.storage.appendingPathComponent("warehouse.sqlite").path))
    }

    /// Killed with SIGKILL at random moments, then run to the end: the same warehouse as a run never interrupted.
    @Test("killed at random points and resumed, it ends where an uninterrupted run ends, nothing filed twice")
    func killAndResume() throws {
        let (root, manifest) = try Self.makeArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let reference = WarehouseRunner()
        defer { reference.remove() }
        _ = try reference.run(["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--jobs", "2"])
        let expected = try Self.state(reference.storage, root: root)
        #expect(expected.count > 20)

        let interrupted = WarehouseRunner()
        defer { interrupted.remove() }
        // Each run is killed a random moment after it filed its first or second batch (progress, not the
        // clock, decides, so that a slow or a fast machine gets its kills alike), until one run finishes.
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<12 {
            let process = Process()
            process.executableURL = WarehouseRunner.binary
            process.arguments = [
                "backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--jobs", "2", "--json", "--storage",
                interrupted.storage.path,
            ]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let killAfter = Int.random(in: 1...2, using: &generator)
            var seen = 0
            var buffer = ""
            while seen < killAfter {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }  // the run ended
                buffer += String(decoding: chunk, as: UTF8.self)
                seen = buffer.components(separatedBy: "\"event\":\"file\"").count - 1
            }
            if seen >= killAfter, process.isRunning {
                usleep(UInt32.random(in: 0...400_000, using: &generator))
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit { break }
        }
        let last = try interrupted.run(["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--jobs", "2"])
        #expect([0, 2].contains(last.status), "\(last.stderr)")
        #expect(kills >= 2, "the runs were killed \(kills) times")
        #expect(try Self.state(interrupted.storage, root: root) == expected)
        let check = try interrupted.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}

extension BackfillTests {
    @Test("--dry-run matches and counts, files nothing")
    func dryRun() throws {
        let (root, manifest) = try Self.makeArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let run = try warehouse.run(["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--dry-run", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "\"event\":\"planned\"").count - 1 == 8)
        let search = try warehouse.run(["search", "khai sinh", "--json"])
        #expect(!search.stdout.contains("\"document\""), "nothing filed: \(search.stdout)")
    }
}

extension BackfillTests {
    @Test("--results seals still-valid results first, files expired ones unsealed, and a second run seals nothing again")
    func sealsResults() throws {
        let (root, manifest) = try Self.makeArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let head = "path,owner,procedure,dossier,agency,component,kind,resultType,name,number,validUntil,scope\n"
        let dossier = "1.001193,000.12.34.H56-241105-0007,000.12.34.H56"
        try (head + """
            2024/,038090012345,\(dossier),,,,,,,
            2024/hs-0007/giay-khai-sinh.png,038324000123,\(dossier),,result,KQ.G15.000031,Giấy khai sinh,45,permanent,Toàn quốc
            2024/hs-0007/giay-chung-sinh.jpg,038324000123,\(dossier),,result,KQ.G15.000031,Giấy chứng sinh,12,2020-01-01,

            """).write(to: manifest, atomically: true, encoding: .utf8)
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let noKey = try warehouse.run(["backfill", root.path, "--manifest", manifest.path, "--results"])
        #expect(noKey.status == 6, "\(noKey.stderr)")
        #expect(try warehouse.run(["keys", "init", "--issuer", "HTTT test"]).status == 0)

        let first = try warehouse.run(["backfill", root.path, "--manifest", manifest.path, "--results", "--json"])
        #expect(first.status == 2, "the damaged PDF is quarantined\n\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        // The still-valid result comes first, sealed; the expired one is filed like any paper.
        let firstFile = try #require(lines.first { $0.contains("\"event\":\"file\"") })
        #expect(firstFile.contains("giay-khai-sinh.png") && firstFile.contains("sealed as 000.12.34.H56-241105-0007-KQ1"), "\(firstFile)")
        #expect(lines.last?.contains("\"sealed\":1") == true, "\(lines.last ?? "")")
        let db = try DatabaseQueue(path: warehouse.storage.appendingPathComponent("warehouse.sqlite").path)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM result") } == 1)
        try db.close()

        let again = try warehouse.run(["backfill", root.path, "--manifest", manifest.path, "--results", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\"filed\":0") && again.stdout.contains("\"sealed\":0"), "\(again.stdout.suffix(600))")
        let db2 = try DatabaseQueue(path: warehouse.storage.appendingPathComponent("warehouse.sqlite").path)
        #expect(try db2.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM result") } == 1)
        try db2.close()
        #expect(try warehouse.run(["check"]).status == 0)
    }
}
