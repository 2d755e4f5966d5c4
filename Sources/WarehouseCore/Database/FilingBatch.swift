import Foundation

/// Everything one ingest writes, applied in a single transaction so that a crash leaves all or nothing.
public struct FilingBatch: Sendable {
    /// The owner; the party is created on first sight.
    public var owner: OwnerIdentifier
    /// nil: documents filed in the owner's store outside any dossier (archived papers), no components.
    public var dossierCode: String?
    public var procedureCode: String?
    public var agencyCode: String
    public var actor: String
    public var at: Date
    /// Blobs new to the database, with their pages and barcodes.
    public var blobs: [NewBlob]
    /// The documents this ingest files, new or existing.
    public var documents: [DocumentFiling]
    /// One provenance row per input file (including quarantined ones).
    public var filings: [FilingRecord]

    /// A blob new to the database.
    public struct NewBlob: Sendable {
        public var record: BlobRecord
        public var pages: [PageRecord]
        public var barcodes: [BarcodeRecord]
        /// Crops of the pages' handwritten slots.
        public var crops: [SlotCropRecord] = []
    }

    /// A component filed into the dossier and the document that stands for it.
    public struct DocumentFiling: Sendable {
        /// Set to reference a document already in the warehouse (same owner, same files).
        public var existingDocumentId: String?
        /// Set to create a new document; its `id` is fresh, `code` and `ownerPartyId` are filled in at commit.
        public var newDocument: DocumentRecord?
        public var files: [DocumentFile]
        public var fields: [FieldRecord]
        /// Full text for search (all pages, in order).
        public var text: String
        /// Component name in the dossier.
        public var componentName: String
        /// The document code after the owner id: `{procedure}.{component}` or `{result type}.{number}`.
        public var codeStem: String
        /// Which input files (indices into `filings`) belong to this document.
        public var filingIndices: [Int]
        /// With `existingDocumentId`: that document waits in an agency's archive for its owner, and this
        /// filing gives it to the batch's owner (a backfill manifest names them); the move is recorded.
        public var claimsFromArchive = false
    }
}
