import Foundation

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
}

/// What can go wrong in the blob store.
public enum BlobStoreError: Error, Equatable, CustomStringConvertible {
    case missing(BlobID)
    case corrupted(BlobID, actual: BlobID)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let id): "blob \(id.short) is missing from the store; restore it from a backup"
        case .corrupted(let id, let actual):
            "blob \(id.short) is corrupted (its bytes now hash to \(actual.short)); restore it from a backup"
        case .io(let path, let reason): "cannot write or read \(path): \(reason)"
        }
    }
}
