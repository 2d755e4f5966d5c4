import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// receive → spool → hash → (known bytes? reuse) → decode → barcodes, deskew, OCR → extract → file.
///
/// Bad input never throws: it ends as a `quarantined` outcome with its bytes kept. Only failures
/// of the warehouse itself (database, disk) throw.
public final class IngestPipeline {
    let layout: StorageLayout
    let store: any MetadataStore
    let blobs: any BlobStore
    let decoder: any DocumentDecoder
    let processor: PageProcessor
    let ocrFactory: any OCREngineFactory
    let settings: PipelineSettings
    let logger: Logger
    /// Writes searchable PDFs (`IngestRequest.searchablePDFs`).
    let pdf: SearchablePDF?
    private var pool: OCRWorkerPool?
    /// Bytes (SHA-256 hex) that prepared requests not yet filed are decoding and reading, with how many:
    /// a copy of them in a later request waits for that filing instead of being read again. (Touched on the
    /// pipeline's thread only, like `prepare` and `finish`.)
    private var reading: [String: Int] = [:]

    public init(
        layout: StorageLayout, store: any MetadataStore, blobs: any BlobStore, decoder: any DocumentDecoder,
        preprocessor: any PagePreprocessor, barcodeReader: any BarcodeReader, ocrFactory: any OCREngineFactory,
        settings: PipelineSettings = PipelineSettings(), logger: Logger = Logger(label: "warehouse.ingest"),
        searchablePDF: SearchablePDF? = nil
    ) {
        self.pdf = searchablePDF
        self.layout = layout
        self.store = store
        self.blobs = blobs
        self.decoder = decoder
        self.processor = PageProcessor(
            settings: settings, preprocessor: preprocessor, barcodeReader: barcodeReader, pdfEncoder: searchablePDF?.encoder,
            corrector: settings.correctVietnamese ? OCRTextCorrector() : nil)
        self.ocrFactory = ocrFactory
        self.settings = settings
        self.logger = logger
    }

    deinit {
        pool?.shutdown()
    }

    /// The OCR pool, started on first need: a duplicate-only ingest never loads Tesseract.
    private func ocrPool() throws(OCRError) -> OCRWorkerPool {
        if let pool { return pool }
        let made = try OCRWorkerPool(factory: ocrFactory, workers: settings.workers)
        pool = made
        return made
    }

    /// Files the request; returns one outcome per input file, in order.
    public func ingest(_ request: IngestRequest) throws(IngestError) -> IngestReport {
        try finish(try prepare(request))
    }

    /// Receives, hashes and decodes the files of a request and queues their pages for OCR, without waiting
    /// for the OCR: a backfill prepares its next batch while the workers still read this one, and files the
    /// batches in order with `finish`. When it throws, nothing of the request is left in the spool.
    public func prepare(_ request: IngestRequest) throws(IngestError) -> PreparedIngest {
        let prepared = PreparedIngest(request: request)
        switch Result(catching: { () throws(IngestError) in try receiveAndDecode(prepared) }) {
        case .success:
            for hex in prepared.reading { reading[hex, default: 0] += 1 }
            return prepared
        case .failure(let error):
            Self.removeSpooled(prepared.works)
            throw error
        }
    }

    /// The received copies still in the spool (neither placed in the store nor quarantined) are removed.
    static func removeSpooled(_ works: [FileWork]) {
        for work in works {
            if let url = work.spooled?.url { unlink(url.path) }
        }
    }

    /// No longer reading the bytes of `prepared` (filed, quarantined or dropped): copies go by the store now.
    private func doneReading(_ prepared: PreparedIngest) {
        for hex in prepared.reading {
            reading[hex, default: 1] -= 1
            if reading[hex] == 0 { reading[hex] = nil }
        }
        prepared.reading = []
    }

    private func receiveAndDecode(_ prepared: PreparedIngest) throws(IngestError) {
        let request = prepared.request
        try checkDossier(request)

        for (index, url) in request.files.enumerated() {
            let work = FileWork(index: index, source: url)
            prepared.works.append(work)
            try receive(work)
            guard work.failure == nil, let spooled = work.spooled, !work.known else { continue }
            // The same bytes are being read for a request prepared before, not yet filed (a backfill keeps
            // several in flight): this copy is filed as theirs when that one is, and costs no OCR.
            if reading[spooled.id.hex] != nil && !prepared.reading.contains(spooled.id.hex) {
                work.awaitsEarlierCopy = true
                continue
            }
            prepared.reading.insert(spooled.id.hex)
            try decode(work, spooled, into: prepared)
        }
    }

    /// Decodes a file and queues its pages for OCR: those whose pixels are already filed (or queued in this
    /// request) take that text instead.
    private func decode(_ work: FileWork, _ spooled: SpooledFile, into prepared: PreparedIngest) throws(IngestError) {
        // The files after the one that used up the upload's pixel budget are not decoded at all.
        if let budget = prepared.request.pixelBudget, prepared.pixels > budget {
            work.fail(code: "over-budget", PixelBudget.refusal(budget: budget, page: 1))
            return
        }
        do {
            let document = try decoder.open(spooled.url, format: work.format!, limits: settings.limits)
            work.pageCount = document.pageCount
            for p in 0..<document.pageCount {
                let decoded = try document.page(at: p)
                prepared.pixels += decoded.raster.width * decoded.raster.height
                if let budget = prepared.request.pixelBudget, prepared.pixels > budget {
                    work.fail(code: "over-budget", PixelBudget.refusal(budget: budget, page: p + 1))
                    return
                }
                let digest = decoded.raster.pixelDigest
                if let copy = try reusePixels(digest: digest, number: p + 1, dpi: decoded.raster.dpi, work: work) {
                    if settings.searchablePDF && pdf != nil {
                        // No OCR, but the searchable PDF still needs the page's image: compressed on a worker.
                        let slot = prepared.nextSlot
                        prepared.nextSlot += 1
                        work.pages.append(.pending(slot, number: p + 1))
                        let (processor, slots, group) = (self.processor, prepared.slots, prepared.pending)
                        group.enter()
                        try ocrPool().submit { _ in
                            slots.set(slot, processor.attachImage(decoded.raster, to: copy))
                            group.leave()
                        }
                    } else {
                        work.pages.append(.done(copy))
                    }
                } else if let slot = prepared.digests[digest] {
                    work.pages.append(.pending(slot, number: p + 1))
                } else {
                    let slot = prepared.nextSlot
                    prepared.nextSlot += 1
                    prepared.digests[digest] = slot
                    work.pages.append(.pending(slot, number: p + 1))
                    work.pagesRead += 1
                    let processor = self.processor
                    let number = p + 1
                    let slots = prepared.slots
                    let group = prepared.pending
                    group.enter()
                    try ocrPool().submit { engine in
                        slots.set(slot, processor.process(decoded, number: number, digest: digest, engine: engine))
                        group.leave()
                    }
                }
            }
        } catch let error as DecodeError {
            work.fail(code: error.code, error.description)
        } catch let error as OCRError {
            throw .ocrUnavailable(error)
        } catch let error as StoreError {
            throw IngestError(error)
        } catch {
            work.fail(code: "internal", "\(error)")
        }
    }

    /// Waits for the OCR of a prepared request's pages, then extracts and files. What other batches filed
    /// since `prepare` counts as if it had been there before: bytes or page images filed meanwhile are
    /// reused, exactly as a request prepared after them would have found them.
    public func finish(_ prepared: PreparedIngest) throws(IngestError) -> IngestReport {
        prepared.pending.wait()
        // Whatever happens, the received copies do not outlive the request (placed, quarantined or dropped).
        defer {
            Self.removeSpooled(prepared.works)
            doneReading(prepared)
        }
        let request = prepared.request
        try checkDossier(request)
        do {
            // Copies of bytes that an earlier request was reading: that request filed them (reuse them now,
            // no OCR), or it did not (it was quarantined or dropped), and then they are read here after all.
            for work in prepared.works where work.awaitsEarlierCopy && work.failure == nil {
                guard let spooled = work.spooled, try !reuseKnownBytes(work, spooled) else { continue }
                try decode(work, spooled, into: prepared)
            }
            prepared.pending.wait()
            for work in prepared.works where work.failure == nil && !work.known {
                work.processed = work.pages.compactMap { state in
                    switch state {
                    case .done(let page): return page
                    case .pending(let slot, let number):
                        guard var page = prepared.slots.get(slot) else { return nil }
                        page.number = number
                        return page
                    }
                }
                work.warnings += work.processed.compactMap { page in page.warning.map { "page \(page.number): \($0)" } }
                try catchUp(work)
            }
        } catch {
            throw IngestError(error)
        }

        let now = Date()
        do {
            return try file(request, works: prepared.works, at: now, started: prepared.started)
        } catch {
            throw IngestError(error)
        }
    }

    /// Refuses a filing into the wrong dossier before any work is done, and again before filing.
    private func checkDossier(_ request: IngestRequest) throws(IngestError) {
        if request.owner == nil && request.files.count > 1 {
            throw .conflict("a request whose owner is read from the paper holds one file (each paper may be someone else's)")
        }
        guard let code = request.dossier else { return }
        guard let procedure = request.procedure else { throw .conflict("dossier \(code) needs its procedure code") }
        if let owner = request.owner, let why = WarehouseDatabase.archiveOwnerConflict(owner, dossier: code.rawValue) { throw .conflict(why) }
        do {
            if let dossier = try store.dossier(code.rawValue),
                let conflict = WarehouseDatabase.conflict(dossier, procedure: procedure.rawValue, agency: request.agency.rawValue)
            {
                throw IngestError.conflict(conflict)
            }
        } catch {
            throw IngestError(error)
        }
    }

    /// A file read while an earlier batch was still being filed: if that batch filed the same bytes, or the
    /// same page images, this file reuses them now, as it would have had it been received after.
    private func catchUp(_ work: FileWork) throws {
        guard let spooled = work.spooled, try !reuseKnownBytes(work, spooled) else { return }
        for (i, page) in work.processed.enumerated() where !page.reusedFromPixels {
            if var copy = try reusePixels(digest: page.pixelDigest, number: page.number, dpi: page.dpi, work: work) {
                copy.pdfPage = page.pdfPage.map { pdfPage in
                    var pdfPage = pdfPage
                    pdfPage.text = copy.text
                    if copy.text != page.text { pdfPage.lines = [] }
                    return pdfPage
                }
                work.processed[i] = copy
            }
        }
    }

    // MARK: - Receiving

    /// Spools the file. A file that cannot be read fails alone; a spool that cannot be written stops the request.
    private func receive(_ work: FileWork) throws(IngestError) {
        let spool = Spool(directory: layout.spool)
        let spooled: SpooledFile
        do {
            spooled = try spool.receive(work.source)
        } catch {
            let code: String
            switch error {
            case .notAFile: code = "not-a-file"
            case .tooLarge: code = "too-large"
            case .unreadable: code = "unreadable"
            case .storage(let failure): throw .storage(failure)
            }
            work.fail(code: code, error.description)
            return
        }
        work.spooled = spooled
        guard spooled.size > 0 else {
            work.fail(code: "empty", "the file is empty (0 bytes); scan the paper again")
            return
        }
        guard let format = InputFormat.sniff(spooled.head) else {
            work.fail(code: "not-a-document", "it is not a scan: \(FileKind.describe(spooled.head)); accepted are PDF, PNG, JPEG and TIFF")
            return
        }
        work.format = format
        do {
            _ = try reuseKnownBytes(work, spooled)
        } catch {
            throw IngestError(error)
        }
    }

    /// Same bytes filed before: no decode, no OCR, the stored pages stand for the file. Repairs the store if
    /// its copy went missing. (The spool file may be gone already when an earlier batch adopted the same bytes.)
    private func reuseKnownBytes(_ work: FileWork, _ spooled: SpooledFile) throws -> Bool {
        guard try store.blob(spooled.id) != nil else { return false }
        work.known = true
        if blobs.contains(spooled.id) {
            try? FileManager.default.removeItem(at: spooled.url)
        } else if FileManager.default.fileExists(atPath: spooled.url.path) {
            try blobs.adopt(spooled.url, as: spooled.id)
        }
        work.processed = try storedPages(spooled.id)
        work.pageCount = work.processed.count
        return true
    }

    private func storedPages(_ id: BlobID) throws(StoreError) -> [ProcessedPage] {
        let codes = try store.barcodes(ofBlob: id)
        return try store.pages(ofBlob: id).map { page in
            ProcessedPage(
                number: page.number, width: page.width, height: page.height, dpi: page.dpi, pixelDigest: page.pixelDigest,
                perceptualHash: UInt64(bitPattern: page.perceptualHash), text: page.text, confidence: page.confidence, textSource: FieldSource(rawValue: page.textSource) ?? .ocr,
                skewAngle: page.skewAngle, rotation: page.rotation, ocrSeconds: page.ocrSeconds,
                barcodes: codes.filter { $0.pageNumber == page.number }.map { Barcode(symbology: $0.symbology, payload: $0.payload) },
                warning: nil, reusedFromPixels: false, layout: page.analysis?.layout, slots: page.analysis?.slots ?? [],
                layerCoverage: page.analysis?.layerCoverage)
        }
    }

    /// A page whose pixels are already in the warehouse (the same scan saved in another format):
    /// its text and barcodes are copied, no OCR.
    private func reusePixels(digest: String, number: Int, dpi: Int, work: FileWork) throws(StoreError) -> ProcessedPage? {
        guard let match = try store.page(withPixelDigest: digest) else { return nil }
        let codes = try store.barcodes(ofBlob: BlobID(hex: match.blobId)!).filter { $0.pageNumber == match.number }
        if work.pixelTwin == nil { work.pixelTwin = BlobID(hex: match.blobId) }
        return ProcessedPage(
            number: number, width: match.width, height: match.height, dpi: dpi, pixelDigest: digest,
            perceptualHash: UInt64(bitPattern: match.perceptualHash), text: match.text, confidence: match.confidence, textSource: FieldSource(rawValue: match.textSource) ?? .ocr,
            skewAngle: match.skewAngle, rotation: match.rotation, ocrSeconds: 0,
            barcodes: codes.map { Barcode(symbology: $0.symbology, payload: $0.payload) }, warning: nil, reusedFromPixels: true,
            layout: match.analysis?.layout, slots: (match.analysis?.slots ?? []).map { slot in
                var slot = slot
                slot.page = number
                return slot
            }, layerCoverage: match.analysis?.layerCoverage)
    }

    // MARK: - Filing

    private func file(_ request: IngestRequest, works: [FileWork], at now: Date, started: Date) throws -> IngestReport {
        let good = works.filter { $0.failure == nil }
        let groups: [[FileWork]] = request.component == nil ? good.map { [$0] } : (good.isEmpty ? [] : [good])

        // Without an owner in the request, the (one) paper's own identifier decides; known bytes keep theirs.
        var owner = request.owner
        var blobsToFile: [FilingBatch.NewBlob] = []
        var documents: [FilingBatch.DocumentFiling] = []
        var outcomes = works.map { work in
            FileOutcome(
                file: work.source.path, status: .filed, document: nil, documentCode: nil, sha256: work.spooled?.id.hex,
                format: work.format?.rawValue, pages: work.pageCount, docType: nil, fields: [:], text: "", meanConfidence: nil,
                reviewStatus: nil, duplicate: nil, warnings: work.warnings, error: nil, errorCode: nil, quarantinedAt: nil,
                seconds: 0, pagesRead: work.pagesRead)
        }

        // A file whose bytes came earlier in this very request stands for the document filed for them.
        var filedHere: [String: (document: String, plan: DocumentPlan)] = [:]
        for group in groups {
            if group.count == 1, let work = group.first, let sha = work.spooled?.id.hex, let (document, earlier) = filedHere[sha] {
                outcomes[work.index].status = .reused
                outcomes[work.index].text = work.processed.map(\.text).joined(separator: "\n\n")
                outcomes[work.index].duplicate = .init(kind: "same-bytes", document: document)
                outcomes[work.index].docType = earlier.extraction.docType.rawValue
                outcomes[work.index].fields = earlier.extraction.fields
                outcomes[work.index].meanConfidence = earlier.meanConfidence
                outcomes[work.index].reviewStatus = earlier.reviewStatus
                outcomes[work.index].ownerUnassigned = earlier.ownerUnassigned
                outcomes[work.index].owner = owner?.value
                work.known = true
                documents.append(
                    FilingBatch.DocumentFiling(
                        existingDocumentId: document, newDocument: nil, files: [], fields: [], text: earlier.filing.text,
                        componentName: earlier.filing.componentName, codeStem: "", filingIndices: [work.index]))
                continue
            }
            var plan = try planDocument(group, request: request, owner: &owner, at: now)
            if owner == nil {
                // The paper names no citizen or organisation (a directive, a letter, a decision of the agency
                // itself): it goes to the filing agency's own archive, for review, until a clerk gives it an owner.
                owner = .agency(request.agency)
                plan.filing.newDocument?.ownerUnassigned = true
            }
            for work in group {
                outcomes[work.index].status = work.known ? .reused : .filed
                outcomes[work.index].text = work.processed.map(\.text).joined(separator: "\n\n")
                outcomes[work.index].duplicate = try duplicateNotice(work)
                if !work.known, let spooled = work.spooled {
                    blobsToFile.append(newBlob(work, spooled: spooled, at: now))
                }
            }
            // A new paper that looks like one already filed (another scan of it): the clerk confirms.
            if plan.filing.newDocument != nil, group.allSatisfy({ outcomes[$0.index].duplicate == nil }),
                let twin = try likelyRescan(of: group.flatMap(\.processed), extraction: plan.extraction)
            {
                for work in group { outcomes[work.index].duplicate = .init(kind: "likely-rescan", document: twin) }
                plan.reviewStatus = "needs-review"
                plan.filing.newDocument?.reviewStatus = "needs-review"
            }
            documents.append(plan.filing)
            if group.count == 1, let sha = group.first?.spooled?.id.hex, let document = plan.filing.newDocument?.id {
                filedHere[sha] = (document, plan)
            }
            for work in group {
                outcomes[work.index].docType = plan.extraction.docType.rawValue
                outcomes[work.index].fields = plan.extraction.fields
                outcomes[work.index].meanConfidence = plan.meanConfidence
                outcomes[work.index].reviewStatus = plan.reviewStatus
                outcomes[work.index].ownerUnassigned = plan.ownerUnassigned
                outcomes[work.index].movedFromArchive = plan.filing.claimsFromArchive
                outcomes[work.index].owner = owner?.value
            }
        }

        // Quarantine what failed, keeping the original bytes.
        for work in works {
            guard let failure = work.failure else { continue }
            let kept = Quarantine(directory: layout.quarantine).keep(
                spooled: work.spooled?.url, source: work.source, id: work.spooled?.id, code: failure.code, reason: failure.message,
                at: now)
            outcomes[work.index].status = .quarantined
            outcomes[work.index].error = "\(work.source.lastPathComponent): \(failure.message)"
                + (kept == nil ? " (its bytes could not be kept in the quarantine; the original is still at \(work.source.path))" : "")
            outcomes[work.index].errorCode = failure.code
            outcomes[work.index].quarantinedAt = kept
            logger.warning("quarantined \(LogText.escaped(work.source.lastPathComponent)): \(LogText.escaped(failure.message))")
        }

        // Searchable PDFs before the rows: a run killed in between writes them again, never leaves a filed
        // document without its PDF.
        for work in works where work.failure == nil && !work.known && work.index < request.searchablePDFs.count {
            outcomes[work.index].searchablePDF = writeSearchablePDF(work, to: request.searchablePDFs[work.index], outcome: &outcomes[work.index])
        }

        let procedure = request.procedure?.rawValue
        var batch = FilingBatch(
            owner: owner ?? .passport("-"), dossierCode: request.dossier?.rawValue, procedureCode: procedure,
            agencyCode: request.agency.rawValue, actor: request.actor, at: now, blobs: blobsToFile, documents: documents, filings: [])

        // Blobs go into the store before the rows that name them, noted first: a kill or a refused commit
        // in between leaves blobs that `PendingBlobs` takes out again, never a row without bytes.
        let placement = try PendingBlobs(layout: layout, store: store, blobs: blobs)
            .begin(batch.blobs.compactMap { BlobID(hex: $0.record.id) })
        defer { placement.end() }
        for blob in batch.blobs {
            guard let work = works.first(where: { $0.spooled?.id.hex == blob.record.id }), let spooled = work.spooled else { continue }
            if FileManager.default.fileExists(atPath: spooled.url.path) {
                try blobs.adopt(spooled.url, as: spooled.id)
            }
            guard blobs.contains(spooled.id) else {
                throw StorageFailure(path: spooled.url.path, code: ENOENT, reason: "the received copy of \(work.source.lastPathComponent) is gone from the spool")
            }
        }

        batch.filings = works.map { work in
            FilingRecord(
                id: nil, at: now, actor: request.actor, agencyCode: request.agency.rawValue, fileName: work.source.path,
                sha256: work.spooled?.id.hex, documentId: nil, dossierCode: request.dossier?.rawValue,
                status: outcomes[work.index].status.rawValue, error: outcomes[work.index].error,
                errorCode: outcomes[work.index].errorCode, quarantinePath: outcomes[work.index].quarantinedAt,
                pipelineVersion: PipelineSettings.pipelineVersion)
        }
        if batch.documents.isEmpty {
            try store.recordQuarantined(batch.filings)
        } else {
            let filed = try store.commit(batch)
            for (i, filing) in filed.enumerated() where filing.documentId != nil {
                outcomes[i].document = filing.documentId
            }
            var codes: [String: String] = [:]
            for outcome in outcomes {
                guard let id = outcome.document, codes[id] == nil else { continue }
                codes[id] = try store.documentDetail(id)?.stored.document.code
            }
            for i in outcomes.indices { outcomes[i].documentCode = outcomes[i].document.flatMap { codes[$0] } }
        }
        let total = Date().timeIntervalSince(started)
        for i in outcomes.indices { outcomes[i].seconds = total }
        return IngestReport(dossier: request.dossier?.rawValue, owner: owner?.value, files: outcomes, seconds: total, ownerKind: owner?.kind)
    }

    private struct DocumentPlan {
        var filing: FilingBatch.DocumentFiling
        var extraction: Extraction
        var meanConfidence: Double
        var reviewStatus: String

        /// The document waits in an agency archive for its owner (and this filing does not give it one).
        var ownerUnassigned: Bool {
            filing.newDocument?.ownerUnassigned ?? (existingUnassigned && !filing.claimsFromArchive)
        }
        var existingUnassigned = false
    }

    /// Plans the document that `group` files: the owner's own earlier document for the same files, or a new
    /// one. Sets `owner` when it is nil and the paper says whose it is (known bytes: the earlier document's owner).
    private func planDocument(_ group: [FileWork], request: IngestRequest, owner: inout OwnerIdentifier?, at now: Date) throws
        -> DocumentPlan
    {
        let ids = group.compactMap { $0.spooled?.id.hex }
        let pages = group.flatMap(\.processed)
        let meanConfidence = Self.meanConfidence(pages)
        let componentName: String
        // Same owner, same files in the same order: the paper is already theirs, reference it. Without an owner
        // in the request, the paper keeps the owner it was first filed for.
        if group.allSatisfy(\.known), let first = group.first?.spooled?.id {
            let same = try store.documents(containing: first).filter { $0.files.map(\.blobId) == ids }
                .sorted { ($0.document.createdAt, $0.document.id) < ($1.document.createdAt, $1.document.id) }
            var owned = same.first { doc in
                if let owner { return doc.ownerIdentifiers.contains { $0.kind == owner.kind && $0.value == owner.value } }
                // Another agency's archive keeps its document; this agency's archive gets one of its own (no OCR).
                return doc.ownerIdentifiers.contains { $0.kind != "agency" || $0.value == request.agency.rawValue }
            }
            // The paper waits in an agency archive for its owner, and the request names them: it moves to them.
            var claims = false
            if owned == nil, owner != nil, request.claimsFromArchive, let waiting = same.first(where: \.document.ownerUnassigned) {
                owned = waiting
                claims = true
            }
            if let owned {
                if owner == nil, let id = owned.ownerIdentifiers.first { owner = try? OwnerIdentifier(kind: id.kind, value: id.value) }
                let type = DocumentType(rawValue: owned.document.docType) ?? .other
                let fields = Dictionary(owned.fields.map { ($0.name, $0.extracted) }, uniquingKeysWith: { a, _ in a })
                componentName = request.component ?? owned.document.title
                var filing = FilingBatch.DocumentFiling(
                    existingDocumentId: owned.document.id, newDocument: nil, files: [], fields: [], text: owned.text,
                    componentName: componentName, codeStem: "", filingIndices: group.map(\.index))
                filing.claimsFromArchive = claims
                return DocumentPlan(
                    filing: filing, extraction: Extraction(docType: type, typeConfidence: owned.document.typeConfidence, fields: fields),
                    meanConfidence: owned.document.meanConfidence, reviewStatus: owned.document.reviewStatus,
                    existingUnassigned: owned.document.ownerUnassigned)
            }
        }

        let input = ExtractionInput(
            pages: pages.map { PageText(text: $0.text, confidence: $0.confidence, source: $0.textSource, layout: $0.layout, slots: $0.slots) },
            barcodes: pages.flatMap { $0.barcodes.map(\.payload) })
        let extraction = DocumentExtractor.extract(input)
        let fromPaper = owner == nil
        if owner == nil { owner = Self.owner(in: extraction) }
        let documentId = UUID().uuidString.lowercased()
        let flagged = extraction.fields.values.contains { !$0.flags.isEmpty }
        let warned = pages.contains { $0.warning != nil }
        let review = fromPaper || flagged || warned || extraction.docType == .other || extraction.typeConfidence < 0.5 || meanConfidence < 70
            ? "needs-review" : "auto"
        componentName = request.component ?? extraction.docType.componentTitle
        let record = DocumentRecord(
            id: documentId, code: "", kind: request.kind, ownerPartyId: "", docType: extraction.docType.rawValue,
            typeConfidence: extraction.typeConfidence, title: componentName, pageCount: pages.count, meanConfidence: meanConfidence,
            reviewStatus: review, sensitivity: extraction.docType.isSensitive ? "sensitive" : "basic", createdAt: now,
            createdBy: request.actor, agencyCode: request.agency.rawValue, procedureCode: request.procedure?.rawValue ?? "",
            pipelineVersion: PipelineSettings.pipelineVersion, engine: "\(ocrFactory.identity) \(ocrFactory.language)")
        let files = group.enumerated().map { seq, work in
            DocumentFile(documentId: documentId, seq: seq + 1, blobId: work.spooled!.id.hex, fileName: work.source.lastPathComponent)
        }
        let fields = extraction.fields.sorted { $0.key < $1.key }.map { name, field in
            FieldRecord(
                documentId: documentId, name: name, value: field.value, confidence: field.confidence, source: field.source.rawValue,
                flags: field.flags, evidence: field.evidence)
        }
        let filing = FilingBatch.DocumentFiling(
            existingDocumentId: nil, newDocument: record, files: files, fields: fields,
            text: pages.map(\.text).joined(separator: "\n\n"), componentName: componentName,
            codeStem: request.codeStem ?? ([request.procedure?.rawValue, extraction.docType.rawValue].compactMap { $0 }.joined(separator: ".")),
            filingIndices: group.map(\.index))
        return DocumentPlan(filing: filing, extraction: extraction, meanConfidence: meanConfidence, reviewStatus: review)
    }

    /// Whose paper this is, by what it says: the citizen ID (a birth certificate's is the child's), else the
    /// tax code of an organisation, else an old ID card number.
    static func owner(in extraction: Extraction) -> OwnerIdentifier? {
        for name in ["soDinhDanh", "maSoThue", "soCMND"] {
            if let value = extraction.fields[name]?.value, let id = try? OwnerIdentifier(value) { return id }
        }
        return nil
    }

    /// Field names whose values identify a paper: two papers that differ in any of them are different papers.
    static let keyFields = [
        "soDinhDanh", "soCMND", "maSoThue", "soKyHieu", "soDangKy", "quyenSo", "soGiayTo", "hoTen", "ngaySinh", "ngayCap",
        "ngayBanHanh", "ngayDangKy", "ngayKhai",
    ]

    /// A filed document of the same type with a page that looks the same (perceptual hash) and no
    /// key field that differs: probably another scan of the same paper.
    private func likelyRescan(of pages: [ProcessedPage], extraction: Extraction) throws -> String? {
        for page in pages {
            for near in try store.pages(near: page.perceptualHash, maxDistance: 6) {
                guard let blob = BlobID(hex: near.blobId) else { continue }
                for doc in try store.documents(containing: blob) where doc.document.docType == extraction.docType.rawValue {
                    let theirs = Dictionary(doc.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
                    let shared = Self.keyFields.filter { extraction.fields[$0] != nil && theirs[$0] != nil }
                    if !shared.isEmpty && shared.allSatisfy({ extraction.fields[$0]?.value == theirs[$0] }) {
                        return doc.document.id
                    }
                }
            }
        }
        return nil
    }

    private func duplicateNotice(_ work: FileWork) throws -> FileOutcome.Duplicate? {
        if work.known, let id = work.spooled?.id {
            return .init(kind: "same-bytes", document: try store.documents(containing: id).first?.document.id)
        }
        if let twin = work.pixelTwin, work.processed.allSatisfy(\.reusedFromPixels) {
            return .init(kind: "same-pixels", document: try store.documents(containing: twin).first?.document.id)
        }
        return nil
    }

    private func newBlob(_ work: FileWork, spooled: SpooledFile, at now: Date) -> FilingBatch.NewBlob {
        let id = spooled.id.hex
        let record = BlobRecord(
            id: id, size: spooled.size, mime: work.format?.mimeType ?? "application/octet-stream", pageCount: work.processed.count,
            createdAt: now, verifiedAt: now)
        let engine = "\(ocrFactory.identity) \(ocrFactory.language)"
        let pages = work.processed.map { p in
            PageRecord(
                blobId: id, number: p.number, width: p.width, height: p.height, dpi: p.dpi, pixelDigest: p.pixelDigest,
                perceptualHash: Int64(bitPattern: p.perceptualHash), text: p.text,
                confidence: p.confidence, textSource: p.textSource.rawValue, skewAngle: p.skewAngle, rotation: p.rotation,
                ocrSeconds: p.ocrSeconds, engine: p.textSource == .pdfText ? p.textSource.rawValue : engine,
                pipelineVersion: PipelineSettings.pipelineVersion,
                analysis: p.layout.map { PageAnalysis(layout: $0, slots: p.slots, layerCoverage: p.layerCoverage) })
        }
        let codes = work.processed.flatMap { p in
            p.barcodes.map { BarcodeRecord(id: nil, blobId: id, pageNumber: p.number, symbology: $0.symbology, payload: $0.payload) }
        }
        let crops = work.processed.flatMap { p in
            p.slotCrops.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, png in
                SlotCropRecord(blobId: id, pageNumber: p.number, kind: kind.rawValue, png: Data(png))
            }
        }
        return .init(record: record, pages: pages, barcodes: codes, crops: crops)
    }

    /// Word-weighted mean would need word counts; pages are weighted by their text length instead.
    /// Writes `work`'s pages as a searchable PDF at `url` (through a temporary name, renamed when whole).
    /// A failure is a warning on the outcome: the filing goes on.
    private func writeSearchablePDF(_ work: FileWork, to url: URL, outcome: inout FileOutcome) -> String? {
        guard let pdf else { return nil }
        let pages = work.processed.compactMap(\.pdfPage)
        guard pages.count == work.processed.count, !pages.isEmpty else {
            outcome.warnings.append("no searchable PDF: \(work.processed.count - pages.count) page(s) had no image to write")
            return nil
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).part")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try pdf.data(pages: pages, title: work.source.lastPathComponent).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return url.path
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            outcome.warnings.append(SearchablePDFError.writeFailed(path: url.path, why: error.localizedDescription).description)
            return nil
        }
    }

    static func meanConfidence(_ pages: [ProcessedPage]) -> Double {
        let weights = pages.map { Double(max(1, $0.text.count)) }
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(pages, weights).map { $0.confidence * $1 }.reduce(0, +) / total
    }
}

/// A request whose pages are queued for OCR (`IngestPipeline.prepare`), to be filed with `finish`.
public final class PreparedIngest: @unchecked Sendable {
    let request: IngestRequest
    let started = Date()
    var works: [FileWork] = []
    let slots = ResultSlots<ProcessedPage>()
    /// Left by each OCR job of this request.
    let pending = DispatchGroup()
    /// The next free slot, and the slot of each page image (pixel digest) queued in this request.
    var nextSlot = 0
    var digests: [String: Int] = [:]
    /// The bytes (SHA-256 hex) this request decodes and reads itself.
    var reading: Set<String> = []
    /// Pixels of the pages decoded so far (``IngestRequest/pixelBudget``).
    var pixels = 0

    init(request: IngestRequest) {
        self.request = request
    }
}

/// The state of one input file while the pipeline works on it (used on the pipeline's thread only).
final class FileWork {
    enum PageState {
        case done(ProcessedPage)
        case pending(Int, number: Int)
    }

    let index: Int
    let source: URL
    var spooled: SpooledFile?
    var format: InputFormat?
    var known = false
    var pageCount = 0
    var pages: [PageState] = []
    var processed: [ProcessedPage] = []
    var pixelTwin: BlobID?
    /// The same bytes were being read for an earlier request when this one was prepared.
    var awaitsEarlierCopy = false
    /// Pages decoded and handed to OCR (or a PDF text layer) for this file in this run.
    var pagesRead = 0
    var warnings: [String] = []
    var failure: (code: String, message: String)?

    init(index: Int, source: URL) {
        self.index = index
        self.source = source
    }

    func fail(code: String, _ message: String) {
        if failure == nil { failure = (code, message) }
    }
}

/// Failures of the warehouse itself (not of an input file).
public enum IngestError: Error, CustomStringConvertible {
    case ocrUnavailable(OCRError)
    case store(StoreError)
    /// The request contradicts what the warehouse knows (e.g. a dossier of another procedure).
    case conflict(String)
    /// The warehouse's storage refused (full, read-only, failing): nothing of the request was filed.
    case storage(StorageFailure)

    public var description: String {
        switch self {
        case .ocrUnavailable(let e): e.description
        case .store(let e): e.description
        case .conflict(let why): why
        case .storage(let failure): failure.description
        }
    }

    /// Any error of filing as an `IngestError`: the storage's refusals apart from other database errors.
    init(_ error: any Error) {
        switch error {
        case let error as IngestError: self = error
        case let error as StorageFailure: self = .storage(error)
        case StoreError.storage(let failure): self = .storage(failure)
        case let error as StoreError: self = .store(error)
        case let error as BlobStoreError:
            self = error.storageFailure.map { .storage($0) } ?? .store(.database(error.description))
        default: self = .store(.database("\(error)"))
        }
    }
}

extension DecodeError {
    /// Stable code for scripts.
    var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .truncated: "truncated"
        case .damaged: "damaged"
        case .encrypted: "encrypted"
        case .noPages: "no-pages"
        case .tooManyPages: "too-many-pages"
        case .tooLarge, .imageTooLarge: "too-large"
        case .pageFailed: "page-failed"
        }
    }
}

extension DocumentType {
    /// The component name used when the desk gave none.
    var componentTitle: String {
        switch self {
        case .cccdFront: "Căn cước công dân (mặt trước)"
        case .cccdBack: "Căn cước công dân (mặt sau)"
        case .birthCertificate: "Giấy khai sinh"
        case .maritalStatusCertificate: "Giấy xác nhận tình trạng hôn nhân"
        case .decision: "Quyết định"
        case .officialLetter: "Công văn"
        case .directive: "Chỉ thị"
        case .notice: "Thông báo"
        case .plan: "Kế hoạch"
        case .report: "Báo cáo"
        case .submission: "Tờ trình"
        case .invitation: "Giấy mời"
        case .administrative: "Văn bản hành chính"
        case .applicationForm: "Tờ khai / Đơn"
        case .other: "Giấy tờ khác"
        }
    }

    /// Card images are sensitive personal data (Decree 356/2025 Art. 4.1).
    var isSensitive: Bool { self == .cccdFront || self == .cccdBack }
}

/// The words of a file refused for the pixel budget of its upload.
enum PixelBudget {
    static func refusal(budget: Int, page: Int) -> String {
        let a4 = max(1, budget / 8_700_000)
        return "lần tải lên này vượt quá \(budget / 1_000_000) triệu điểm ảnh (khoảng \(a4) trang A4 quét 300 dpi) ở trang \(page) của tệp này: tệp chưa được đọc, bản gốc được giữ; hãy tải tệp này lên riêng (this upload exceeds its pixel budget)"
    }
}
