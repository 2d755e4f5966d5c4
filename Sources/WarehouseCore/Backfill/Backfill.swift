import Foundation

/// A bulk backfill of an archive folder: walk, match each file to its manifest row, skip what an earlier
/// run already filed, and file the rest through the ingest pipeline in batches.
///
/// Resumable and idempotent: each batch is filed in one transaction together with a `filing` row per
/// input file (its path and SHA-256), and a file whose path and bytes already have a filing row is
/// skipped. Kill it at any point and run it again: it goes on where it stopped, and what was half-done
/// (spooled bytes, a blob without rows) is redone or adopted, never shown.
public final class Backfill {
    public struct Options: Sendable {
        /// Files per batch when each file is its own component (a component's files always go together).
        public var batchFiles: Int
        public var dryRun: Bool
        public var actor: String
        /// Wait between batches while desk work runs on the same storage.
        public var yieldToDesk: Bool
        /// Seal the results (manifest kind `result`) that are still valid, as they are filed, and take them first.
        public var sealResults: Bool
        /// Write a searchable PDF of every file filed, at the file's path under this folder (`scan.tif` →
        /// `scan.tif.pdf`; a PDF keeps its name), from the same OCR pass. Needs a pipeline made for it.
        public var pdfDirectory: URL?

        public init(
            batchFiles: Int = 8, dryRun: Bool = false, actor: String = "backfill", yieldToDesk: Bool = true, sealResults: Bool = false,
            pdfDirectory: URL? = nil
        ) {
            self.pdfDirectory = pdfDirectory
            self.batchFiles = max(1, batchFiles)
            self.dryRun = dryRun
            self.actor = actor
            self.yieldToDesk = yieldToDesk
            self.sealResults = sealResults
        }
    }

    /// One file's fate, as `--json` prints it.
    public struct Event: Sendable, Codable {
        /// `file` (filed, reused or quarantined now), `skipped` (filed by an earlier run), `ignored` (not a
        /// scan, or no manifest row), `planned` (dry run).
        public var event: String
        public var path: String
        public var status: String?
        public var document: String?
        public var documentCode: String?
        public var docType: String?
        public var reviewStatus: String?
        public var pages: Int?
        public var reason: String?
        public var errorCode: String?
        /// Pages decoded and read for this file in this run (`file` events).
        public var pagesRead: Int?
        /// The paper named no owner: filed in the agency's archive, waiting for one (`warehouse unassigned`).
        public var ownerUnassigned: Bool?
    }

    /// Where the run stands, after each batch.
    public struct Progress: Sendable {
        public var filesTotal: Int
        public var filesDone: Int
        public var pages: Int
        public var filed: Int
        public var reused: Int
        public var quarantined: Int
        public var skipped: Int
        public var seconds: Double
        /// Pages per second over the files processed in this run.
        public var pagesPerSecond: Double
        /// Seconds left at the current rate of files, nil before the first batch.
        public var etaSeconds: Double?
        public var waitingForDesk: Bool
    }

    let pipeline: IngestPipeline
    let store: WarehouseDatabase
    let layout: StorageLayout
    let manifest: BackfillManifest
    let options: Options
    /// Seals results with `sealResults`; it must share `pipeline`.
    let issuer: ResultIssuer?

    public init(
        pipeline: IngestPipeline, store: WarehouseDatabase, layout: StorageLayout, manifest: BackfillManifest, options: Options,
        issuer: ResultIssuer? = nil
    ) {
        self.pipeline = pipeline
        self.store = store
        self.layout = layout
        self.manifest = manifest
        self.options = options
        self.issuer = issuer
    }

    /// Where the searchable PDF of the file at `relativePath` goes: the same path under `folder`, `.pdf` added.
    static func searchablePDF(of relativePath: String, in folder: URL) -> URL {
        let name = relativePath.lowercased().hasSuffix(".pdf") ? relativePath : relativePath + ".pdf"
        return folder.appendingPathComponent(name)
    }

    /// A result to seal: kind `result`, `--results`, and not expired today.
    private func sealable(_ entry: BackfillManifest.Entry, today: CalendarDate) -> Bool {
        guard options.sealResults, issuer != nil, entry.kind == 1 else { return false }
        if case .until(let day) = entry.validity { return day >= today.iso }
        return true
    }

    /// The filing of this very file by an earlier run (same path, same bytes), if any. The file is hashed
    /// only when its path was filed before: a first run reads each file once, in the pipeline.
    ///
    /// Not a reason to skip: a paper quarantined `no-owner` by a version that had no agency archive (its
    /// bytes go there now), and, when `entry` names the owner of a file of its own (no component) and the
    /// file is `claimed` by a filing, a paper waiting in the agency archive for one (it moves to that owner,
    /// without OCR).
    private func earlierFiling(_ file: ArchiveWalker.Candidate, _ entry: BackfillManifest.Entry, claimed: Bool = true) throws -> FilingRecord? {
        let filings = try store.filings(path: file.url.path).filter { $0.errorCode != "no-owner" }
        guard !filings.isEmpty, let sha = try? BlobID.ofFile(file.url).hex, let filing = filings.first(where: { $0.sha256 == sha }) else {
            return nil
        }
        if claimed, entry.owner != nil, entry.component == nil, let document = filing.documentId, try store.ownerUnassigned(document: document) {
            return nil
        }
        return filing
    }

    private struct Batch {
        var entry: BackfillManifest.Entry
        var files: [ArchiveWalker.Candidate]
    }

    /// Runs the backfill of `root`. Throws only when the warehouse itself fails (database, disk) or the
    /// folder cannot be listed; bad files are quarantined and counted.
    public func run(
        root: URL, progress: (Progress) -> Void = { _ in }, event: (Event) -> Void = { _ in }
    ) throws -> BackfillReport {
        let started = Date()
        let walker = ArchiveWalker(root: root)
        let (candidates, ignoredFiles) = try walker.walk()
        var report = BackfillReport(directory: walker.root.path, dryRun: options.dryRun)
        report.filesSeen = candidates.count + ignoredFiles.count
        for file in ignoredFiles {
            report.ignored[file.reason, default: 0] += 1
            event(Event(event: "ignored", path: file.relativePath, reason: file.reason))
        }

        // Match files to manifest rows and cut batches: a component's files together, others by `batchFiles`.
        var batches: [Batch] = []
        var componentBatch: [String: Int] = [:]
        for file in candidates {
            guard let entry = manifest.entry(for: file.relativePath) else {
                report.ignored["no manifest row", default: 0] += 1
                event(Event(event: "ignored", path: file.relativePath, reason: "no manifest row"))
                continue
            }
            if entry.component != nil {
                if let i = componentBatch[entry.path] {
                    batches[i].files.append(file)
                } else {
                    componentBatch[entry.path] = batches.count
                    batches.append(Batch(entry: entry, files: [file]))
                }
            } else if entry.owner != nil, let last = batches.last, last.entry == entry, last.files.count < options.batchFiles {
                // (Papers whose owner is read from the paper go one by one: each may be someone else's.)
                batches[batches.count - 1].files.append(file)
            } else {
                batches.append(Batch(entry: entry, files: [file]))
            }
        }
        // Results still valid go first (DOMAIN.md §1: all still-valid results are to be digitised first).
        let today = CalendarDate.todayInVietnam
        if options.sealResults {
            batches = batches.filter { sealable($0.entry, today: today) } + batches.filter { !sealable($0.entry, today: today) }
        }
        let total = batches.reduce(0) { $0 + $1.files.count }
        var filesDone = 0
        // Time spent filing in this run, and the files it filed: the rate behind pages/s and the ETA.
        var workSeconds = 0.0
        var workFiles = 0
        var lastFiled = Date()
        let desk = DeskActivity(layout: layout)
        // Batches prepared but not yet filed, oldest first: enough that one-page batches keep every worker busy.
        var inFlight: [(prepared: PreparedIngest, files: [ArchiveWalker.Candidate], since: Date)] = []
        let window = max(3, 2 * pipeline.settings.workers) * (manifest.entries.contains { $0.owner == nil } ? 2 : 1)

        /// Where the run stands, from the report's counts.
        func show(waitingForDesk: Bool = false) {
            report.peakRSSBytes = BackfillReport.peakRSS()
            progress(
                Progress(
                    filesTotal: total, filesDone: filesDone, pages: report.pages, filed: report.filed, reused: report.reused,
                    quarantined: report.quarantined, skipped: report.skipped, seconds: Date().timeIntervalSince(started),
                    pagesPerSecond: workSeconds > 0 ? Double(report.pages) / workSeconds : 0,
                    etaSeconds: workFiles > 0 ? Double(total - filesDone) * workSeconds / Double(workFiles) : nil,
                    waitingForDesk: waitingForDesk))
        }

        /// Counts `files` as filed (or quarantined) now, the work having started at `since`.
        func done(_ files: Int, since: Date) {
            // Batches overlap: count the time since the later of this batch's start and the last filing.
            workSeconds += Date().timeIntervalSince(max(since, lastFiled))
            lastFiled = Date()
            workFiles += files
            filesDone += files
            show()
        }

        func skip(_ file: ArchiveWalker.Candidate, _ filing: FilingRecord) {
            report.skipped += 1
            filesDone += 1
            event(Event(event: "skipped", path: file.relativePath, status: filing.status, document: filing.documentId))
        }

        func conflict(_ files: [ArchiveWalker.Candidate], _ why: String) {
            // The manifest files into a dossier of another procedure or agency: its files are not filed.
            for file in files {
                report.ignored["dossier conflict", default: 0] += 1
                event(Event(event: "ignored", path: file.relativePath, reason: why))
            }
            filesDone += files.count
        }

        func finishOldest() throws {
            guard !inFlight.isEmpty else { return }
            let (prepared, files, since) = inFlight.removeFirst()
            let outcome: IngestReport
            switch Result(catching: { () throws(IngestError) in try pipeline.finish(prepared) }) {
            case .success(let report): outcome = report
            case .failure(.conflict(let why)):
                conflict(files, why)
                return
            case .failure(let error): throw error
            }
            for (file, result) in zip(files, outcome.files) {
                report.record(result)
                if result.searchablePDF != nil { report.searchablePDFs += 1 }
                let moved = result.movedFromArchive ? "moved from the agency archive to \(outcome.owner ?? "its owner")" : nil
                event(
                    Event(
                        event: "file", path: file.relativePath, status: result.status.rawValue, document: result.document,
                        documentCode: result.documentCode, docType: result.docType, reviewStatus: result.reviewStatus, pages: result.pages,
                        reason: result.error ?? moved, errorCode: result.errorCode, pagesRead: result.pagesRead,
                        ownerUnassigned: result.ownerUnassigned))
            }
            done(files.count, since: since)
        }

        /// Files and seals each still-valid result of `batch` (one at a time: sealing reads the filed original).
        func seal(_ batch: Batch, with issuer: ResultIssuer) throws {
            while !inFlight.isEmpty { try finishOldest() }
            for file in batch.files {
                if let filing = try earlierFiling(file, batch.entry, claimed: false),
                    try filing.status == "quarantined" || filing.sha256.map({ try store.hasResult(originalBlobId: $0) }) == true
                {
                    skip(file, filing)
                    continue
                }
                guard let resultType = batch.entry.resultType.flatMap({ try? ResultTypeCode($0) }) else {
                    report.ignored["result without a result type", default: 0] += 1
                    event(Event(event: "ignored", path: file.relativePath, reason: "result without a result type"))
                    filesDone += 1
                    continue
                }
                if options.dryRun {
                    report.planned += 1
                    filesDone += 1
                    event(Event(event: "planned", path: file.relativePath, reason: "seal as \(resultType.rawValue)"))
                    continue
                }
                let started = Date()
                let entry = batch.entry
                guard let dossier = entry.dossier, let owner = entry.owner else { continue }
                let request = IssueRequest(
                    file: file.url, dossier: dossier, resultType: resultType, owner: owner,
                    name: entry.name ?? entry.component ?? "Kết quả", number: entry.number, validity: entry.validity, scope: entry.scope ?? "",
                    procedure: entry.procedure, agency: entry.agency, actor: options.actor)
                do {
                    let (issued, _) = try issuer.issue(request)
                    report.filed += 1
                    report.sealed += 1
                    report.pages += issued.pages
                    event(
                        Event(
                            event: "file", path: file.relativePath, status: "filed", document: issued.sealedDocument,
                            documentCode: issued.documentCode, pages: issued.pages, reason: "sealed as \(issued.resultCode)"))
                } catch {
                    // The original could not be read: the pipeline quarantined it with its cause.
                    guard case .input(let why) = error else { throw error }
                    report.quarantined += 1
                    report.quarantineCauses["result", default: 0] += 1
                    event(Event(event: "file", path: file.relativePath, status: "quarantined", reason: why))
                }
                done(1, since: started)
            }
        }

        for batch in batches {
            if let issuer, sealable(batch.entry, today: today) {
                try seal(batch, with: issuer)
                continue
            }
            // Skip what an earlier run filed: same path, same bytes. A component is filed whole or not at all:
            // one whose files were all filed is done, one partly filed (a file changed since) is filed again whole.
            let earlier = try batch.files.map { try earlierFiling($0, batch.entry) }
            let componentDone = batch.entry.component == nil || earlier.allSatisfy { $0 != nil }
            var pending: [ArchiveWalker.Candidate] = []
            for (file, filing) in zip(batch.files, earlier) {
                if let filing, componentDone {
                    skip(file, filing)
                } else {
                    pending.append(file)
                }
            }
            guard !pending.isEmpty else { continue }

            if options.dryRun {
                for file in pending {
                    report.planned += 1
                    event(Event(event: "planned", path: file.relativePath, reason: batch.entry.dossier.map { "dossier \($0.rawValue)" } ?? "owner read from the paper"))
                }
                filesDone += pending.count
                continue
            }
            if options.yieldToDesk && desk.isBusy() {
                show(waitingForDesk: true)
                while desk.isBusy() { Thread.sleep(forTimeInterval: 0.2) }
            }

            var request = IngestRequest(
                files: pending.map(\.url), owner: batch.entry.owner, procedure: batch.entry.procedure, dossier: batch.entry.dossier,
                agency: batch.entry.agency, component: batch.entry.component, actor: options.actor, kind: batch.entry.kind,
                codeStem: batch.entry.resultType)
            // A row that names the owner of a paper an earlier run filed in the agency archive: it moves to them.
            request.claimsFromArchive = batch.entry.owner != nil
            if let folder = options.pdfDirectory {
                request.searchablePDFs = pending.map { Self.searchablePDF(of: $0.relativePath, in: folder) }
            }
            // This batch is decoded and queued while the workers still read the ones before; batches are filed in order.
            let preparing = Date()
            let prepared: PreparedIngest
            do {
                prepared = try pipeline.prepare(request)
            } catch {
                guard case .conflict(let why) = error else { throw error }
                while !inFlight.isEmpty { try finishOldest() }
                conflict(pending, why)
                continue
            }
            inFlight.append((prepared, pending, preparing))
            while inFlight.count >= window { try finishOldest() }
        }
        while !inFlight.isEmpty { try finishOldest() }
        show()
        report.seconds = Date().timeIntervalSince(started)
        report.pagesPerSecond = report.seconds > 0 ? Double(report.pages) / report.seconds : 0
        return report
    }
}

/// The report at the end of a backfill (`--report FILE.json`: these keys).
public struct BackfillReport: Sendable, Codable {
    public var directory: String
    public var dryRun: Bool
    /// Every file under the folder, scans or not.
    public var filesSeen = 0
    public var filed = 0
    public var reused = 0
    public var quarantined = 0
    /// Filed by an earlier run (same path, same bytes): not touched again.
    public var skipped = 0
    /// Would be filed (dry run).
    public var planned = 0
    /// Old results sealed as they were filed (`--results`; counted in `filed` too).
    public var sealed = 0
    /// Searchable PDFs written (`--pdf-dir`).
    public var searchablePDFs = 0
    /// Files not handed to the pipeline, by reason (not a scan, hidden, no manifest row, …).
    public var ignored: [String: Int] = [:]
    /// Quarantined files by cause (`truncated`, `encrypted`, `not-a-document`, …).
    public var quarantineCauses: [String: Int] = [:]
    /// Documents filed as needing review, by document type.
    public var needsReview: [String: Int] = [:]
    /// Files filed (or reused) into the agency's own archive because the paper names no citizen or
    /// organisation: they wait for a clerk to give them their owner (`warehouse unassigned`).
    public var unassigned = 0
    /// Papers that waited in the agency archive and went to the owner the manifest names (no OCR again).
    public var movedFromArchive = 0
    /// Pages decoded and read (OCR, or a trusted PDF text layer) in this run, whatever became of their file:
    /// also those of a file quarantined after its pages were read; reused copies count none.
    public var pages = 0
    public var seconds = 0.0
    public var pagesPerSecond = 0.0
    public var peakRSSBytes = 0

    init(directory: String, dryRun: Bool) {
        self.directory = directory
        self.dryRun = dryRun
    }

    mutating func record(_ outcome: FileOutcome) {
        switch outcome.status {
        case .filed: filed += 1
        case .reused: reused += 1
        case .quarantined: quarantineCauses[outcome.errorCode ?? "unknown", default: 0] += 1
        }
        pages += outcome.pagesRead
        if outcome.status == .quarantined { quarantined += 1 }
        if outcome.status != .quarantined, outcome.reviewStatus == "needs-review" {
            needsReview[outcome.docType ?? "other", default: 0] += 1
        }
        if outcome.status != .quarantined, outcome.ownerUnassigned { unassigned += 1 }
        if outcome.movedFromArchive { movedFromArchive += 1 }
    }

    /// The largest resident set of this process so far.
    static func peakRSS() -> Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return usage.ru_maxrss * 1024
    }
}
