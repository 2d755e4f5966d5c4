import Foundation

/// Desk work in progress on a warehouse, visible to other processes: a desk `ingest` or the server's
/// upload handling leaves a marker file in `ROOT/busy/` while it works, and a backfill waits between
/// its batches while any marker of a live process is there. The desk's jobs go first.
public struct DeskActivity: Sendable {
    public let directory: URL

    public init(layout: StorageLayout) {
        directory = layout.root.appendingPathComponent("busy", isDirectory: true)
    }

    /// Marks desk work as running until the returned marker is ended.
    public func begin() -> Marker {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("desk-\(getpid())-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return Marker(url: url)
    }

    public struct Marker: Sendable {
        let url: URL

        public func end() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Whether a live process is doing desk work; markers of processes that died are removed.
    public func isBusy() -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return false }
        var busy = false
        for name in names where name.hasPrefix("desk-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 2, let pid = Int32(parts[1]) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM {
                busy = true
            } else {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        return busy
    }
}
