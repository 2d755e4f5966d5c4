import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The notes that make "blobs first, then the rows that name them" safe when the rows never come.
///
/// A filing places its new blobs in the store before it commits the rows that name them, so that a row
/// never names missing bytes. A process killed (or a commit refused, e.g. on a full disk) in between leaves
/// blobs that nothing names. So each writer first notes the ids it is about to place in `pending-blobs`
/// (appended and flushed), and holds a shared lock on that file until its rows are committed. Whoever
/// next gets the lock alone (a writer after its commit, or a command starting) settles the notes: a noted
/// blob that still has no row is taken out of the store again, then the notes are emptied. Taking it out
/// loses nothing: its filing was never acknowledged, and its input is still at its source (the file given
/// to `ingest`, the client that got no answer). The lock makes this safe beside other writers: no one is
/// between placing and committing while it is held alone.
public struct PendingBlobs: Sendable {
    public let file: URL
    let store: any MetadataStore
    let blobs: any BlobStore

    public init(layout: StorageLayout, store: any MetadataStore, blobs: any BlobStore) {
        file = layout.pendingBlobs
        self.store = store
        self.blobs = blobs
    }

    /// Blobs being placed: the notes' shared lock is held until `end()`.
    public struct Placement: Sendable {
        let descriptor: Int32
        let pending: PendingBlobs

        /// Releases the lock (the rows are committed, or will never be), then settles the notes if no
        /// other writer is placing: blobs of this placement that got no row are taken out at once.
        public func end() {
            guard descriptor >= 0 else { return }
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
            pending.settle()
        }
    }

    /// Notes `ids` as about to be placed and takes the shared lock. Throws when the notes cannot be written
    /// (then nothing may be placed).
    public func begin(_ ids: [BlobID]) throws(StorageFailure) -> Placement {
        guard !ids.isEmpty else { return Placement(descriptor: -1, pending: self) }
        let fd = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .lastError(at: file.path) }
        while flock(fd, LOCK_SH) != 0 {
            guard errno == EINTR else {
                let failure = StorageFailure.lastError(at: file.path)
                close(fd)
                throw failure
            }
        }
        let notes = Array(ids.map { $0.hex + "\n" }.joined().utf8)
        let written = notes.withUnsafeBytes { raw in FileIO.writeAll(fd, raw) }
        guard written == 0, fdatasync(fd) == 0 else {
            let failure = StorageFailure(path: file.path, code: written != 0 ? written : errno)
            // A partial line is harmless: settling skips what is not an id.
            _ = flock(fd, LOCK_UN)
            close(fd)
            throw failure
        }
        return Placement(descriptor: fd, pending: self)
    }

    /// Takes out the noted blobs that no row names, and empties the notes, when no writer is placing
    /// (`wait`: until none is). Returns the blobs taken out.
    @discardableResult
    public func settle(wait: Bool = false) -> [BlobID] {
        let fd = open(file.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            guard errno == EINTR else { return [] }
        }
        defer { _ = flock(fd, LOCK_UN) }
        var data = Data()
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, 1 << 16)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            data.append(buffer.assumingMemoryBound(to: UInt8.self), count: n)
        }
        guard !data.isEmpty else { return [] }
        let ids = Set(String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { BlobID(hex: String($0)) })
        var removed: [BlobID] = []
        var settled = true
        for id in ids.sorted() {
            switch Result(catching: { () throws(StoreError) in try store.blob(id) }) {
            case .success(.some): continue
            case .success(.none):
                guard blobs.contains(id) else { continue }
                do {
                    try blobs.discard(id)
                    removed.append(id)
                } catch {
                    settled = false
                }
            case .failure:
                // The database cannot tell now: keep the notes for the next time.
                settled = false
            }
        }
        if settled {
            _ = ftruncate(fd, 0)
            _ = fsync(fd)
        }
        return removed
    }
}
