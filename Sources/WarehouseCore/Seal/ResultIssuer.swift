import Crypto
import Foundation

/// What the desk gives to issue a result.
public struct IssueRequest: Sendable {
    /// The result as produced (PDF or image), or a scan of an old paper result still valid.
    public var file: URL
    public var dossier: DossierCode
    public var resultType: ResultTypeCode
    public var owner: OwnerIdentifier
    /// Tên giấy tờ, e.g. "Giấy khai sinh".
    public var name: String
    /// Số ký hiệu, e.g. "45".
    public var number: String?
    public var validity: SealPayload.Validity
    public var scope: String
    /// Needed only when the dossier is not in the warehouse yet (a backfilled old result).
    public var procedure: ProcedureCode?
    public var agency: AgencyCode?
    public var actor: String
    /// When set, the QR carries `BASE#seal` so that a phone camera opens the verify page.
    public var verifyURLBase: String?

    public init(
        file: URL, dossier: DossierCode, resultType: ResultTypeCode, owner: OwnerIdentifier, name: String, number: String?,
        validity: SealPayload.Validity, scope: String, procedure: ProcedureCode?, agency: AgencyCode?, actor: String,
        verifyURLBase: String? = nil
    ) {
        self.file = file
        self.dossier = dossier
        self.resultType = resultType
        self.owner = owner
        self.name = name
        self.number = number
        self.validity = validity
        self.scope = scope
        self.procedure = procedure
        self.agency = agency
        self.actor = actor
        self.verifyURLBase = verifyURLBase
    }
}

/// An issued result, as `issue --json` prints it.
public struct IssuedResult: Codable, Sendable {
    public var resultCode: String
    /// The text in the QR code.
    public var payload: String
    public var payloadBytes: Int
    public var qrVersion: Int
    /// The document (id) the result is filed as, in the owner's store and the warehouse.
    public var sealedDocument: String
    public var documentCode: String?
    public var sha256: Digests
    public var keyId: String
    public var sealFrame: PixelRect
    /// True when the top of page 1 had no clear area and a strip was added for the seal.
    public var addedStrip: Bool
    public var pages: Int
    /// Seconds spent filing and reading the original (OCR, extraction).
    public var ingestSeconds: Double
    /// Seconds spent on the seal itself: payload, signature, QR, placement.
    public var sealSeconds: Double
    /// Seconds spent writing the searchable sealed PDF (includes Tesseract's OCR for the text layer).
    public var pdfSeconds: Double

    public struct Digests: Codable, Sendable {
        public var original: String
        public var sealed: String
    }
}

/// Why a result could not be issued.
public enum IssueError: Error, CustomStringConvertible {
    case input(String)
    case seal(SealError)
    case ocr(OCRError)
    case store(String)
    /// The warehouse's storage refused (full, read-only, failing).
    case storage(StorageFailure)

    public var description: String {
        switch self {
        case .input(let why): why
        case .seal(let e): e.description
        case .ocr(let e): e.description
        case .store(let why): why
        case .storage(let failure): failure.description
        }
    }
}

/// Issues results: files the original, signs a seal, stamps it top-left on page 1, writes the sealed
/// searchable PDF, and files everything for the owner under `{dossier}-KQ{n}`.
public struct ResultIssuer {
    let pipeline: IngestPipeline
    let store: any MetadataStore
    let blobs: any BlobStore
    let decoder: any DocumentDecoder
    let keys: SealKeyStore
    let qr: any QRCodeEncoder
    let pdf: any SearchablePDFWriter
    let scratch: URL

    public init(
        pipeline: IngestPipeline, store: any MetadataStore, blobs: any BlobStore, decoder: any DocumentDecoder, keys: SealKeyStore,
        qr: any QRCodeEncoder, pdf: any SearchablePDFWriter, scratch: URL
    ) {
        self.pipeline = pipeline
        self.store = store
        self.blobs = blobs
        self.decoder = decoder
        self.keys = keys
        self.qr = qr
        self.pdf = pdf
        self.scratch = scratch
    }

    public func issue(_ request: IssueRequest, now: Date = Date()) throws(IssueError) -> (IssuedResult, sealedPDF: Data) {
        let signer: (issuer: String, keyId: String, sign: @Sendable ([UInt8]) throws -> [UInt8])
        do { signer = try keys.activeSigner() } catch { throw .seal(error) }

        // 1. The dossier gives the procedure and agency; an old result may bring its own.
        let existing: Dossier?
        do { existing = try store.dossier(request.dossier.rawValue) } catch { throw .store(error.description) }
        guard let procedure = existing?.procedureCode ?? request.procedure?.rawValue,
            let agency = existing?.agencyCode ?? request.agency?.rawValue,
            let procedureCode = try? ProcedureCode(procedure), let agencyCode = try? AgencyCode(agency)
        else {
            throw .input("dossier \(request.dossier) is not in the warehouse; give --procedure and --agency to issue a result for it")
        }

        // 2. File the original as a result document of the owner (read by OCR like any paper).
        let ingestStart = Date()
        let stem = "\(request.resultType.rawValue).\(request.number.map { SealPayload.clean($0).replacingOccurrences(of: "/", with: "-") } ?? "0")"
        let report: IngestReport
        do {
            report = try pipeline.ingest(
                IngestRequest(
                    files: [request.file], owner: request.owner, procedure: procedureCode, dossier: request.dossier, agency: agencyCode,
                    component: "Kết quả: \(request.name)", actor: request.actor, kind: 1, codeStem: stem))
        } catch {
            if case .storage(let failure) = error { throw .storage(failure) }
            throw .store("\(error)")
        }
        guard let outcome = report.files.first, outcome.status != .quarantined, let documentId = outcome.document,
            let shaHex = outcome.sha256, let originalID = BlobID(hex: shaHex)
        else {
            throw .input(report.files.first?.error ?? "\(request.file.lastPathComponent): the result could not be filed")
        }
        let ingestSeconds = Date().timeIntervalSince(ingestStart)

        // The original's pages, to stamp page 1.
        var pages: [RasterPage] = []
        do {
            let document = try decoder.open(URL(fileURLWithPath: blobs.locator(for: originalID)), format: Self.format(outcome), limits: DecodeLimits())
            for i in 0..<document.pageCount { pages.append(try document.page(at: i).raster) }
        } catch {
            throw .input("\(request.file.lastPathComponent): \(error)")
        }
        guard !pages.isEmpty else { throw .input("\(request.file.lastPathComponent): the result has no page") }

        // The same request again (a retry after a crash or a lost answer) gets the result already issued,
        // never a second one for the same paper; a revoked result does not count.
        let earlier: ResultRecord?
        do {
            earlier = try store.results(originalBlobId: shaHex).first { $0.revokedAt == nil && Self.isSameIssue($0, request, documentId: documentId) }
        } catch {
            throw .store(error.description)
        }
        if let earlier {
            return try issuedAgain(earlier, outcome: outcome, pages: pages, ingestSeconds: ingestSeconds)
        }

        // 3. The seal: payload, signature, QR.
        let sealStart = Date()
        let n: Int
        do { n = try store.nextResultNumber(dossier: request.dossier.rawValue) } catch { throw .store(error.description) }
        let resultCode = request.dossier.resultCode(n)
        let issuedAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let payload = SealPayload(
            resultCode: resultCode, procedureCode: procedure, ownerId: request.owner.value, documentName: request.name,
            issuingSystem: signer.issuer, issuedAt: issuedAt, validity: request.validity, scope: request.scope,
            resultType: request.resultType.rawValue, number: request.number ?? "", documentDigest: Self.bytes(ofHex: shaHex),
            keyId: signer.keyId)
        let signature: [UInt8]
        do { signature = try signer.sign(Array(payload.signedText.utf8)) } catch { throw .seal(.keyStore("signing failed: \(error)")) }
        var sealText = payload.sealed(signature: signature)
        if let base = request.verifyURLBase { sealText = SealPayload.url(base: base, seal: sealText) }
        let symbol: QRMatrix
        do { symbol = try qr.encode(Array(sealText.utf8)) } catch { throw .seal(error) }

        // 4. Stamp page 1 of the original.
        let stamped = SealStamp.stamp(symbol, on: pages[0])
        pages[0] = stamped.page
        let sealSeconds = Date().timeIntervalSince(sealStart)

        // 5. The sealed, searchable PDF, written in the scratch directory under a name of this process.
        let pdfStart = Date()
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent(FileIO.temporaryName("sealed") + ".pdf")
        defer { try? FileManager.default.removeItem(at: out) }
        do { try pdf.write(pages: pages, title: "\(request.name) \(resultCode)", to: out) } catch {
            // The renderer does not say why it could not write: a full or read-only storage is the warehouse's failure.
            if let failure = StorageFailure.probe(scratch, reason: "\(error)") { throw .storage(failure) }
            throw .ocr(error)
        }
        let sealedData: Data
        do {
            sealedData = try Data(contentsOf: out)
        } catch {
            throw .store("cannot read the sealed PDF: \(error.localizedDescription)")
        }
        let sealedID = BlobID.of(sealedData)
        let pdfSeconds = Date().timeIntervalSince(pdfStart)

        // 6. File the result: the sealed blob is noted and placed before the rows (`PendingBlobs`).
        var validUntil: String? = nil
        if case .until(let day) = request.validity { validUntil = day }
        let record = ResultRecord(
            resultCode: resultCode, dossierCode: request.dossier.rawValue, n: n, resultType: request.resultType.rawValue,
            documentId: documentId, originalBlobId: shaHex, sealedBlobId: sealedID.hex, payload: sealText, keyId: signer.keyId,
            documentName: request.name, number: request.number, issuedAt: issuedAt, issuedBy: request.actor, validUntil: validUntil,
            permanent: request.validity == .permanent, scope: request.scope.isEmpty ? nil : request.scope, sealFrame: stamped.frame,
            revokedAt: nil, revokedBy: nil, revokedReason: nil)
        let placement: PendingBlobs.Placement
        switch Result(catching: { () throws(StorageFailure) in try PendingBlobs(layout: pipeline.layout, store: store, blobs: blobs).begin([sealedID]) }) {
        case .success(let begun): placement = begun
        case .failure(let failure): throw .storage(failure)
        }
        defer { placement.end() }
        do {
            try blobs.put(sealedData)
        } catch {
            if let failure = error.storageFailure { throw .storage(failure) }
            throw .store("\(error)")
        }
        do {
            try store.recordResult(
                record,
                sealedBlob: BlobRecord(
                    id: sealedID.hex, size: Int64(sealedData.count), mime: "application/pdf", pageCount: pages.count, createdAt: now,
                    verifiedAt: now))
        } catch {
            if case .storage(let failure) = error { throw .storage(failure) }
            throw .store("\(error)")
        }
        let result = IssuedResult(
            resultCode: resultCode, payload: sealText, payloadBytes: sealText.utf8.count, qrVersion: symbol.version,
            sealedDocument: documentId, documentCode: outcome.documentCode,
            sha256: .init(original: shaHex, sealed: sealedID.hex), keyId: signer.keyId, sealFrame: stamped.frame,
            addedStrip: stamped.addedStrip, pages: pages.count, ingestSeconds: ingestSeconds, sealSeconds: sealSeconds,
            pdfSeconds: pdfSeconds)
        return (result, sealedData)
    }

    /// Whether `result` is what `request` asks for: the same paper of the same dossier, with the same data.
    static func isSameIssue(_ result: ResultRecord, _ request: IssueRequest, documentId: String) -> Bool {
        var validUntil: String? = nil
        if case .until(let day) = request.validity { validUntil = day }
        return result.dossierCode == request.dossier.rawValue && result.documentId == documentId
            && result.resultType == request.resultType.rawValue && result.documentName == request.name && result.number == request.number
            && result.validUntil == validUntil && result.permanent == (request.validity == .permanent)
            && (result.scope ?? "") == request.scope
    }

    /// The result issued earlier for the same request, as `issue` reports a new one (the seal's frame and
    /// strip from stamping the same payload on the same page again; its sealed PDF from the store).
    private func issuedAgain(_ earlier: ResultRecord, outcome: FileOutcome, pages: [RasterPage], ingestSeconds: Double) throws(IssueError)
        -> (IssuedResult, sealedPDF: Data)
    {
        guard let sealedID = BlobID(hex: earlier.sealedBlobId) else { throw .store("result \(earlier.resultCode) names no sealed blob") }
        let sealed: Data
        do { sealed = try blobs.read(sealedID) } catch { throw .store(error.description) }
        let symbol: QRMatrix
        do { symbol = try qr.encode(Array(earlier.payload.utf8)) } catch { throw .seal(error) }
        let stamped = SealStamp.stamp(symbol, on: pages[0])
        let result = IssuedResult(
            resultCode: earlier.resultCode, payload: earlier.payload, payloadBytes: earlier.payload.utf8.count, qrVersion: symbol.version,
            sealedDocument: earlier.documentId, documentCode: outcome.documentCode,
            sha256: .init(original: earlier.originalBlobId, sealed: earlier.sealedBlobId), keyId: earlier.keyId, sealFrame: earlier.sealFrame,
            addedStrip: stamped.addedStrip, pages: pages.count, ingestSeconds: ingestSeconds, sealSeconds: 0, pdfSeconds: 0)
        return (result, sealed)
    }

    static func format(_ outcome: FileOutcome) -> InputFormat {
        outcome.format.flatMap(InputFormat.init(rawValue:)) ?? .pdf
    }

    static func bytes(ofHex hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }
}
