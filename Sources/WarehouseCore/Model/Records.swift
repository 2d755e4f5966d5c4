import Foundation
import GRDB

// One record type per table; property names are the column names.

/// A person or organisation that owns documents (`party`).
public struct Party: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var id: String
    /// 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 khác (DOMAIN.md §6 LoaiDoiTuong).
    public var kind: Int
    public var name: String?
    public var createdAt: Date
}

/// One identifier of a party: CCCD, CMND, MST, passport (`partyIdentifier`).
public struct PartyIdentifier: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var id: Int64?
    public var partyId: String
    public var kind: String
    public var value: String
    /// How it was learnt: `input` (typed at the desk), `ocr`, `barcode`.
    public var verifiedVia: String

}

/// A one-stop dossier (`dossier`): who and what it is for, and where it stands in its lifecycle.
///
/// The lifecycle columns (status and dates) are kept by `WarehouseDatabase.recordStatus`, in the
/// same transaction as the `dossierEvent` row of each change; the events are the history, these
/// columns the current state (DOMAIN.md §9.3).
public struct Dossier: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var code: String
    public var procedureCode: String
    public var agencyCode: String
    public var ownerPartyId: String
    public var createdAt: Date
    public var createdBy: String
    /// `KenhThucHien`: 1 at the counter, 2 online, 3 by post.
    public var channel: SubmissionChannel
    /// `TrangThaiHoSo` 1–10.
    public var status: DossierStatus
    /// Processing time in working days from acceptance (`ProcessingDeadline.workingDays`).
    public var deadlineDays: Int?
    /// A due date fixed at intake (`ProcessingDeadline.dueDate`); nil with nil `deadlineDays`: no deadline.
    public var deadlineOn: CalendarDate?
    /// Entered 1, filed (`NgayNopHoSo`).
    public var registeredAt: Date?
    /// Entered 2, accepted (`NgayTiepNhan`).
    public var receivedAt: Date?
    /// The due date (`NgayHenTra`, moved by clock stops) as of the last status change.
    public var dueOn: CalendarDate?
    /// Entered 9, processing finished (`NgayKetThucXuLy`).
    public var finishedAt: Date?
    /// Entered 10, result returned (`NgayTra`).
    public var returnedAt: Date?
    /// Entered 3, refused at intake (`NgayTuChoi`).
    public var refusedAt: Date?
    /// Entered 7, withdrawn.
    public var withdrawnAt: Date?

    /// The processing deadline these columns hold.
    public var deadline: ProcessingDeadline {
        if let deadlineDays { return .workingDays(deadlineDays) }
        if let deadlineOn { return .dueDate(deadlineOn) }
        return .noDeadline
    }
}

/// One status change of a dossier (`dossierEvent`), append-only: the database refuses to change or
/// delete a row. Maps to `CapNhatTienDoHoSoMC` (DOMAIN.md §6).
public struct DossierEventRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dossierEvent"
    public var id: Int64?
    public var dossierCode: String
    /// 1, 2, … per dossier, in the order of the history.
    public var seq: Int
    /// The status entered (`TrangThai`).
    public var status: DossierStatus
    /// The status left; nil for the first event.
    public var previousStatus: DossierStatus?
    /// When it happened (`ThoiDiemXuLy`); earlier than `recordedAt` for a history loaded afterwards.
    public var at: Date
    /// When it was written.
    public var recordedAt: Date
    /// Who made the change (`NguoiXuLy`): an account id or the command line's user.
    public var actor: String
    /// What was done or why (`NoiDungXuLy`).
    public var note: String?
    /// The due date right after the change (`NgayKetThucTheoQuyDinh`).
    public var dueOn: CalendarDate?
}

/// A stored original file (`blob`); the bytes live in the blob store under `id`.
public struct BlobRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "blob"
    /// SHA-256, hex.
    public var id: String
    public var size: Int64
    public var mime: String
    public var pageCount: Int
    public var createdAt: Date
    /// When `check` last re-hashed it.
    public var verifiedAt: Date?
}

/// One page of a blob, with what OCR (or the PDF text layer) read on it (`page`).
public struct PageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "page"
    public var blobId: String
    /// 1-based.
    public var number: Int
    public var width: Int
    public var height: Int
    public var dpi: Int
    /// SHA-256 of the decoded grey pixels: finds the same page saved in another format.
    public var pixelDigest: String
    /// dHash of the page (bit pattern of a UInt64): near for re-scans of the same paper.
    public var perceptualHash: Int64
    public var text: String
    /// Mean OCR word confidence 0...100 (100 for a trusted PDF text layer).
    public var confidence: Double
    /// `ocr`, `pdf-text`, or `pdf-text+ocr` (a text layer's words where it had them, OCR for the rest).
    public var textSource: String
    public var skewAngle: Double
    /// Quarter turns applied before OCR.
    public var rotation: Int
    public var ocrSeconds: Double
    public var engine: String
    public var pipelineVersion: String
    /// Lines with regions and sources, handwritten slots, text-layer coverage; nil for pages filed before
    /// pipeline `ingest/2`.
    public var analysis: PageAnalysis?

    public init(
        blobId: String, number: Int, width: Int, height: Int, dpi: Int, pixelDigest: String, perceptualHash: Int64, text: String,
        confidence: Double, textSource: String, skewAngle: Double, rotation: Int, ocrSeconds: Double, engine: String,
        pipelineVersion: String, analysis: PageAnalysis? = nil
    ) {
        self.blobId = blobId
        self.number = number
        self.width = width
        self.height = height
        self.dpi = dpi
        self.pixelDigest = pixelDigest
        self.perceptualHash = perceptualHash
        self.text = text
        self.confidence = confidence
        self.textSource = textSource
        self.skewAngle = skewAngle
        self.rotation = rotation
        self.ocrSeconds = ocrSeconds
        self.engine = engine
        self.pipelineVersion = pipelineVersion
        self.analysis = analysis
    }
}

/// The crop of a page's number or date blank (`slotCrop`), PNG, shown to the clerk beside the field.
public struct SlotCropRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "slotCrop"
    public var blobId: String
    public var pageNumber: Int
    /// `number`, `day` or `month`.
    public var kind: String
    public var png: Data
}

/// A barcode read on a page (`barcode`).
public struct BarcodeRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "barcode"
    public var id: Int64?
    public var blobId: String
    public var pageNumber: Int
    public var symbology: String
    public var payload: String

}

/// One logical digitised document of the provincial warehouse (`document`); an owner's personal
/// store is the set of documents whose `ownerPartyId` is theirs.
public struct DocumentRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "document"
    public var id: String
    /// Warehouse code `{owner}.{procedure}.{component}.{NN}` (DOMAIN.md §3.6).
    public var code: String
    /// 0 thành phần (component), 1 kết quả (result), 2 chứng thực, 3 tự tải lên.
    public var kind: Int
    public var ownerPartyId: String
    public var docType: String
    public var typeConfidence: Double
    /// The component name given at the desk, or the document type's name.
    public var title: String
    public var pageCount: Int
    public var meanConfidence: Double
    /// `auto` (fields trusted), `needs-review` (low confidence or failed validation), `reviewed`.
    public var reviewStatus: String
    /// `basic` or `sensitive` (CCCD images, criminal records: Decree 356/2025 Art. 4).
    public var sensitivity: String
    public var createdAt: Date
    public var createdBy: String
    public var agencyCode: String
    public var procedureCode: String
    public var pipelineVersion: String
    public var engine: String
    /// True while the document waits in an agency's own archive for its owner: the owner was to be read
    /// from the paper and it names none (`warehouse unassigned` lists these, `warehouse assign` resolves them).
    public var ownerUnassigned: Bool = false
}

/// One move of a document to another owner (`ownerAssignment`), append-only: the database refuses to
/// change or delete a row.
public struct OwnerAssignmentRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ownerAssignment"
    public var id: Int64?
    public var documentId: String
    public var fromPartyId: String
    public var toPartyId: String
    /// The document's code before and after (`{owner}.{stem}.{NN}`): the code names its owner.
    public var fromCode: String
    public var toCode: String
    /// The document was waiting in an agency archive for an owner.
    public var wasUnassigned: Bool
    /// An account id, the command line's `--actor`, or the backfill's.
    public var actor: String
    public var at: Date
    /// `assign` (a clerk) or `manifest` (a backfill whose manifest names the owner of a paper in the archive).
    public var via: String
}

/// The files a document is made of, in order (`documentFile`).
public struct DocumentFile: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var documentId: String
    public var seq: Int
    public var blobId: String
    public var fileName: String
}

/// An extracted field of a document (`field`).
public struct FieldRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "field"
    public var documentId: String
    public var name: String
    public var value: String
    public var confidence: Double
    public var source: String
    public var flags: [String]
    /// Where the value was read (a slot's crop), for the clerk to check it.
    public var evidence: FieldEvidence?

    public init(
        documentId: String, name: String, value: String, confidence: Double, source: String, flags: [String], evidence: FieldEvidence? = nil
    ) {
        self.documentId = documentId
        self.name = name
        self.value = value
        self.confidence = confidence
        self.source = source
        self.flags = flags
        self.evidence = evidence
    }

    /// The field as extraction describes it.
    public var extracted: ExtractedField {
        ExtractedField(value: value, confidence: confidence, source: FieldSource(rawValue: source) ?? .ocr, flags: flags, evidence: evidence)
    }
}

/// A component of a dossier, pointing at the document that stands for it (`component`).
public struct ComponentRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "component"
    public var id: Int64?
    public var dossierCode: String
    public var name: String
    public var documentId: String
    /// True when the document was already in the warehouse (nothing scanned or stored again).
    public var reused: Bool
    public var createdAt: Date
    public var createdBy: String

}

/// An issued electronic result with its seal (`result`): filed as `{dossier}-KQ{n}`.
public struct ResultRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "result"
    public var resultCode: String
    public var dossierCode: String
    public var n: Int
    public var resultType: String
    public var documentId: String
    /// The unsealed document as received (its SHA-256 is in the seal).
    public var originalBlobId: String
    /// The sealed, searchable PDF.
    public var sealedBlobId: String
    public var payload: String
    public var keyId: String
    public var documentName: String
    public var number: String?
    public var issuedAt: Date
    public var issuedBy: String
    /// yyyy-MM-dd, the last day of validity; nil when permanent or unstated.
    public var validUntil: String?
    public var permanent: Bool
    public var scope: String?
    /// Where the seal was drawn on page 1.
    public var sealFrame: PixelRect
    public var revokedAt: Date?
    public var revokedBy: String?
    public var revokedReason: String?
}

/// One input file handed to `ingest`, whatever became of it: the provenance trail (`filing`).
public struct FilingRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "filing"
    public var id: Int64?
    public var at: Date
    public var actor: String
    public var agencyCode: String
    public var fileName: String
    public var sha256: String?
    public var documentId: String?
    public var dossierCode: String?
    /// `filed`, `reused`, `quarantined`.
    public var status: String
    public var error: String?
    public var errorCode: String?
    public var quarantinePath: String?
    public var pipelineVersion: String

}

// MARK: - Column values

// Codes and dates are stored as their plain values: the status and channel numbers of the DVCQG code
// lists, dates as `yyyy-MM-dd`.

extension DossierStatus: DatabaseValueConvertible {}
extension SubmissionChannel: DatabaseValueConvertible {}

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init(iso:))
    }
}
