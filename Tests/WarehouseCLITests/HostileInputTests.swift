import Foundation
import Testing

/// Inputs made to hurt: decompression bombs, random bytes behind valid magic numbers, empty and
/// zero-page files, odd names. Each ends quarantined with a cause and its bytes, and the batch goes on.
@Suite("Generated hostile inputs")
struct HostileInputTests {
    /// CRC-32 (IEEE) as PNG chunks need it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return withUnsafeBytes(of: UInt32(data.count).bigEndian, Array.init) + body
            + withUnsafeBytes(of: crc32(body).bigEndian, Array.init)
    }

    /// A PNG that claims 60 000 × 60 000 pixels (3.6 G) in a few bytes.
    static func bombPNG() -> Data {
        var ihdr: [UInt8] = []
        ihdr += withUnsafeBytes(of: UInt32(60_000).bigEndian, Array.init)
        ihdr += withUnsafeBytes(of: UInt32(60_000).bigEndian, Array.init)
        ihdr += [8, 0, 0, 0, 0]  // 8-bit grey
        // A zlib stream of an empty deflate block: the decoder would have to invent the rest.
        let idat: [UInt8] = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", []))
    }

    /// A well-formed PDF whose page tree is empty, with a correct cross-reference table.
    static var zeroPagePDF: String {
        let objects = [
            "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
            "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for object in objects {
            offsets.append(pdf.utf8.count)
            pdf += object
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 3\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer << /Size 3 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf
    }

    @Test("bombs, random bytes behind magic numbers, empty and zero-page files are quarantined; the good file is filed")
    func hostileBatch() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let dir = warehouse.storage.deletingLastPathComponent().appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SystemRandomNumberGenerator()
        func random(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) } }

        let inputs: [(name: String, bytes: Data, code: String)] = [
            ("bomb 60000x60000.png", Self.bombPNG(), "too-large"),
            ("random.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + random(5000)), ""),
            ("random.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0] + random(5000)), ""),
            ("random.tif", Data([0x49, 0x49, 0x2A, 0x00] + random(5000)), ""),
            ("random.pdf", Data(Array("%PDF-1.7\n".utf8) + random(5000)), ""),
            ("zero pages.pdf", Data(Self.zeroPagePDF.utf8), "no-pages"),
            ("empty.png", Data(), "empty"),
            ("tờ khai (bản scan) #1.docx", Data([0x50, 0x4B, 0x03, 0x04] + random(100)), "not-a-document"),
        ]
        var paths: [String] = []
        for input in inputs {
            let url = dir.appendingPathComponent(input.name)
            try input.bytes.write(to: url)
            paths.append(url.path)
        }
        paths.append(dir.appendingPathComponent("does-not-exist.png").path)
        paths.append(dir.path)  // a directory, not a file
        let good = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-sau.png").path
        paths.append(good)

        let result = try warehouse.ingest(paths, timeout: 300)
        #expect(!result.crashed, "crashed: \(result.stderr.suffix(1000))")
        #expect(result.status == 2)
        let report = try result.json(IngestJSON.self)
        #expect(report.files.count == paths.count)
        for (i, input) in inputs.enumerated() {
            let outcome = report.files[i]
            #expect(outcome.status == "quarantined", "\(input.name): \(outcome.status)")
            #expect(outcome.error?.hasPrefix(input.name) == true, "\(input.name): \(outcome.error ?? "no error")")
            if !input.code.isEmpty { #expect(outcome.errorCode == input.code, "\(input.name): \(outcome.errorCode ?? "-")") }
            let kept = try #require(outcome.quarantinedAt, "\(input.name): bytes not kept")
            #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == input.bytes)
        }
        #expect(report.files[inputs.count].errorCode == "unreadable")
        #expect(report.files[inputs.count + 1].errorCode == "not-a-file")
        #expect(report.files.last?.status == "filed")
        // Every quarantined file has a reason file beside its bytes.
        let reasons = try FileManager.default.contentsOfDirectory(atPath: warehouse.storage.appendingPathComponent("quarantine").path)
            .filter { $0.hasSuffix(".reason.json") }
        #expect(reasons.count == paths.count - 1)
    }

    @Test("a page that takes longer than the time box is stopped, kept and flagged for review")
    func pageTimeBox() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let page = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/to-khai-dang-ky-khai-sinh.png").path
        let result = try warehouse.ingest([page], extra: ["--page-timeout", "0.05"])
        #expect(result.status == 0)
        let outcome = try #require(try result.json(IngestJSON.self).files.first)
        #expect(outcome.status == "filed")
        #expect(outcome.reviewStatus == "needs-review")
        #expect(result.stdout.contains("longer than"), "the warning says the page was stopped")
    }
}
