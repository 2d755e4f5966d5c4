import Foundation
import Testing

@testable import WarehouseCore

#if canImport(Glibc)
    import Glibc
#endif

/// What a kill can leave, and its clean-up: temporary files outside `blobs/`, blobs noted before their rows.
@Suite("Storage recovery")
struct StorageRecoveryTests {
    let layout: StorageLayout

    init() throws {
        layout = StorageLayout(root: FileManager.default.temporaryDirectory.appendingPathComponent("recovery-\(UUID().uuidString)"))
        try layout.create()
    }

    func remove() {
        try? FileManager.default.removeItem(at: layout.root)
    }

    /// A process id that is not running.
    static func deadPID() -> pid_t {
        var pid: pid_t = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    @Test("a blob is written in the staging directory and renamed into blobs/: nothing but whole blobs ever appears there")
    func stagedPut() throws {
        defer { remove() }
        let store = FileBlobStore(layout: layout)
        let (id, isNew) = try store.put(Data(repeating: 9, count: 300_000))
        #expect(isNew)
        #expect(try store.allIDs() == [id])
        let everything = FileManager.default.enumerator(atPath: layout.blobs.path)?.allObjects as? [String] ?? []
        #expect(everything.sorted() == [String(id.hex.prefix(2)), "\(id.hex.prefix(2))/\(id.hex.dropFirst(2).prefix(2))", "\(id.hex.prefix(2))/\(id.hex.dropFirst(2).prefix(2))/\(id.hex)"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.scratch.path).isEmpty, "the staging file was renamed, not copied")
    }

    @Test("a temporary name tells its process; the sweep removes those of dead processes only")
    func sweep() throws {
        defer { remove() }
        let mine = FileIO.temporaryName("recv")
        #expect(FileIO.writer(ofTemporary: mine) == .init(pid: getpid(), start: FileIO.startTime(of: getpid())))
        #expect(FileIO.writer(ofTemporary: mine)?.isGone == false)
        #expect(FileIO.writer(ofTemporary: "abc") == nil)
        #expect(FileIO.writer(ofTemporary: ".DS_Store") == nil)
        #expect(FileIO.writer(ofTemporary: ".spooled-12-") == nil)
        let dead = Self.deadPID()
        // Process 1 is alive, but started long before this: a name with pid 1 and another start time is a
        // dead process's whose id was given again.
        let initStart = try #require(FileIO.startTime(of: 1))
        let names = [
            ".recv-\(dead)-x", ".spooled-\(dead)-\(String(repeating: "a", count: 64))-1", mine, ".tmp-1-alive", ".tmp-1.\(initStart)-alive",
            ".tmp-1.\(initStart + 12345)-reused", "keep-me",
        ]
        for name in names { _ = FileManager.default.createFile(atPath: layout.spool.appendingPathComponent(name).path, contents: Data("x".utf8)) }
        try FileManager.default.createDirectory(at: layout.scratch.appendingPathComponent(".upload-\(dead)-y/named"), withIntermediateDirectories: true)
        let report = StorageRecovery(layout: layout, store: try WarehouseDatabase(), blobs: FileBlobStore(layout: layout)).run()
        #expect(report.temporaryFiles.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.spool.path).sorted() == [".tmp-1-alive", ".tmp-1.\(initStart)-alive", mine, "keep-me"].sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.scratch.path).isEmpty)
    }

    @Test("blobs noted and placed but never committed are taken out when the placement ends; committed ones stay")
    func pendingBlobs() throws {
        defer { remove() }
        let store = try WarehouseDatabase()
        let blobs = FileBlobStore(layout: layout)
        let pending = PendingBlobs(layout: layout, store: store, blobs: blobs)
        let kept = Data("filed".utf8)
        let dropped = Data("never committed".utf8)
        let placement = try pending.begin([BlobID.of(kept), BlobID.of(dropped)])
        try blobs.put(kept)
        try blobs.put(dropped)
        try store.commit(
            FilingBatch(
                owner: try OwnerIdentifier("038090012345"), dossierCode: nil, procedureCode: nil, agencyCode: "000.12.34.H56", actor: "test",
                at: Date(), blobs: [.init(record: BlobRecord(id: BlobID.of(kept).hex, size: Int64(kept.count), mime: "image/png", pageCount: 0, createdAt: Date(), verifiedAt: Date()), pages: [], barcodes: [])],
                documents: [], filings: []))
        // While the placement holds its lock, nobody else settles.
        #expect(pending.settle().isEmpty)
        #expect(blobs.contains(BlobID.of(dropped)))
        placement.end()
        #expect(blobs.contains(BlobID.of(kept)))
        #expect(!blobs.contains(BlobID.of(dropped)), "the blob whose rows never came is taken out")
        #expect(try Data(contentsOf: layout.pendingBlobs).isEmpty, "the notes are emptied once settled")
    }

    @Test("a process killed between noting and committing: the next one to start takes its blobs out")
    func killedPlacement() throws {
        defer { remove() }
        let store = try WarehouseDatabase()
        let blobs = FileBlobStore(layout: layout)
        let orphan = Data("placed by a process that was killed".utf8)
        // The dead process's notes and blob, as a kill leaves them (its lock went with it).
        try (BlobID.of(orphan).hex + "\n" + "not-an-id\n").write(to: layout.pendingBlobs, atomically: false, encoding: .utf8)
        try blobs.put(orphan)
        let report = StorageRecovery(layout: layout, store: store, blobs: blobs).run()
        #expect(report.blobsTakenOut == [BlobID.of(orphan)])
        #expect(try blobs.allIDs().isEmpty)
    }

    @Test("a spool that cannot be written is the storage's failure, named as such; the input is not blamed")
    func spoolStorageFailure() throws {
        defer { remove() }
        let source = layout.root.appendingPathComponent("scan.png")
        try Data(repeating: 1, count: 1000).write(to: source)
        // A file where the spool directory should be: creating the spool fails.
        let blocked = layout.root.appendingPathComponent("blocked")
        _ = FileManager.default.createFile(atPath: blocked.path, contents: Data())
        let spool = Spool(directory: blocked.appendingPathComponent("spool"))
        do {
            _ = try spool.receive(source)
            Issue.record("receiving into an impossible spool must throw")
        } catch {
            guard case .storage(let failure) = error else {
                Issue.record("expected a storage failure, got \(error)")
                return
            }
            #expect(failure.code == ENOTDIR)
            #expect(failure.description.contains(blocked.path))
        }
    }
}
