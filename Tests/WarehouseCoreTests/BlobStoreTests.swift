import Foundation
import Testing

@testable import WarehouseCore

@Suite("Blob store")
struct BlobStoreTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
    }

    @Test("put stores bytes under their SHA-256, read-only, and says whether they were new")
    func putAndRead() throws {
        let store = FileBlobStore(root: root)
        let data = Data("Giấy khai sinh".utf8)
        let first = try store.put(data)
        let second = try store.put(data)
        #expect(first.isNew)
        #expect(!second.isNew)
        #expect(first.id == second.id)
        #expect(try store.read(first.id) == data)
        let path = store.locator(for: first.id)
        #expect(path.hasSuffix("/\(first.id.hex.prefix(2))/\(first.id.hex.dropFirst(2).prefix(2))/\(first.id.hex)"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o444)
        // No temporary file is left beside it.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(siblings == [first.id.hex])
    }

    @Test("a flipped byte is found by read and verify; a missing blob is reported as missing")
    func corruption() throws {
        let store = FileBlobStore(root: root)
        let (id, _) = try store.put(Data(repeating: 7, count: 10_000))
        let path = store.locator(for: id)
        chmod(path, 0o644)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[5_000] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: BlobStoreError.self) { try store.verify(id) }
        #expect(throws: BlobStoreError.self) { _ = try store.read(id) }
        try FileManager.default.removeItem(atPath: path)
        do {
            try store.verify(id)
            Issue.record("verify of a missing blob must throw")
        } catch {
            #expect(error == .missing(id))
        }
    }

    @Test("adopt moves a spooled file in, and drops it when the bytes are already stored")
    func adopt() throws {
        let store = FileBlobStore(root: root)
        let spool = Spool(directory: root.appendingPathComponent("spool"))
        let source = root.appendingPathComponent("scan.bin")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data((0..<200_000).map { UInt8($0 % 251) }).write(to: source)
        let a = try spool.receive(source)
        #expect(a.size == 200_000)
        #expect(a.id == BlobID.of(try Data(contentsOf: source)))
        #expect(try store.adopt(a.url, as: a.id))
        let b = try spool.receive(source)
        #expect(try !store.adopt(b.url, as: b.id))
        #expect(!FileManager.default.fileExists(atPath: b.url.path))
        #expect(try store.allIDs() == [a.id])
    }

    @Test("the spool refuses what is not a regular file and files over the size limit")
    func spoolLimits() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let spool = Spool(directory: root.appendingPathComponent("spool"), maxFileSize: 10)
        #expect(throws: SpoolError.notAFile(root.path)) { _ = try spool.receive(root) }
        let big = root.appendingPathComponent("big")
        try Data(count: 11).write(to: big)
        #expect(throws: SpoolError.self) { _ = try spool.receive(big) }
        #expect(throws: SpoolError.self) { _ = try spool.receive(root.appendingPathComponent("nope")) }
    }
}
