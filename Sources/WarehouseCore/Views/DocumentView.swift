import Foundation

/// A document as shown to people and scripts (`show --json`, later the API).
public struct DocumentView: Sendable, Codable {
    public struct Owner: Sendable, Codable, Equatable {
        public var kind: String
        public var value: String
    }

    public struct File: Sendable, Codable {
        public var seq: Int
        public var name: String
        public var sha256: String
        public var size: Int64?
        public var mime: String?
        public var pages: Int?
        public var storedAt: String
    }

    public struct Page: Sendable, Codable {
        public var file: Int
        public var number: Int
        public var width: Int
        public var height: Int
        public var dpi: Int
        public var confidence: Double
        public var textSource: String
        public var skewAngle: Double
        public var rotation: Int
        public var ocrSeconds: Double
        public var engine: String
        public var barcodes: [String]
        public var text: String
        /// Characters of the text by where they came from (`ocr`, `pdf-text`), when known.
        public var textSources: [String: Int]?
        /// Share of the page's ink its PDF text layer covered, when it had one.
        public var layerCoverage: Double?
        /// The page's number and date blanks: what fills them (`printed`, `color-ink`, `handwritten`, `blank`) and
        /// what was read there.
        public var slots: [HandwrittenSlot]?
    }

    public struct Filing: Sendable, Codable {
        public var dossier: String
        public var procedure: String?
        public var agency: String?
        public var component: String
        public var reused: Bool
        public var at: Date
        public var by: String
    }

    public struct Provenance: Sendable, Codable {
        public var createdAt: Date
        public var createdBy: String
        public var agency: String
        public var pipelineVersion: String
        public var engine: String
        public var history: [Event]
    }

    public struct Event: Sendable, Codable {
        public var at: Date
        public var actor: String
        public var agency: String
        public var status: String
        public var file: String
    }

    /// A move of the document to another owner (out of an agency's archive).
    public struct OwnerMove: Sendable, Codable {
        public var at: Date
        public var actor: String
        /// `kind value` of the owner before and after.
        public var from: String
        public var to: String
        public var fromCode: String
        public var toCode: String
        /// `assign` (a clerk) or `manifest` (a backfill row named the owner).
        public var via: String
    }

    public var id: String
    public var code: String
    public var docType: String
    public var typeConfidence: Double
    public var title: String
    public var owner: [Owner]
    public var pages: Int
    public var meanConfidence: Double
    public var reviewStatus: String
    public var sensitivity: String
    public var fields: [String: ExtractedField]
    public var files: [File]
    public var pageDetails: [Page]
    public var filedIn: [Filing]
    public var provenance: Provenance
    public var results: [IssuedResultView]
    /// The document waits in an agency's own archive for its owner (the paper named none).
    public var ownerUnassigned: Bool
    /// Its moves between owners, oldest first.
    public var ownerHistory: [OwnerMove]

    /// A result issued from this document.
    public struct IssuedResultView: Sendable, Codable {
        public var resultCode: String
        public var resultType: String
        public var name: String
        public var number: String?
        public var issuedAt: Date
        public var validUntil: String?
        public var permanent: Bool
        public var scope: String?
        public var keyId: String
        public var sealedSHA256: String
        public var revokedAt: Date?
        public var revokedReason: String?
    }

    public init(_ detail: DocumentDetail, locate: (String) -> String) {
        let doc = detail.stored.document
        id = doc.id
        code = doc.code
        docType = doc.docType
        typeConfidence = doc.typeConfidence
        title = doc.title
        owner = detail.stored.ownerIdentifiers.map { Owner(kind: $0.kind, value: $0.value) }
        pages = doc.pageCount
        meanConfidence = doc.meanConfidence
        reviewStatus = doc.reviewStatus
        sensitivity = doc.sensitivity
        fields = Dictionary(detail.stored.fields.map { ($0.name, $0.extracted) }, uniquingKeysWith: { a, _ in a })
        let blobs = Dictionary(detail.blobs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        files = detail.stored.files.map { f in
            File(
                seq: f.seq, name: f.fileName, sha256: f.blobId, size: blobs[f.blobId]?.size, mime: blobs[f.blobId]?.mime,
                pages: blobs[f.blobId]?.pageCount, storedAt: locate(f.blobId))
        }
        let seqOf = Dictionary(detail.stored.files.map { ($0.blobId, $0.seq) }, uniquingKeysWith: { a, _ in a })
        pageDetails = detail.pages.map { p in
            Page(
                file: seqOf[p.blobId] ?? 0, number: p.number, width: p.width, height: p.height, dpi: p.dpi, confidence: p.confidence,
                textSource: p.textSource, skewAngle: p.skewAngle, rotation: p.rotation, ocrSeconds: p.ocrSeconds, engine: p.engine,
                barcodes: detail.barcodes.filter { $0.blobId == p.blobId && $0.pageNumber == p.number }.map(\.payload), text: p.text,
                textSources: p.analysis?.characters, layerCoverage: p.analysis?.layerCoverage, slots: p.analysis?.slots)
        }
        let dossiers = Dictionary(detail.dossiers.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        filedIn = detail.components.map { c in
            Filing(
                dossier: c.dossierCode, procedure: dossiers[c.dossierCode]?.procedureCode, agency: dossiers[c.dossierCode]?.agencyCode,
                component: c.name, reused: c.reused, at: c.createdAt, by: c.createdBy)
        }
        results = detail.results.map {
            IssuedResultView(
                resultCode: $0.resultCode, resultType: $0.resultType, name: $0.documentName, number: $0.number, issuedAt: $0.issuedAt,
                validUntil: $0.validUntil, permanent: $0.permanent, scope: $0.scope, keyId: $0.keyId, sealedSHA256: $0.sealedBlobId,
                revokedAt: $0.revokedAt, revokedReason: $0.revokedReason)
        }
        ownerUnassigned = doc.ownerUnassigned
        ownerHistory = detail.assignments.map { a in
            OwnerMove(
                at: a.at, actor: a.actor, from: detail.assignmentOwners[a.fromPartyId] ?? a.fromPartyId,
                to: detail.assignmentOwners[a.toPartyId] ?? a.toPartyId, fromCode: a.fromCode, toCode: a.toCode, via: a.via)
        }
        provenance = Provenance(
            createdAt: doc.createdAt, createdBy: doc.createdBy, agency: doc.agencyCode, pipelineVersion: doc.pipelineVersion,
            engine: doc.engine,
            history: detail.filings.map { Event(at: $0.at, actor: $0.actor, agency: $0.agencyCode, status: $0.status, file: $0.fileName) })
    }
}
