import Foundation
import GRDB

/// A consistent copy of a warehouse, taken while it is in use, and its restore.
///
/// The two SQLite files are copied with SQLite's online backup API (a snapshot, whatever the service
/// writes meanwhile), into a temporary file renamed into place. Then the blobs that the copied database
/// names are copied, each verified against its hash. A blob is never changed or deleted once written,
/// so copying after the snapshot is consistent. Blobs already at the destination are skipped, which
/// makes a second backup incremental. The seal keys and the quarantine are copied too.
public enum WarehouseBackup {
    public struct Report: Sendable, Codable {
        public var source: String
        public var destination: String
        public var blobs = 0
        public var blobsCopied = 0
        public var bytesCopied: Int64 = 0
        public var otherFilesCopied = 0
        /// Blobs named by the database that are missing or damaged at the source: not copied.
        public var problems: [String] = []
        public var seconds = 0.0
    }

    /// Copies the warehouse at `source` (open as `store`) into `destination`, a backup directory.
    public static func backup(_ store: WarehouseDatabase, from source: StorageLayout, to destination: StorageLayout) throws -> Report {
        try copy(from: source, to: destination) { url, logURL in
            try snapshot(store.writer, to: url)
            try snapshot(store.logWriter, to: logURL)
        }
    }

    /// Brings a backup back into `target`, which must not hold a warehouse yet.
    public static func restore(from backup: StorageLayout, into target: StorageLayout) throws -> Report {
        guard FileManager.default.fileExists(atPath: backup.database.path) else {
            throw BackupError("\(backup.root.path) holds no warehouse backup (no warehouse.sqlite)")
        }
        guard !FileManager.default.fileExists(atPath: target.database.path) else {
            throw BackupError("\(target.root.path) already holds a warehouse: restore into an empty directory")
        }
        var readOnly = Configuration()
        readOnly.readonly = true
        return try copy(from: backup, to: target) { url, logURL in
            try snapshot(DatabaseQueue(path: backup.database.path, configuration: readOnly), to: url)
            if FileManager.default.fileExists(atPath: backup.accessLogDatabase.path) {
                try snapshot(DatabaseQueue(path: backup.accessLogDatabase.path, configuration: readOnly), to: logURL)
            }
        }
    }

    /// SQLite's online backup of `source` into a new file at `url`, left as one self-contained file.
    private static func snapshot(_ source: some DatabaseReader, to url: URL) throws {
        let copy = try DatabaseQueue(path: url.path)
        try source.backup(to: copy)
        try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try copy.close()
    }

    private static func copy(
        from source: StorageLayout, to destination: StorageLayout, databases: (URL, URL) throws -> Void
    ) throws -> Report {
        let started = Date()
        var report = Report(source: source.root.path, destination: destination.root.path)
        try destination.create()
        // 1. The databases, into temporary names first: an interrupted copy never looks like a backup.
        let suffix = ".partial-\(UUID().uuidString.prefix(8))"
        let db = URL(fileURLWithPath: destination.database.path + suffix)
        let log = URL(fileURLWithPath: destination.accessLogDatabase.path + suffix)
        defer {
            for url in [db, log] { try? FileManager.default.removeItem(at: url) }
        }
        try databases(db, log)
        // 2. The blobs the copied database names.
        let names = try DatabaseQueue(path: db.path).read { db in try String.fetchAll(db, sql: "SELECT id FROM blob ORDER BY id") }
        let from = FileBlobStore(root: source.blobs)
        let to = FileBlobStore(layout: destination)
        for name in names {
            guard let id = BlobID(hex: name) else { continue }
            report.blobs += 1
            if to.contains(id) { continue }
            do {
                let data = try from.read(id)  // verifies the hash
                try to.put(data)
                report.blobsCopied += 1
                report.bytesCopied += Int64(data.count)
            } catch {
                report.problems.append("blob \(id.short): \(error)")
            }
        }
        // 3. Seal keys (kept private) and the quarantine.
        report.otherFilesCopied += try copyNewFiles(from: source.keys, to: destination.keys)
        report.otherFilesCopied += try copyNewFiles(from: source.quarantine, to: destination.quarantine)
        // 4. The databases last, under their real names: the copy is complete once they are there.
        for (partial, final) in [(db, destination.database), (log, destination.accessLogDatabase)]
        where FileManager.default.fileExists(atPath: partial.path) {
            for stale in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: final.path + stale) }
            try FileManager.default.moveItem(at: partial, to: final)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Copies the files of `source` that `destination` lacks, keeping their permissions.
    private static func copyNewFiles(from source: URL, to destination: URL) throws -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: source.path) else { return 0 }
        if !manager.fileExists(atPath: destination.path) {
            try manager.createDirectory(at: destination, withIntermediateDirectories: true)
            if let mode = try? manager.attributesOfItem(atPath: source.path)[.posixPermissions] {
                try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: destination.path)
            }
        }
        var copied = 0
        for name in names.sorted() where !manager.fileExists(atPath: destination.appendingPathComponent(name).path) {
            try manager.copyItem(at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            copied += 1
        }
        return copied
    }
}

public struct BackupError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
