import Foundation
import Testing

@Suite("warehouse check")
struct CheckTests {
    struct Report: Decodable {
        struct Issue: Decodable {
            var kind: String
            var subject: String
            var detail: String
        }
        var blobsInDatabase: Int
        var blobsVerified: Int
        var issues: [Issue]
    }

    /// Path of a blob in the store, as the layout names it.
    func blobPath(_ storage: URL, _ sha: String) -> URL {
        storage.appendingPathComponent("blobs/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha)")
    }

    @Test("check finds a flipped byte, a missing blob, an orphan and a stray temp file, all of them")
    func findsEverything() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let inputs = ["cccd-mat-truoc.png", "cccd-mat-sau.png", "giay-chung-nhan-ket-hon.png"].map {
            WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/\($0)").path
        }
        let filed = try warehouse.ingest(inputs)
        #expect(filed.status == 0, "\(filed.stderr)")
        let shas = try filed.json(IngestJSON.self).files.compactMap(\.sha256)
        try #require(shas.count == 3)

        let clean = try warehouse.run(["check", "--json"])
        #expect(clean.status == 0)
        #expect(try clean.json(Report.self).blobsVerified == 3)

        // One bit flipped in the first blob.
        let flipped = blobPath(warehouse.storage, shas[0])
        chmod(flipped.path, 0o644)
        var bytes = try Data(contentsOf: flipped)
        bytes[bytes.count / 2] ^= 0x10
        try bytes.write(to: flipped)
        // The second blob deleted.
        try FileManager.default.removeItem(at: blobPath(warehouse.storage, shas[1]))
        // A blob no row names, and a temp file an interrupted write would leave.
        let orphan = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(
            at: blobPath(warehouse.storage, orphan).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("orphan".utf8).write(to: blobPath(warehouse.storage, orphan))
        try Data("half".utf8).write(to: blobPath(warehouse.storage, shas[2]).deletingLastPathComponent().appendingPathComponent(".tmp-1"))

        let broken = try warehouse.run(["check", "--json"])
        #expect(broken.status == 4, "check exits 4 when it finds problems")
        let report = try broken.json(Report.self)
        let kinds = Dictionary(grouping: report.issues, by: \.kind)
        #expect(kinds["corrupted-blob"]?.map(\.subject) == [shas[0]])
        #expect(kinds["missing-blob"]?.map(\.subject) == [shas[1]])
        #expect(kinds["orphan-blob"]?.map(\.subject) == [orphan])
        #expect(kinds["stray-file"]?.count == 1)
        #expect(report.blobsVerified == 1)

        // The human form names them too, and the exit code is the same.
        let human = try warehouse.run(["check"])
        #expect(human.status == 4)
        #expect(human.stdout.contains("corrupted-blob") && human.stdout.contains("missing-blob"))
    }

    @Test("re-ingesting a file whose blob went missing restores it")
    func repairByReingest() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let input = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-sau.png").path
        let first = try warehouse.ingest([input])
        let sha = try #require(try first.json(IngestJSON.self).files.first?.sha256)
        try FileManager.default.removeItem(at: blobPath(warehouse.storage, sha))
        #expect(try warehouse.run(["check"]).status == 4)
        let again = try warehouse.ingest([input])
        #expect(try again.json(IngestJSON.self).files.first?.status == "reused")
        #expect(try warehouse.run(["check"]).status == 0)
    }
}

extension CheckTests {
    @Test("random bits flipped in random blobs: every damaged blob is found, and only those")
    func randomBitFlips() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let inputs = ["cccd-mat-truoc.png", "cccd-mat-sau.png", "giay-chung-nhan-ket-hon.png", "giay-chung-sinh.jpg", "giay-khai-sinh.png"]
            .map { WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/\($0)").path }
        let filed = try warehouse.ingest(inputs)
        let shas = try filed.json(IngestJSON.self).files.compactMap(\.sha256)
        try #require(Set(shas).count == 5)
        var random = SystemRandomNumberGenerator()
        for round in 0..<25 {
            // What was flipped, for the failure message: blob, byte offset, bit.
            var flips: [String] = []
            let chosen = Set(shas.filter { _ in Bool.random(using: &random) })
            var originals: [String: Data] = [:]
            for sha in chosen {
                let url = blobPath(warehouse.storage, sha)
                chmod(url.path, 0o644)
                var bytes = try Data(contentsOf: url)
                originals[sha] = bytes
                let at = Int.random(in: 0..<bytes.count, using: &random)
                let bit = UInt8.random(in: 0...7, using: &random)
                bytes[at] ^= UInt8(1) << bit
                flips.append("\(sha.prefix(12))@\(at).\(bit)")
                try bytes.write(to: url)
            }
            let run = try warehouse.run(["check", "--json"])
            let found = Set(try run.json(Report.self).issues.filter { $0.kind == "corrupted-blob" }.map(\.subject))
            #expect(found == chosen, "round \(round), flipped \(flips)")
            #expect(run.status == (chosen.isEmpty ? 0 : 4), "round \(round), flipped \(flips)")
            for (sha, bytes) in originals { try bytes.write(to: blobPath(warehouse.storage, sha)) }
        }
        #expect(try warehouse.run(["check"]).status == 0)
    }
}
