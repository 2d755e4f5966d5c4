import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// File names made to hurt: `../` in the path, 255-byte names, names that are not UTF-8, control characters.
/// `ingest` and `backfill` file what is a scan and quarantine what is not, whatever the name.
@Suite("Hostile file names on disk", .serialized)
struct HostileNamesTests {
    /// A name of exactly 255 bytes of UTF-8 (the longest a Linux file system allows), ending in `.png`.
    static let longName: [UInt8] = {
        var name = ""
        while (name + "ờ" + ".png").utf8.count <= 255 { name += "ờ" }
        name += String(repeating: "a", count: 255 - (name + ".png").utf8.count)
        return Array((name + ".png").utf8)
    }()

    /// Names as bytes: what each file is called on disk.
    struct Named {
        var name: [UInt8]
        var bytes: Data
        var isScan: Bool
        var display: String { String(decoding: name, as: UTF8.self) }
    }

    /// The good scan with bytes appended after its end: other bytes, the same pixels (filed without OCR).
    static func variant(_ tag: String) throws -> Data {
        try Data(contentsOf: HostileFilesTests.good) + Data("variant \(tag)".utf8)
    }

    static func garbage(_ tag: String) -> Data {
        Data("%PDF-1.7\n".utf8) + Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ tag.count) })
    }

    static func files() throws -> [Named] {
        [
            Named(name: longName, bytes: try variant("long"), isScan: true),
            Named(name: longName.dropLast(3) + Array("pdf".utf8), bytes: garbage("long"), isScan: false),
            Named(name: [0x73, 0x63, 0x61, 0x6E, 0x2D, 0xFF, 0xFE, 0x2E, 0x70, 0x6E, 0x67], bytes: try variant("latin"), isScan: true),
            Named(name: [0x68, 0xF4, 0x6E, 0x67, 0x2D, 0xC3, 0x28, 0x2E, 0x70, 0x64, 0x66], bytes: garbage("latin"), isScan: false),
            Named(name: Array("tờ\nkhai\t\u{1B}[31mđỏ\u{7}.png".utf8), bytes: try variant("control"), isScan: true),
            Named(name: Array(" .png".utf8), bytes: garbage("space"), isScan: false),
        ]
    }

    /// Creates `dir/name` with a name given as bytes.
    static func create(_ dir: URL, _ file: Named) throws {
        let path = Array(dir.path.utf8) + [0x2F] + file.name + [0]
        let fd = path.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(fd >= 0, "cannot create \(file.display): \(String(cString: strerror(errno)))")
        defer { close(fd) }
        let written = file.bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == file.bytes.count)
    }

    static func makeFolder() throws -> (URL, [Named]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let named = try files()
        for file in named { try create(dir, file) }
        return (dir, named)
    }

    @Test("ingest: 255-byte, non-UTF-8 and control-character names and ../ paths are filed or quarantined, never lost")
    func ingestNames() async throws {
        let warehouse = try await HostileFilesTests.prepared.value
        let (dir, named) = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var arguments: [[UInt8]] = [Array("ingest".utf8)]
        for file in named { arguments.append(Array(dir.path.utf8) + [0x2F] + file.name) }
        // The good scan again, through a path that goes down and back up.
        arguments.append(Array("\(dir.path)/sub/../../\(dir.lastPathComponent)/sub/../".utf8) + Array("x".utf8))
        try Self.variant("dotdot").write(to: dir.appendingPathComponent("x"))
        for option in [
            "--owner", "038090012345", "--procedure", "1.001193", "--dossier", "000.12.34.H56-241105-0007", "--agency", "000.12.34.H56",
            "--json", "--storage", warehouse.storage.path,
        ] {
            arguments.append(Array(option.utf8))
        }
        let run = try MeasuredRun.run(WarehouseRunner.binary, raw: arguments, timeout: 120)
        #expect(!run.crashed && !run.timedOut, "\(run.stderr.suffix(1500))")
        #expect(run.status == 2, "some files are quarantined: \(run.status) \(run.stderr.suffix(500))")
        let report = try run.json(IngestJSON.self)
        try #require(report.files.count == named.count + 1)
        for (file, outcome) in zip(named + [Named(name: Array("x".utf8), bytes: try Self.variant("dotdot"), isScan: true)], report.files) {
            if file.isScan {
                #expect(outcome.status == "filed", "\(file.display): \(outcome.status) \(outcome.error ?? "")")
                #expect(outcome.pages == 1)
            } else {
                #expect(outcome.status == "quarantined", "\(file.display): \(outcome.status)")
                let kept = try #require(outcome.quarantinedAt, "\(file.display): bytes not kept")
                #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == file.bytes)
                #expect((outcome.error ?? "").count > 40, "\(outcome.error ?? "")")
            }
            // The name shown is the file's own (bytes that are not UTF-8 shown as U+FFFD).
            #expect(URL(fileURLWithPath: outcome.file).lastPathComponent == file.display, "\(outcome.file)")
        }
    }

    @Test("backfill: a folder of such names is walked, each file filed or quarantined and counted")
    func backfillNames() async throws {
        let warehouse = try await HostileFilesTests.prepared.value
        let (dir, named) = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.deletingLastPathComponent().appendingPathComponent(dir.lastPathComponent + ".csv")
        defer { try? FileManager.default.removeItem(at: manifest) }
        try "path,owner,procedure,dossier,agency\n./,038090012345,1.001193,000.12.34.H56-241105-0007,000.12.34.H56\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let reportFile = manifest.deletingPathExtension().appendingPathExtension("json")
        defer { try? FileManager.default.removeItem(at: reportFile) }
        let run = try MeasuredRun.run(
            WarehouseRunner.binary,
            ["backfill", dir.path, "--manifest", manifest.path, "--report", reportFile.path, "--jobs", "1", "--storage", warehouse.storage.path],
            timeout: 120)
        #expect(!run.crashed && !run.timedOut, "\(run.stderr.suffix(1500))")
        let report = try JSONDecoder().decode(BackfillTests.Report.self, from: Data(contentsOf: reportFile))
        #expect(report.filesSeen == named.count, "\(report)")
        #expect(report.filed + report.reused == named.filter(\.isScan).count, "\(report)")
        #expect(report.quarantined == named.filter { !$0.isScan }.count, "\(report)")
        #expect(report.ignored.isEmpty, "\(report.ignored)")

        // Run again: every file is recognised by path and bytes (the resume check hashes it, by RawPath) and skipped.
        let again = try MeasuredRun.run(
            WarehouseRunner.binary,
            ["backfill", dir.path, "--manifest", manifest.path, "--report", reportFile.path, "--jobs", "1", "--storage", warehouse.storage.path],
            timeout: 120)
        #expect(!again.crashed && !again.timedOut, "\(again.stderr.suffix(1500))")
        let second = try JSONDecoder().decode(BackfillTests.Report.self, from: Data(contentsOf: reportFile))
        #expect(second.skipped == named.count, "\(second)")
    }
}
