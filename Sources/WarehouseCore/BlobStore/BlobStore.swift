import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Immutable, content-addressed storage of original bytes.
///
/// The file system store is the default; an object store (S3-compatible) fits behind the same protocol.
public protocol BlobStore: Sendable {
    /// Moves a spooled file whose hash is already known into the store.
    /// Returns true when the blob is new, false when the store already had those bytes (the file is then removed).
    @discardableResult
    func adopt(_ file: URL, as id: BlobID) throws(BlobStoreError) -> Bool
    /// Stores bytes held in memory; returns the id and whether they were new.
    @discardableResult
    func put(_ data: Data) throws(BlobStoreError) -> (id: BlobID, isNew: Bool)
    /// Reads a blob and checks that its bytes still hash to its name.
    func read(_ id: BlobID) throws(BlobStoreError) -> Data
    /// Re-hashes a blob in a streaming pass; throws `.missing` or `.corrupted`.
    func verify(_ id: BlobID) throws(BlobStoreError)
    func contains(_ id: BlobID) -> Bool
    /// Every blob id present, for orphan detection.
    func allIDs() throws(BlobStoreError) -> [BlobID]
    /// Size in bytes, nil when missing.
    func size(of id: BlobID) -> Int64?
    /// Where a blob lives, for humans and for `show`.
    func locator(for id: BlobID) -> String
    /// Takes out a blob that no row names: one placed for a filing that never committed (`PendingBlobs`).
    /// Nothing else removes a blob.
    func discard(_ id: BlobID) throws(BlobStoreError)
}

/// What can go wrong in the blob store.
public enum BlobStoreError: Error, Equatable, CustomStringConvertible {
    case missing(BlobID)
    case corrupted(BlobID, actual: BlobID)
    /// A system call failed; `code` is its `errno` (0 when unknown).
    case io(path: String, reason: String, code: Int32 = 0)

    public var description: String {
        switch self {
        case .missing(let id): "blob \(id.short) is missing from the store; restore it from a backup"
        case .corrupted(let id, let actual):
            "blob \(id.short) is corrupted (its bytes now hash to \(actual.short)); restore it from a backup"
        case .io(let path, let reason, _): "cannot write or read \(path): \(reason)"
        }
    }

    /// The failure of the system call that just returned, with its `errno`.
    static func system(_ path: String, _ code: Int32 = errno) -> BlobStoreError {
        .io(path: path, reason: FileIO.errnoText(code), code: code)
    }

    /// A write or read the file system refused, as the storage's failure (full, read-only, failing); nil
    /// for missing or damaged bytes.
    public var storageFailure: StorageFailure? {
        guard case .io(let path, let reason, let code) = self else { return nil }
        return StorageFailure(path: path, code: code == 0 ? EIO : code, reason: reason)
    }
}
