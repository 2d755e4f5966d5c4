import Foundation

/// Scanned files of one dossier for one owner, as the desk hands them in; or, for a backfill without a
/// manifest, one archived paper whose owner is read from the paper and that belongs to no dossier.
public struct IngestRequest: Sendable {
    public var files: [URL]
    /// nil: read from the paper (its citizen ID, tax code or old ID number), for a request of one file, and
    /// left for review; a paper that names none is filed in the agency's own archive (`OwnerIdentifier.agency`),
    /// marked unassigned until a clerk gives it its owner.
    public var owner: OwnerIdentifier?
    /// nil with `dossier`: an archived paper filed in its owner's store outside any dossier.
    public var procedure: ProcedureCode?
    public var dossier: DossierCode?
    /// The receiving agency (the desk's).
    public var agency: AgencyCode
    /// When set, all the files together form this one component (e.g. "Tờ khai", two pages scanned
    /// separately); when nil, each file is a component of its own named after its document type.
    public var component: String?
    /// Who is filing (clerk account, or the script's name).
    public var actor: String
    /// 0 thành phần (component), 1 kết quả (result).
    public var kind: Int
    /// The document code after the owner id; default `{procedure}.{document type}` (DOMAIN.md §3.6),
    /// for results `{result type}.{số ký hiệu}`.
    public var codeStem: String?
    /// Where to write each file's searchable PDF, in the order of `files`; empty for none. Needs a pipeline
    /// made with `searchablePDF` settings and a `SearchablePDF` writer.
    public var searchablePDFs: [URL] = []
    /// With `owner`: a paper of the same bytes that waits in an agency archive for its owner moves to this
    /// owner (recorded) instead of being copied for them. A backfill whose manifest names the owner of what an
    /// earlier run without a manifest filed sets it; the desk does not (an agency's own letter handed in with
    /// a dossier stays the agency's).
    public var claimsFromArchive = false
    /// Most pixels the request's pages may have together (a desk upload: one upload must not hold the OCR
    /// workers for minutes); the files whose pages pass it are quarantined with the reason, to be sent again on
    /// their own. nil: no bound (the command line, a backfill, which bounds its batches itself).
    public var pixelBudget: Int?

    public init(
        files: [URL], owner: OwnerIdentifier?, procedure: ProcedureCode?, dossier: DossierCode?, agency: AgencyCode,
        component: String? = nil, actor: String, kind: Int = 0, codeStem: String? = nil
    ) {
        self.kind = kind
        self.codeStem = codeStem
        self.files = files
        self.owner = owner
        self.procedure = procedure
        self.dossier = dossier
        self.agency = agency
        self.component = component
        self.actor = actor
    }
}

/// What became of one input file. The JSON keys are a stable interface for scripts.
public struct FileOutcome: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// New bytes: decoded, read and filed.
        case filed
        /// Bytes already in the warehouse: filed as a new reference, nothing decoded or read again.
        case reused
        /// Not filed: the original bytes are kept in quarantine with the reason.
        case quarantined
    }

    /// Another copy of this paper already in the warehouse.
    public struct Duplicate: Sendable, Codable, Equatable {
        /// `same-bytes` (identical file), `same-pixels` (same page images in another encoding) or
        /// `likely-rescan` (looks like the same paper scanned again, same key fields: the clerk confirms).
        public var kind: String
        public var document: String?
    }

    public var file: String
    public var status: Status
    public var document: String?
    public var documentCode: String?
    public var sha256: String?
    public var format: String?
    public var pages: Int
    public var docType: String?
    public var fields: [String: ExtractedField]
    public var text: String
    public var meanConfidence: Double?
    public var reviewStatus: String?
    public var duplicate: Duplicate?
    public var warnings: [String]
    /// For quarantined files: one sentence naming the cause.
    public var error: String?
    /// For quarantined files: a stable code (`empty`, `not-a-document`, `truncated`, `encrypted`, …).
    public var errorCode: String?
    /// Where the original bytes were kept.
    public var quarantinedAt: String?
    /// The searchable PDF written for this file, when the request asked for one.
    public var searchablePDF: String?
    public var seconds: Double
    /// Pages of this file decoded and read (OCR, or a trusted PDF text layer) in this run: 0 for bytes
    /// already in the warehouse, and counted also for a file quarantined after its pages were read.
    public var pagesRead = 0
    /// The document waits in the agency's own archive for its owner: the paper names no citizen or
    /// organisation (`warehouse unassigned` lists it, `warehouse assign` gives it its owner).
    public var ownerUnassigned = false
    /// The paper waited in an agency's archive for its owner and now went to the request's owner (recorded).
    public var movedFromArchive = false
    /// The identifier of the owner the document is filed for (an agency code for the agency's archive).
    public var owner: String?
}

/// The outcome of one `ingest`.
public struct IngestReport: Sendable, Codable {
    /// nil for archived papers filed outside any dossier.
    public var dossier: String?
    /// The owner's identifier; the agency code when the paper named no owner and went to the agency's
    /// archive; nil when nothing was filed and the owner was to be read from the paper.
    public var owner: String?
    /// `cccd`, `cmnd`, `mst`, `passport`, or `agency` (the agency's own archive).
    public var ownerKind: String?
    public var files: [FileOutcome]
    public var seconds: Double

    public init(dossier: String?, owner: String?, files: [FileOutcome], seconds: Double, ownerKind: String? = nil) {
        self.dossier = dossier
        self.owner = owner
        self.ownerKind = ownerKind
        self.files = files
        self.seconds = seconds
    }

    public var filed: Int { files.filter { $0.status == .filed }.count }
    public var reused: Int { files.filter { $0.status == .reused }.count }
    public var quarantined: Int { files.filter { $0.status == .quarantined }.count }
}
