import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Blobs as read-only files under `root/ab/cd/abcdef…`, written temp → fsync → rename → fsync directory.
///
/// The temporary files are written in `staging` (the warehouse's `tmp/`, on the same file system), so that
/// `root` never holds anything but whole blobs, whenever the process is killed.
public struct FileBlobStore: BlobStore {
    public let root: URL
    /// Where blobs are written before they are renamed into `root`; nil writes them beside their final name.
    public let staging: URL?

    public init(root: URL, staging: URL? = nil) {
        self.root = root
        self.staging = staging
    }

    /// The blob store of a warehouse: `blobs/`, staged in `tmp/`.
    public init(layout: StorageLayout) {
        self.init(root: layout.blobs, staging: layout.scratch)
    }

    func path(for id: BlobID) -> URL {
        let hex = id.hex
        return root.appendingPathComponent(String(hex.prefix(2)))
            .appendingPathComponent(String(hex.dropFirst(2).prefix(2)))
            .appendingPathComponent(hex)
    }

    public func locator(for id: BlobID) -> String { path(for: id).path }

    public func contains(_ id: BlobID) -> Bool {
        FileManager.default.fileExists(atPath: path(for: id).path)
    }

    public func size(of id: BlobID) -> Int64? {
        var st = stat()
        guard stat(path(for: id).path, &st) == 0 else { return nil }
        return Int64(st.st_size)
    }

    @discardableResult
    public func adopt(_ file: URL, as id: BlobID) throws(BlobStoreError) -> Bool {
        let dest = path(for: id)
        if contains(id) {
            unlink(file.path)
            return false
        }
        let dir = dest.deletingLastPathComponent()
        try FileIO.makeDirectory(dir)
        // The spool file was fsynced when it was written; a rename on the same file system is atomic.
        chmod(file.path, 0o444)
        guard rename(file.path, dest.path) == 0 else {
            let code = errno
            if code == EXDEV {
                // Spool on another file system: copy instead.
                let data: Data
                do { data = try Data(contentsOf: file) } catch { throw .system(file.path, code) }
                try FileIO.writeAtomically(data, to: dest, staging: staging)
                unlink(file.path)
                return true
            }
            throw .system(dest.path, code)
        }
        try FileIO.syncDirectory(dir)
        return true
    }

    @discardableResult
    public func put(_ data: Data) throws(BlobStoreError) -> (id: BlobID, isNew: Bool) {
        let id = BlobID.of(data)
        if contains(id) { return (id, false) }
        try FileIO.writeAtomically(data, to: path(for: id), staging: staging)
        return (id, true)
    }

    public func discard(_ id: BlobID) throws(BlobStoreError) {
        let url = path(for: id)
        guard unlink(url.path) == 0 || errno == ENOENT else { throw .system(url.path) }
        try FileIO.syncDirectory(url.deletingLastPathComponent())
    }

    public func read(_ id: BlobID) throws(BlobStoreError) -> Data {
        let url = path(for: id)
        guard contains(id) else { throw .missing(id) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .io(path: url.path, reason: error.localizedDescription) }
        let actual = BlobID.of(data)
        guard actual == id else { throw .corrupted(id, actual: actual) }
        return data
    }

    public func verify(_ id: BlobID) throws(BlobStoreError) {
        let url = path(for: id)
        guard contains(id) else { throw .missing(id) }
        let actual = try FileIO.hashFile(url).id
        guard actual == id else { throw .corrupted(id, actual: actual) }
    }

    public func allIDs() throws(BlobStoreError) -> [BlobID] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var ids: [BlobID] = []
        for case let url as URL in walker {
            if let id = BlobID(hex: url.lastPathComponent) { ids.append(id) }
        }
        return ids.sorted()
    }
}
