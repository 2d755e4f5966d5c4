import Foundation

/// What the pipeline and the front ends need from the metadata store.
///
/// `WarehouseDatabase` (SQLite through GRDB) is the embedded implementation; a shared PostgreSQL
/// store for several machines implements the same protocol.
public protocol MetadataStore: Sendable {
    func blob(_ id: BlobID) throws(StoreError) -> BlobRecord?
    func pages(ofBlob id: BlobID) throws(StoreError) -> [PageRecord]
    func barcodes(ofBlob id: BlobID) throws(StoreError) -> [BarcodeRecord]
    func page(withPixelDigest digest: String) throws(StoreError) -> PageRecord?
    /// Pages whose perceptual hash is within `maxDistance` bits of `hash`, nearest first.
    func pages(near hash: UInt64, maxDistance: Int) throws(StoreError) -> [PageRecord]
    func documents(containing blob: BlobID) throws(StoreError) -> [StoredDocument]
    func party(for identifier: OwnerIdentifier) throws(StoreError) -> Party?
    func dossier(_ code: String) throws(StoreError) -> Dossier?
    @discardableResult func commit(_ batch: FilingBatch) throws(StoreError) -> [FilingRecord]
    func recordQuarantined(_ filings: [FilingRecord]) throws(StoreError)
    func documentDetail(_ reference: String) throws(StoreError) -> DocumentDetail?
    func search(_ query: String, owner: OwnerIdentifier?, limit: Int) throws(StoreError) -> [SearchHit]
    func blobsByVerification() throws(StoreError) -> [BlobRecord]
    func markVerified(_ ids: [BlobID], at: Date) throws(StoreError)
    func structuralProblems() throws(StoreError) -> [String]
    func counts() throws(StoreError) -> [String: Int]
    /// Breaks in the access log's hash chain.
    func accessLogProblems() throws(StoreError) -> [String]

    // MARK: Results
    /// The next `n` for `{dossier}-KQ{n}`.
    func nextResultNumber(dossier: String) throws(StoreError) -> Int
    /// Files an issued result and its sealed copy's blob row.
    func recordResult(_ result: ResultRecord, sealedBlob: BlobRecord) throws(StoreError)
    func result(_ code: String) throws(StoreError) -> ResultRecord?
    /// The results issued from the original with this SHA-256, oldest first.
    func results(originalBlobId: String) throws(StoreError) -> [ResultRecord]
    /// Marks a result revoked; returns false when there is no such result.
    func revoke(_ code: String, reason: String, by actor: String, at: Date) throws(StoreError) -> Bool
}

/// What can go wrong in the metadata store.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case database(String)
    case conflict(String)
    /// The database's file system refused: full, read-only, failing.
    case storage(StorageFailure)

    public var description: String {
        switch self {
        case .database(let why): "database error: \(why)"
        case .conflict(let why): why
        case .storage(let failure): failure.description
        }
    }
}

/// A document as stored, with its files, fields, owner and text.
public struct StoredDocument: Sendable {
    public var document: DocumentRecord
    public var files: [DocumentFile]
    public var fields: [FieldRecord]
    public var ownerIdentifiers: [PartyIdentifier]
    public var text: String
}

/// Everything `show` prints about one document.
public struct DocumentDetail: Sendable {
    public var stored: StoredDocument
    public var blobs: [BlobRecord]
    public var pages: [PageRecord]
    public var barcodes: [BarcodeRecord]
    public var components: [ComponentRecord]
    public var dossiers: [Dossier]
    public var filings: [FilingRecord]
    /// Results issued from this document, with their seals.
    public var results: [ResultRecord]
    /// Its moves from one owner to another (out of an agency archive), oldest first.
    public var assignments: [OwnerAssignmentRecord] = []
    /// The first identifier (`kind value`) of each party those moves name, by party id.
    public var assignmentOwners: [String: String] = [:]
}

/// One search result.
public struct SearchHit: Sendable {
    public var document: DocumentRecord
    public var ownerIdentifiers: [PartyIdentifier]
    /// True when the query matched with its diacritics as typed; false when only the folded form matched.
    public var exact: Bool
    public var snippet: String
}

extension OwnerIdentifier {
    /// The party kind of DOMAIN.md §6 `LoaiDoiTuong`: a tax code belongs to an organisation, an agency code
    /// to a state agency (3, cơ quan nhà nước).
    var partyKind: Int {
        switch self {
        case .mst: 2
        case .agency: 3
        default: 1
        }
    }
}
