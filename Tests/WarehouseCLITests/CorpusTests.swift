import Crypto
import Foundation
import Testing

/// Every file of ../shared/corpus (real broken and odd files from other projects' test suites)
/// goes through the real binary: each ends filed or quarantined with a clear cause, never a crash or a hang.
@Suite("Hostile and odd inputs from the shared corpus")
struct CorpusTests {
    static let documents: [URL] = {
        let root = WarehouseRunner.corpus
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { !["txt", "md"].contains($0.pathExtension) && !$0.path.contains("/LICENSES") }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }()

    @Test("every corpus file is filed or quarantined with its cause and its bytes kept")
    func everyFileHandled() throws {
        try #require(Self.documents.count >= 50, "the shared corpus is missing at \(WarehouseRunner.corpus.path)")
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let result = try warehouse.ingest(Self.documents.map(\.path))
        #expect(!result.crashed, "the process crashed: \(result.stderr.suffix(2000))")
        #expect(result.status == 2, "exit code 2 means some input was quarantined; got \(result.status): \(result.stderr.suffix(500))")
        let report = try result.json(IngestJSON.self)
        #expect(report.files.count == Self.documents.count)

        var byName: [String: IngestJSON.File] = [:]
        for file in report.files {
            let name = URL(fileURLWithPath: file.file).lastPathComponent
            byName[name] = file
            #expect(["filed", "quarantined"].contains(file.status), "\(name): \(file.status)")
            if file.status == "quarantined" {
                let error = try #require(file.error, "\(name) quarantined without a cause")
                #expect(error.hasPrefix(name), "the cause names the file: \(error)")
                #expect(error.count > name.count + 20)
                #expect(file.errorCode != nil)
                // The original bytes are kept, byte for byte.
                let kept = try #require(file.quarantinedAt, "\(name): bytes not kept")
                let original = try Data(contentsOf: URL(fileURLWithPath: file.file))
                #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == original, "\(name): kept bytes differ")
            } else {
                #expect(file.document != nil, "\(name) filed without a document")
                #expect(file.pages >= 1)
            }
        }

        // Specific expectations from the corpus MANIFEST.
        #expect(byName["ocrmypdf_invalid.pdf"]?.status == "quarantined")
        #expect(byName["qpdf_bad1.pdf"]?.status == "quarantined")
        for locked in ["pypdf_r2-user-password.pdf", "pypdf_r3-user-password.pdf", "pypdf_r4-aes-user-password.pdf",
                       "pypdf_r6-both-passwords.pdf", "pypdf_libreoffice-writer-password.pdf"] {
            #expect(byName[locked]?.errorCode == "encrypted", "\(locked): \(byName[locked]?.error ?? "filed")")
        }
        // An empty user password, or an owner password only, opens: those are filed.
        for open in ["qpdf_encrypted-with-images.pdf", "pypdf_r6-owner-password.pdf", "pypdf_unencrypted.pdf"] {
            #expect(byName[open]?.status == "filed", "\(open): \(byName[open]?.error ?? "")")
        }
        #expect(byName["pillow_multipage.tiff"]?.pages == 3)
        #expect(byName["pillow_g4-multi.tiff"]?.pages == 3)
        // A TIFF whose directories loop ends, with its real frames.
        #expect(byName["pillow_multipage_multiple_frame_loop.tiff"].map { $0.pages >= 1 && $0.pages < 10 } == true)
        #expect(byName["pillow_truncated_jpeg.jpg"]?.errorCode == "truncated")
        #expect(byName["pillow_oom-225817ca.tif"]?.status == "quarantined")
        // The classic Tesseract page reads (with the Vietnamese model, English words still come through).
        #expect(byName["tess_phototest.tif"]?.text.contains("quick brown dog") == true)

        // The warehouse is consistent afterwards.
        let check = try warehouse.run(["check"])
        #expect(check.status == 0, "check: \(check.stdout)")
    }
}
