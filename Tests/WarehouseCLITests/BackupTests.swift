import Foundation
import Testing

@Suite("warehouse backup and restore")
struct BackupTests {
    struct Report: Decodable {
        var blobs: Int
        var blobsCopied: Int
        var otherFilesCopied: Int
        var problems: [String]
    }

    @Test("a backup is incremental; restored into an empty directory it checks clean and finds the same documents")
    func roundTrip() throws {
        let source = WarehouseRunner()
        defer { source.remove() }
        let scans = ["cccd-mat-truoc.png", "giay-khai-sinh.png", "giay-chung-nhan-ket-hon.png"].map {
            WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/\($0)").path
        }
        #expect(try source.ingest(Array(scans.prefix(2))).status == 0)
        #expect(try source.run(["keys", "init", "--issuer", "HTTT test"]).status == 0)
        let backupDir = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backupDir) }

        let first = try source.run(["backup", backupDir.path, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let full = try first.json(Report.self)
        #expect((full.blobs, full.blobsCopied) == (2, 2))
        #expect(full.otherFilesCopied >= 2, "the key files")

        #expect(try source.ingest([scans[2]]).status == 0)
        let second = try source.run(["backup", backupDir.path, "--json"]).json(Report.self)
        #expect((second.blobs, second.blobsCopied, second.otherFilesCopied) == (3, 1, 0))

        let restored = WarehouseRunner()
        defer { restored.remove() }
        let restore = try restored.run(["restore", backupDir.path, "--json"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try restored.run(["check"]).status == 0)
        for query in ["khai sinh", "kết hôn", "nguyen van an"] {
            #expect(try restored.run(["search", query, "--json"]).stdout == (try source.run(["search", query, "--json"]).stdout))
        }
        let key = try FileManager.default.contentsOfDirectory(atPath: restored.storage.appendingPathComponent("keys").path)
            .first { $0.hasSuffix(".ed25519") }
        let mode = try FileManager.default.attributesOfItem(
            atPath: restored.storage.appendingPathComponent("keys/\(try #require(key))").path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the private key stays private")

        let again = try restored.run(["restore", backupDir.path])
        #expect(again.status == 64)
        #expect(again.stderr.contains("already holds a warehouse"))
    }

    @Test("a damaged blob at the source is named and not copied; exit 4")
    func damagedSource() throws {
        let source = WarehouseRunner()
        defer { source.remove() }
        let scan = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-truoc.png").path
        let filed = try source.ingest([scan])
        let sha = try #require(try filed.json(IngestJSON.self).files.first?.sha256)
        let blob = source.storage.appendingPathComponent("blobs/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha)")
        chmod(blob.path, 0o644)
        var bytes = try Data(contentsOf: blob)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: blob)
        let backupDir = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backupDir) }
        let run = try source.run(["backup", backupDir.path])
        #expect(run.status == 4)
        #expect(run.stdout.contains("blob \(sha.prefix(12))"), "\(run.stdout)")
    }
}

extension BackupTests {
    @Test("backups taken while a backfill is filing restore to warehouses that check clean")
    func backupDuringWrites() throws {
        let (root, manifest) = try BackfillTests.makeArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = WarehouseRunner()
        defer { source.remove() }
        _ = try source.run(["ingest", WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-sau.png").path,
                            "--owner", "038090012345", "--procedure", "1.001193", "--dossier", "000.12.34.H56-241105-0007",
                            "--agency", "000.12.34.H56"])
        let writer = Process()
        writer.executableURL = WarehouseRunner.binary
        writer.arguments = ["backfill", root.path, "--manifest", manifest.path, "--agency", "000.12.34.H56", "--storage", source.storage.path]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var backups: [URL] = []
        defer { for dir in backups { try? FileManager.default.removeItem(at: dir) } }
        while writer.isRunning || backups.isEmpty {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backup-live-\(UUID().uuidString)")
            backups.append(dir)
            let run = try source.run(["backup", dir.path])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            usleep(300_000)
        }
        writer.waitUntilExit()
        #expect(backups.count >= 2, "backups were taken while the backfill ran")
        for dir in backups {
            let restored = WarehouseRunner()
            defer { restored.remove() }
            #expect(try restored.run(["restore", dir.path]).status == 0)
            let check = try restored.run(["check"])
            #expect(check.status == 0, "\(dir.lastPathComponent): \(check.stdout)")
        }
    }
}
