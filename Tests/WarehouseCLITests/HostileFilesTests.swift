import Foundation
import Testing

/// Generated hostile files through the real binary, each in its own process followed by a good scan:
/// each ends quarantined with its cause and its bytes (or filed, when it is a real if odd page), within
/// 60 s and 1.5 GiB of peak memory (measured with wait4), and the good scan after it is still filed.
@Suite("Generated bombs, loops and lies", .serialized)
struct HostileFilesTests {
    static let timeBound = 60.0
    static let memoryBoundMiB = 1536.0

    /// What a hostile file must end as.
    enum Expect: CustomStringConvertible {
        /// Quarantined with one of these error codes.
        case quarantined(Set<String>)
        /// Filed with this many pages.
        case filed(pages: Int)

        var description: String {
            switch self {
            case .quarantined(let codes): "quarantined (\(codes.sorted().joined(separator: " or ")))"
            case .filed(let pages): "filed (\(pages) pages)"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var make: @Sendable () -> Data
        var expect: Expect
        var description: String { name }
    }

    static let giB = 1 << 30

    static let cases: [Case] = [
        // Lies about size: refused from the header, before any pixel is decoded.
        Case(name: "claims 50000x50000.png", make: { HostileFiles.png(width: 50_000, height: 50_000, inflated: 1) }, expect: .quarantined(["too-large"])),
        Case(name: "claims 50000x50000.jpg", make: { HostileFiles.jpeg(width: 50_000, height: 50_000) }, expect: .quarantined(["too-large"])),
        Case(
            name: "claims 50000x50000.tif", make: { HostileFiles.tiff(width: 50_000, height: 50_000, compression: 1, strip: .init(repeating: 0, count: 100)) },
            expect: .quarantined(["too-large"])),
        // Deflate bombs: the compressed data really inflates to gigabytes.
        Case(name: "IDAT inflates to 1 GiB.png", make: { HostileFiles.png(width: 100, height: 100, inflated: giB) }, expect: .filed(pages: 1)),
        Case(
            name: "IDAT of 474 MB within the limits.png",
            make: { HostileFiles.png(width: 7_700, height: 7_700, depth: 16, colorType: 6, inflated: 7_700 * (1 + 7_700 * 8)) },
            expect: .filed(pages: 1)),
        Case(
            name: "deflate strip inflates to 1 GiB.tif",
            make: { HostileFiles.tiff(width: 1_000, height: 1_000, compression: 8, strip: HostileFiles.zlibZeros(count: giB)) },
            expect: .filed(pages: 1)),
        // The renderer would hold the image whole (1.6 GB): refused from the image's declared size.
        Case(name: "image stream inflates to 1.2 GB.pdf", make: { HostileFiles.imageBombPDF(side: 20_000) }, expect: .quarantined(["too-large"])),
        // White space is a blank page: filed (poppler reads a gigabyte of it in about 25 s; a quarter here).
        Case(name: "content stream inflates to 256 MiB.pdf", make: { HostileFiles.contentBombPDF(inflated: giB / 4) }, expect: .filed(pages: 1)),
        // Page counts that lie or are real but huge.
        Case(name: "claims 2^31 pages.pdf", make: { HostileFiles.hugePageCountPDF }, expect: .quarantined(["damaged"])),
        Case(name: "20000 real pages.pdf", make: { HostileFiles.manyPagesPDF(20_000) }, expect: .quarantined(["too-many-pages"])),
        // Loops.
        Case(name: "pages tree is its own kid.pdf", make: { HostileFiles.pagesOwnKidPDF }, expect: .quarantined(["page-failed"])),
        Case(name: "kids cycle.pdf", make: { HostileFiles.kidsCyclePDF }, expect: .quarantined(["page-failed"])),
        // Poppler stops inheriting at the loop and gives the default page size: a blank page.
        Case(name: "parent loop.pdf", make: { HostileFiles.parentLoopPDF }, expect: .filed(pages: 1)),
        Case(name: "reference loops.pdf", make: { HostileFiles.referenceLoopPDF }, expect: .quarantined(["damaged"])),
        Case(name: "xref prev loop.pdf", make: { HostileFiles.xrefPrevLoopPDF(selfLoop: false) }, expect: .filed(pages: 1)),
        Case(name: "xref prev self loop.pdf", make: { HostileFiles.xrefPrevLoopPDF(selfLoop: true) }, expect: .filed(pages: 1)),
        // Poppler's parser stops at its depth limit; the page itself is fine.
        Case(name: "nested 100000 deep.pdf", make: { HostileFiles.deepNestingPDF }, expect: .filed(pages: 1)),
    ]

    /// A warehouse that already holds the good scan, so that each run after a hostile file reuses it quickly.
    static let prepared: Task<WarehouseRunner, any Error> = Task {
        let warehouse = WarehouseRunner()
        let result = try warehouse.ingest([good.path], timeout: 300)
        try #require(result.status == 0, "the good scan is filed first: \(result.stderr.suffix(500))")
        return warehouse
    }

    static let good = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-sau.png")

    @Test("each generated hostile file ends as expected, within time and memory; the next file is still processed", arguments: cases)
    func hostileFile(_ hostile: Case) async throws {
        let warehouse = try await Self.prepared.value
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = hostile.make()
        let url = dir.appendingPathComponent(hostile.name)
        try bytes.write(to: url)

        let run = try MeasuredRun.run(
            WarehouseRunner.binary,
            [
                "ingest", url.path, Self.good.path, "--owner", "038090012345", "--procedure", "1.001193", "--dossier",
                "000.12.34.H56-241105-0007", "--agency", "000.12.34.H56", "--json", "--storage", warehouse.storage.path,
            ], timeout: Self.timeBound)
        print("hostile: \(hostile.name): \(bytes.count) bytes, \(String(format: "%.1f", run.seconds)) s, \(Int(run.peakMiB)) MiB peak")
        #expect(!run.crashed, "\(hostile.name): killed by signal \(run.signal ?? 0): \(run.stderr.suffix(1500))")
        #expect(!run.timedOut, "\(hostile.name): still running after \(Self.timeBound) s")
        #expect(run.peakMiB < Self.memoryBoundMiB, "\(hostile.name): peak memory \(Int(run.peakMiB)) MiB")
        try #require(!run.crashed && !run.timedOut)
        let report = try run.json(IngestJSON.self)
        try #require(report.files.count == 2)
        let outcome = report.files[0]
        switch hostile.expect {
        case .quarantined(let codes):
            #expect(outcome.status == "quarantined", "\(hostile.name): \(outcome.status), expected \(hostile.expect)")
            #expect(codes.contains(outcome.errorCode ?? ""), "\(hostile.name): \(outcome.errorCode ?? "-"): \(outcome.error ?? "")")
            let error = outcome.error ?? ""
            #expect(error.hasPrefix(hostile.name + ": ") && error.count > hostile.name.count + 20, "the cause names the file: \(error)")
            let kept = try #require(outcome.quarantinedAt, "\(hostile.name): bytes not kept")
            #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == bytes, "\(hostile.name): the kept bytes differ")
        case .filed(let pages):
            #expect(outcome.status == "filed", "\(hostile.name): \(outcome.status) \(outcome.error ?? ""), expected \(hostile.expect)")
            #expect(outcome.pages == pages)
        }
        if case .quarantined = hostile.expect {
            #expect(outcome.error.map { !$0.contains("has no pages") || hostile.name.contains("no pages") } ?? true, "\(outcome.error ?? "")")
        }
        print("hostile: \(hostile.name): \(outcome.status) \(outcome.errorCode ?? "") \(outcome.error ?? "")")
        #expect(report.files[1].status == "reused", "the good scan after \(hostile.name): \(report.files[1].status) \(report.files[1].error ?? "")")
    }

    @Test("the deflate bomb generator's streams inflate to exactly the zeros asked for (checked with Python's zlib)")
    func bombGenerator() throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sys, zlib; d = zlib.decompress(sys.stdin.buffer.read()); print(len(d), d.count(0))"]
        let input = Pipe()
        let output = Pipe()
        python.standardInput = input
        python.standardOutput = output
        try python.run()
        let stream = HostileFiles.zlibZeros(count: 10_000_003)
        #expect(stream.count < 10_000, "about 1000:1: \(stream.count) bytes")
        input.fileHandleForWriting.write(Data(stream))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(answer.trimmingCharacters(in: .whitespacesAndNewlines) == "10000003 10000003")
    }
}
