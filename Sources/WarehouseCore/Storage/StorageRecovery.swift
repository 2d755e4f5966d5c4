import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts a warehouse back in order after a process was killed (or the machine lost power) while writing.
///
/// Every write is made so that a kill at any moment leaves the warehouse consistent: SQLite commits whole
/// transactions (WAL); a blob is written under a temporary name outside `blobs/` and renamed in whole; the
/// rows naming blobs are committed after them, and the blobs are noted first (`PendingBlobs`). What a kill
/// can leave is therefore litter, never damage: files of the dead process under temporary names
/// (`.{label}-{pid}.{start}-…` in `spool/`, `tmp/`, `quarantine/`, `keys/`) and blobs placed for a filing that
/// never committed. `run()` removes both; every command that writes runs it first. It never touches what
/// a live process is writing (a name tells its process by id and start time, not fooled by a reused id).
public struct StorageRecovery {
    let layout: StorageLayout
    let pending: PendingBlobs

    public init(layout: StorageLayout, store: any MetadataStore, blobs: any BlobStore) {
        self.layout = layout
        pending = PendingBlobs(layout: layout, store: store, blobs: blobs)
    }

    /// What was cleaned up.
    public struct Report: Sendable, Equatable {
        /// Temporary files and directories of processes that are gone.
        public var temporaryFiles: [String] = []
        /// Blobs placed for filings that never committed, taken out of the store.
        public var blobsTakenOut: [BlobID] = []

        public var isEmpty: Bool { temporaryFiles.isEmpty && blobsTakenOut.isEmpty }
    }

    @discardableResult
    public func run() -> Report {
        var report = Report()
        for directory in [layout.spool, layout.scratch, layout.quarantine, layout.keys] {
            report.temporaryFiles += Self.sweep(directory)
        }
        report.blobsTakenOut = pending.settle()
        return report
    }

    /// Removes the entries of `directory` named by `FileIO.temporaryName` whose process is gone.
    static func sweep(_ directory: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let writer = FileIO.writer(ofTemporary: name), writer.pid != getpid(), writer.isGone else { continue }
            let url = directory.appendingPathComponent(name)
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(url.path) }
        }
        return removed
    }
}
