import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse backfill`: digitise a whole archive folder, resumably, for a commune team.
struct BackfillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Digitise an archive folder in bulk: parallel, resumable, with progress and a report.",
        discussion: """
            Walks DIR (PNG, JPEG, TIFF, PDF; other files are counted and left alone), matches each file to \
            its row of the manifest (a file or a folder: owner, procedure, dossier, agency, component), and \
            files it through the ingest pipeline. Without --manifest (then --agency is needed), each paper is \
            filed for the owner it names (citizen ID, tax code or old ID number), outside any dossier, as \
            needing review; a paper that names no citizen or organisation goes to the agency's own archive, \
            unassigned (`warehouse unassigned`, `warehouse assign`); a later run with a manifest row naming \
            its owner moves it to them without OCR. Bytes already in the warehouse cost only a hash. Killed \
            at any point, a second run goes on where the first stopped: files filed before (same path, same \
            bytes) are skipped. It runs at a low CPU priority and waits between batches while a desk \
            `ingest` or the server's uploads run on the same storage.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The archive folder.")
    var directory: String

    @Option(help: "CSV mapping files or folders to path,owner,procedure,dossier,agency[,component,kind,resultType].")
    var manifest: String?

    @Option(help: "Agency e-identifier for manifest rows that leave `agency` empty; without --manifest, the agency filing the archive.")
    var agency: String?

    @Option(help: "OCR worker threads (default: the cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Walk, match and check what is already filed, but file nothing.")
    var dryRun = false

    @Flag(help: "Seal the results (manifest kind `result`) that are still valid as they are filed, and take them first.")
    var results = false

    @Option(help: "Also write a searchable PDF of each file filed to this folder, at the file's path (scan.tif → scan.tif.pdf), from the same OCR pass.")
    var pdfDir: String?

    @Option(help: "Also write the report to this JSON file.")
    var report: String?

    @Option(help: "Who is filing (recorded in the provenance).")
    var actor: String = "backfill"

    @Option(help: "OCR language(s) for Tesseract.")
    var lang: String = ProcessInfo.processInfo.environment["WAREHOUSE_OCR_LANG"] ?? "vie"

    @Option(help: "Seconds OCR may spend on one page before it is stopped (the page is kept and flagged).")
    var pageTimeout: Double = 90

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard manifest != nil || agency != nil else {
            throw ValidationError(
                "without --manifest, give --agency (the agency filing the archive); with a manifest, each file or folder gets its owner, procedure, dossier and agency (see `warehouse backfill --help`)")
        }
        if manifest == nil && results {
            throw ValidationError("--results needs a --manifest: a result is sealed for the owner and dossier its row names")
        }
        if let agency { _ = try parseCode(agency, as: AgencyCode.self, option: "--agency") }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let root = URL(fileURLWithPath: directory, isDirectory: true, relativeTo: cwd).standardizedFileURL
        let rows: BackfillManifest
        do {
            let defaultAgency = try agency.map { try AgencyCode($0) }
            if let manifest {
                rows = try BackfillManifest(url: URL(fileURLWithPath: manifest, relativeTo: cwd), defaultAgency: defaultAgency)
            } else {
                rows = BackfillManifest(archiveOf: defaultAgency!)
            }
        } catch let error as BackfillError {
            printError("warehouse backfill: \(error)")
            throw Exit.usage
        }
        // Lower priority before the OCR threads start (they inherit it): the desk's work goes first. Never
        // raise it: a run started under `nice -n 19` stays there (root could otherwise lift it to 10).
        errno = 0
        let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        if errno != 0 || current < 10 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
        let env = try dryRun ? Environment.open(global.layout) : Environment.openForWriting(global.layout)
        if results {
            do { _ = try env.keyStore.activeSigner() } catch {
                printError("warehouse backfill: --results needs a seal key: \(error) (warehouse keys init)")
                throw Exit.noKey
            }
        }
        let settings = PipelineSettings(language: lang, workers: jobs, pageDeadline: pageTimeout, searchablePDF: pdfDir != nil)
        var writer: SearchablePDF?
        if pdfDir != nil {
            do { writer = try env.searchablePDFWriter(language: lang) } catch {
                printError("warehouse backfill: --pdf-dir: \(error)")
                throw Exit.missingDependency
            }
        }
        let pipeline = env.pipeline(settings: settings, searchablePDF: writer)
        let backfill = Backfill(
            pipeline: pipeline, store: env.store, layout: global.layout, manifest: rows,
            options: Backfill.Options(batchFiles: max(4, jobs * 4), dryRun: dryRun, actor: actor, sealResults: results,
                pdfDirectory: pdfDir.map { URL(fileURLWithPath: $0, isDirectory: true, relativeTo: cwd).standardizedFileURL }),
            issuer: results ? env.issuer(settings: settings, pipeline: pipeline) : nil)
        let display = ProgressDisplay(json: global.json)
        let result: BackfillReport
        do {
            result = try backfill.run(root: root, progress: display.show, event: display.event)
        } catch let error as BackfillError {
            display.finish()
            printError("warehouse backfill: \(error)")
            throw Exit.usage
        } catch let error as IngestError {
            display.finish()
            if case .storage(let failure) = error {
                throw storageExit("backfill", failure, inputs: "the archive is untouched; run the backfill again to go on where it stopped")
            }
            printError("warehouse backfill: \(error)")
            if case .ocrUnavailable = error { throw Exit.missingDependency }
            throw Exit.internalError
        } catch let error as IssueError {
            display.finish()
            if case .storage(let failure) = error {
                throw storageExit("backfill", failure, inputs: "the archive is untouched; run the backfill again to go on where it stopped")
            }
            printError("warehouse backfill: \(error)")
            throw Exit.internalError
        }
        display.finish()
        if let report {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(result).write(to: URL(fileURLWithPath: report, relativeTo: cwd))
        }
        if global.json {
            try display.line(ReportEvent(report: result))
        } else {
            printSummary(result)
        }
        if result.quarantined > 0 { throw Exit.quarantined }
    }

    private struct ReportEvent: Encodable {
        var event = "report"
        var report: BackfillReport
    }

    private func printSummary(_ r: BackfillReport) {
        let mb = Double(r.peakRSSBytes) / 1_048_576
        print(
            """
            \(r.dryRun ? "Dry run of" : "Backfill of") \(r.directory)
              files seen      \(r.filesSeen)
              filed           \(r.filed)\(r.dryRun ? "  (would file \(r.planned))" : "")\(r.sealed > 0 ? "  (\(r.sealed) results sealed)" : "")
              reused          \(r.reused)  (bytes already in the warehouse)
              quarantined     \(r.quarantined)\(Self.breakdown(r.quarantineCauses))
              skipped         \(r.skipped)  (filed by an earlier run)
              ignored         \(r.ignored.values.reduce(0, +))\(Self.breakdown(r.ignored))
              needs review    \(r.needsReview.values.reduce(0, +))\(Self.breakdown(r.needsReview))
              unassigned      \(r.unassigned)  (no owner named: in the agency archive, see warehouse unassigned)\(r.movedFromArchive > 0 ? "\n  moved          \(r.movedFromArchive)  (from the agency archive to the owner the manifest names)" : "")
              pages read      \(r.pages) in \(String(format: "%.1f", r.seconds)) s, \(String(format: "%.2f", r.pagesPerSecond)) pages/s
              peak memory     \(String(format: "%.0f", mb)) MB
            """)
    }

    private static func breakdown(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "" : "  (" + counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}

/// A progress bar on a terminal, a plain line every ten seconds otherwise, or JSON events with `--json`.
final class ProgressDisplay {
    let json: Bool
    let terminal = isatty(STDERR_FILENO) == 1
    private var lastLine = Date.distantPast
    private var lastText = ""
    private var drawn = false
    private let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    init(json: Bool) {
        self.json = json
    }

    func event(_ event: Backfill.Event) {
        guard json else { return }
        try? line(event)
    }

    func line(_ value: some Encodable) throws {
        // Unbuffered, one line per write: a reader of the pipe sees each event as it happens.
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }

    func show(_ p: Backfill.Progress) {
        let eta = p.etaSeconds.map { Self.duration($0) } ?? "…"
        let counts = "reused \(p.reused), quarantined \(p.quarantined), skipped \(p.skipped)"
        let rate = String(format: "%.2f pages/s", p.pagesPerSecond)
        if terminal {
            let width = 28
            let done = p.filesTotal == 0 ? width : min(width, p.filesDone * width / max(1, p.filesTotal))
            let bar = String(repeating: "█", count: done) + String(repeating: "░", count: width - done)
            let waiting = p.waitingForDesk ? "  (waiting: the desk is working)" : ""
            FileHandle.standardError.write(
                Data("\r\u{1B}[K\(bar) \(p.filesDone)/\(p.filesTotal) files, \(p.pages) pages, \(rate), ETA \(eta), \(counts)\(waiting)".utf8))
            drawn = true
        } else if !json, Date().timeIntervalSince(lastLine) >= 10 || p.filesDone == p.filesTotal {
            let text = "backfill: \(p.filesDone)/\(p.filesTotal) files, \(p.pages) pages, \(rate), ETA \(eta), \(counts)"
            guard text != lastText else { return }
            lastLine = Date()
            lastText = text
            printError(text)
        }
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" : s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
