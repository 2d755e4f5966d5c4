import Foundation

/// Where everything of one warehouse lives on disk.
///
/// ```
/// ROOT/warehouse.sqlite   metadata (GRDB, WAL)
/// ROOT/warehouse-access-log.sqlite   the hash-chained access log (its own file: appended on every read)
/// ROOT/blobs/ab/cd/…      original bytes, content-addressed
/// ROOT/spool/             received bytes not yet filed
/// ROOT/quarantine/        inputs that could not be filed, each with a reason file
/// ROOT/keys/              seal-signing keys (keys.json public, <id>.ed25519 private, 0600)
/// ROOT/calendar.json      the working calendar for due dates, when it differs from the bundled one
/// ROOT/tmp/               files being written (blobs before their rename, uploads, sealed PDFs)
/// ROOT/pending-blobs      blobs being placed before their rows are committed (`PendingBlobs`)
/// ```
public struct StorageLayout: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The directory chosen by `--storage`, else `$WAREHOUSE_STORAGE`, else `./Storage`.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> StorageLayout {
        let path = option ?? environment["WAREHOUSE_STORAGE"] ?? "Storage"
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return StorageLayout(root: URL(fileURLWithPath: path, isDirectory: true, relativeTo: cwd))
    }

    public var database: URL { root.appendingPathComponent("warehouse.sqlite") }
    /// The access log's file (`WarehouseDatabase.accessLogURL(for: database)`).
    public var accessLogDatabase: URL { WarehouseDatabase.accessLogURL(for: database) }
    public var blobs: URL { root.appendingPathComponent("blobs", isDirectory: true) }
    public var spool: URL { root.appendingPathComponent("spool", isDirectory: true) }
    public var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    /// Seal-signing keys: private keys 0600 in a 0700 directory.
    public var keys: URL { root.appendingPathComponent("keys", isDirectory: true) }
    /// Scratch space for files being written (blobs before their rename, uploads, sealed PDFs).
    public var scratch: URL { root.appendingPathComponent("tmp", isDirectory: true) }
    /// A new scratch path for this process to write under `tmp/` (`.{label}-{pid}-{unique}`): removed by
    /// `StorageRecovery` if the process is killed before it removes it itself. `label` has no `-`.
    public func newScratch(_ label: String) -> URL {
        scratch.appendingPathComponent(FileIO.temporaryName(label), isDirectory: true)
    }

    /// The notes of blobs placed before their rows are committed (`PendingBlobs`).
    public var pendingBlobs: URL { root.appendingPathComponent("pending-blobs") }

    /// The warehouse's own working calendar (`vn-working-calendar/1`, see `WorkingCalendar.init(json:)`):
    /// copy `scripts/calendar/vn-civil-service-2024-2026.json` here and edit it when the Government
    /// announces days off the bundled calendar does not have.
    public var calendar: URL { root.appendingPathComponent("calendar.json") }

    /// The rules behind every due date: ``calendar`` when the file exists, else the bundled calendar.
    ///
    /// - Throws: ``CalendarFileError`` naming the file when it cannot be read or is not a valid calendar.
    public func dossierLifecycle() throws(CalendarFileError) -> DossierLifecycle {
        guard FileManager.default.fileExists(atPath: calendar.path) else { return .standard }
        let data: Data
        do { data = try Data(contentsOf: calendar) } catch { throw CalendarFileError(path: calendar.path, reason: error.localizedDescription) }
        do {
            return DossierLifecycle(calendar: try WorkingCalendar(json: data))
        } catch {
            throw CalendarFileError(path: calendar.path, reason: error.description)
        }
    }

    /// Creates the directories that do not exist yet.
    public func create() throws(BlobStoreError) {
        for dir in [root, blobs, spool, quarantine] {
            try FileIO.makeDirectory(dir)
        }
    }
}

/// The warehouse's calendar file could not be used.
public struct CalendarFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String {
        "the working calendar \(path) cannot be used: \(reason)"
    }
}
