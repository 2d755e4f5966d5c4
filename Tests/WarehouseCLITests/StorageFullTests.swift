import Foundation
import GRDB
import Testing
import WarehouseCore

#if canImport(Glibc)
    import Glibc
#endif

/// A small file system for one test: a tmpfs mounted (as root) and unmounted when done; or, where mounting
/// is not permitted, nil (the tests then limit the file size of the child instead, `RLIMIT_FSIZE`).
final class SmallVolume {
    let mountPoint: URL
    private var mounted = false

    /// `WAREHOUSE_TEST_NO_MOUNT=1` acts as if mounting were not permitted (to run the fallback here).
    init?(megabytes: Int) {
        if ProcessInfo.processInfo.environment["WAREHOUSE_TEST_NO_MOUNT"] != nil { return nil }
        mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("small-volume-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0755", "tmpfs", mountPoint.path]) == 0 else {
            try? FileManager.default.removeItem(at: mountPoint)
            return nil
        }
        mounted = true
    }

    deinit { unmount() }

    /// Unmounts (lazily if something still holds it open) and removes the mount point.
    func unmount() {
        guard mounted else { return }
        if Self.command("/bin/umount", [mountPoint.path]) != 0 { _ = Self.command("/bin/umount", ["-l", mountPoint.path]) }
        mounted = false
        try? FileManager.default.removeItem(at: mountPoint)
    }

    /// Remounts read-only or read-write.
    func remount(readOnly: Bool) -> Bool {
        Self.command("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", mountPoint.path]) == 0
    }

    var filler: URL { mountPoint.appendingPathComponent("filler") }

    /// Bytes still free.
    var available: Int64 {
        var fs = statvfs()
        guard statvfs(mountPoint.path, &fs) == 0 else { return -1 }
        return Int64(fs.f_bavail) * Int64(fs.f_frsize)
    }

    /// Fills the volume with a file of its own until only `bytes` (rounded to pages) are left.
    func fill(leaving bytes: Int64) throws {
        freeUp()
        let size = available - bytes
        guard size > 0 else { return }
        let fd = open(filler.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw LoopbackHTTP.Failure(description: "cannot create \(filler.path)") }
        defer { close(fd) }
        guard posix_fallocate(fd, 0, off_t(size)) == 0 else { throw LoopbackHTTP.Failure(description: "cannot allocate \(size) bytes") }
    }

    func freeUp() {
        unlink(filler.path)
    }

    @discardableResult
    static func command(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Ingest with the storage full or read-only: a clear error (exit 74) naming the storage and the cause and
/// saying where the input is, nothing half-written, and the same command works once there is space again.
@Suite("full and read-only storage", .serialized)
struct StorageFullTests {
    static let sample = "000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png"

    static func ingest(_ warehouse: WarehouseRunner, _ file: URL, wrapper: [String] = []) throws -> WarehouseRunner.Result {
        let arguments = ["ingest", file.path, "--owner", "038090012345", "--procedure", "1.001193", "--dossier", "000.12.34.H56-241105-0007",
                         "--agency", "000.12.34.H56", "--jobs", "1", "--json"]
        return try warehouse.run(arguments, wrapper: wrapper)
    }

    /// Nothing half-written: the databases pass their checks, nothing but whole blobs in `blobs/`, nothing left
    /// in `spool/`, `tmp/` or the pending notes, and `check` clean.
    static func expectNothingHalfWritten(_ storage: URL, _ context: String) throws {
        let problems = CrashInspection.settled(storage)
        #expect(problems.isEmpty, "\(context): \(problems.joined(separator: "; "))")
    }

    @Test("a full storage: exit 74 naming the storage and that it is full, nothing half-written, the same ingest works once there is space")
    func diskFull() throws {
        guard let volume = SmallVolume(megabytes: 16) else {
            try diskFullWithFileSizeLimit()
            return
        }
        defer { volume.unmount() }
        print("storage-full: tmpfs of 16 MiB mounted at \(volume.mountPoint.path)")
        let warehouse = WarehouseRunner(storage: volume.mountPoint.appendingPathComponent("Storage"))
        let inputs = FileManager.default.temporaryDirectory.appendingPathComponent("full-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inputs) }
        let variants = try ScanVariants.make(Self.sample, count: 12, in: inputs, prefix: "ket-hon")
        let first = try Self.ingest(warehouse, variants[0])
        #expect(first.status == 0, "\(first.stderr)")

        // Full: not even the spool copy fits.
        try volume.fill(leaving: 0)
        let refused = try Self.ingest(warehouse, variants[1])
        #expect(refused.status == 74, "exit \(refused.status): \(refused.stderr)")
        #expect(!refused.crashed)
        #expect(refused.stderr.contains("full"), "\(refused.stderr)")
        #expect(refused.stderr.contains(variants[1].path) || refused.stderr.contains("nothing was done"), "the message says where the input is: \(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: variants[1].path), "the input is untouched")
        let whileFull = try warehouse.run(["check"])
        #expect(!whileFull.crashed && [0, 74].contains(whileFull.status), "check on a full storage: \(whileFull.status) \(whileFull.stderr)")
        volume.freeUp()
        try Self.expectNothingHalfWritten(warehouse.storage, "after the refused ingest")
        let again = try Self.ingest(warehouse, variants[1])
        #expect(again.status == 0, "with space again the same ingest works: \(again.stderr)")

        // Nearly full, by steps: the refusal lands at the spool, the notes, the blob, the WAL or the commit;
        // each time the ingest either files whole or is refused whole, and works once there is space.
        let size = Int64((try Data(contentsOf: variants[2])).count)
        var outcomes: [String: Int] = [:]
        for (step, variant) in variants[2...].enumerated() {
            try volume.fill(leaving: size + Int64(step) * 24 << 10)
            let run = try Self.ingest(warehouse, variant)
            #expect(!run.crashed)
            #expect([0, 74].contains(run.status), "step \(step): exit \(run.status): \(run.stderr)")
            volume.freeUp()
            try Self.expectNothingHalfWritten(warehouse.storage, "step \(step), exit \(run.status)")
            if run.status == 74 {
                let at = ["spool", "pending-blobs", "blobs", "warehouse.sqlite", "warehouse-access-log.sqlite", "quarantine", "tmp"]
                    .first { run.stderr.contains("Storage/\($0)") } ?? "?"
                outcomes["refused at \(at)", default: 0] += 1
                print("storage-full: step \(step): \(run.stderr.split(separator: "\n").first ?? "")")
                let retry = try Self.ingest(warehouse, variant)
                #expect(retry.status == 0, "step \(step): with space again: \(retry.stderr)")
            } else {
                outcomes["filed", default: 0] += 1
            }
        }
        print("storage-full: nearly-full steps: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        let check = try warehouse.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
        let db = try DatabaseQueue(path: warehouse.storage.appendingPathComponent("warehouse.sqlite").path)
        defer { try? db.close() }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM blob") } == variants.count)
    }

    /// Where no file system can be mounted: the child may not write files beyond a size (SIGXFSZ ignored,
    /// so writes fail with EFBIG), which the warehouse must treat as a full storage.
    func diskFullWithFileSizeLimit() throws {
        print("storage-full: mounting a tmpfs is not permitted here; RLIMIT_FSIZE on the child instead")
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let inputs = FileManager.default.temporaryDirectory.appendingPathComponent("fsize-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inputs) }
        let variants = try ScanVariants.make(Self.sample, count: 2, in: inputs, prefix: "ket-hon")
        #expect(try Self.ingest(warehouse, variants[0]).status == 0)
        let refused = try Self.ingest(warehouse, variants[1], wrapper: ["/bin/sh", "-c", "trap '' XFSZ; exec prlimit --fsize=4096:4096 -- \"$@\"", "sh"])
        #expect(refused.status == 74, "exit \(refused.status): \(refused.stderr)")
        #expect(!refused.crashed)
        #expect(refused.stderr.contains("full") && refused.stderr.contains("file size limit"), "\(refused.stderr)")
        try Self.expectNothingHalfWritten(warehouse.storage, "after the refused ingest")
        #expect(try Self.ingest(warehouse, variants[1]).status == 0)
        #expect(try warehouse.run(["check"]).status == 0)
    }

    @Test("a read-only storage: exit 74 saying it is read-only, no crash, and ingest works once it is writable again")
    func readOnly() throws {
        guard let volume = SmallVolume(megabytes: 16) else {
            print("storage-read-only: mounting is not permitted here: skipped (root's chmod would not stop writes)")
            return
        }
        defer { volume.unmount() }
        let warehouse = WarehouseRunner(storage: volume.mountPoint.appendingPathComponent("Storage"))
        let inputs = FileManager.default.temporaryDirectory.appendingPathComponent("ro-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inputs) }
        let variants = try ScanVariants.make(Self.sample, count: 2, in: inputs, prefix: "ket-hon")
        #expect(try Self.ingest(warehouse, variants[0]).status == 0)
        #expect(volume.remount(readOnly: true))
        let refused = try Self.ingest(warehouse, variants[1])
        #expect(refused.status == 74, "exit \(refused.status): \(refused.stderr)")
        #expect(!refused.crashed)
        #expect(refused.stderr.contains("read-only"), "\(refused.stderr)")
        let check = try warehouse.run(["check"])
        #expect(!check.crashed && [0, 74].contains(check.status), "check on a read-only storage: \(check.status) \(check.stderr)")
        let search = try warehouse.run(["search", "kết hôn"])
        #expect(!search.crashed, "\(search.stderr)")
        #expect(volume.remount(readOnly: false))
        try Self.expectNothingHalfWritten(warehouse.storage, "after the refused ingest")
        let again = try Self.ingest(warehouse, variants[1])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try warehouse.run(["check"]).status == 0)
    }

    @Test("an upload to a server whose storage is full: 507 with a clear message, the server keeps serving, and the upload works once there is space")
    func serverUploadFull() throws {
        guard let volume = SmallVolume(megabytes: 24) else {
            print("storage-full server: mounting is not permitted here: skipped")
            return
        }
        defer { volume.unmount() }
        let storage = volume.mountPoint.appendingPathComponent("Storage")
        let inputs = FileManager.default.temporaryDirectory.appendingPathComponent("full-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inputs) }
        let variants = try ScanVariants.make(Self.sample, count: 3, in: inputs, prefix: "ket-hon")
        let server = try ServerUnderTest(storage: storage)
        defer { server.stop() }
        let client = try server.client()
        let first = try client.upload(dossier: CrashSafetyTests.dossier, fileName: variants[0].lastPathComponent, data: Data(contentsOf: variants[0]))
        #expect(first.status == 200, "\(first.text)")
        for (leave, variant) in [(Int64(0), variants[1]), (Int64(64 << 10), variants[1])] {
            try volume.fill(leaving: leave)
            let refused = try client.upload(dossier: CrashSafetyTests.dossier, fileName: variant.lastPathComponent, data: Data(contentsOf: variant))
            #expect(refused.status == 507, "left \(leave) bytes: \(refused.status) \(refused.text)")
            #expect(refused.text.contains("storage-full"), "\(refused.text)")
            #expect(server.process.isRunning, "the server survives a full storage")
            #expect((try? LoopbackHTTP(port: server.port).send("GET", "/health").status) == 200)
            volume.freeUp()
            try Self.expectNothingHalfWritten(storage, "after the refused upload (left \(leave) bytes)")
        }
        let again = try client.upload(dossier: CrashSafetyTests.dossier, fileName: variants[1].lastPathComponent, data: Data(contentsOf: variants[1]))
        #expect(again.status == 200, "\(again.text)")
    }
}
