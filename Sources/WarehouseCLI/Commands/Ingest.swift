import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse ingest`: file the scanned components of one dossier for one owner.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Digitise scanned components (PNG, JPEG, TIFF, PDF) of one dossier and file them.",
        discussion: """
            Each file is spooled and hashed first: bytes already in the warehouse are filed as a new \
            reference (status reused) without being decoded or read again. Files that cannot be read are \
            quarantined with their original bytes and a reason, and the others are still filed. Without \
            --owner (and then without --procedure and --dossier), each paper is filed on its own for the \
            owner it names, outside any dossier, for review; a paper that names no citizen or organisation \
            goes to the agency's own archive (`warehouse unassigned`, `warehouse assign`).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Scanned files.")
    var files: [String]

    @Option(help: "Owner's identifier: CCCD (12 digits), CMND (9), MST (10 or NNNNNNNNNN-NNN) or passport; without it, read from each paper.")
    var owner: String?

    @Option(help: "Procedure code (mã TTHC), e.g. 1.001193 (with --owner).")
    var procedure: String?

    @Option(help: "Dossier code, e.g. 000.00.12.H56-241105-0007 (with --owner).")
    var dossier: String?

    @Option(help: "Receiving agency's e-identifier, e.g. 000.00.12.H56.")
    var agency: String

    @Option(help: "Name of the component these files together form (e.g. \"Tờ khai\"); without it each file is a component.")
    var component: String?

    @Option(help: "Who is filing (recorded in the provenance).")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    @Option(help: "OCR language(s) for Tesseract.")
    var lang: String = ProcessInfo.processInfo.environment["WAREHOUSE_OCR_LANG"] ?? "vie"

    @Option(help: "OCR worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(inversion: .prefixedNo, help: "Straighten skewed pages before OCR.")
    var deskew = true

    @Option(help: "Seconds OCR may spend on one page before it is stopped (the page is kept and flagged).")
    var pageTimeout: Double = 90

    @Option(
        help: ArgumentHelp(
            "Leave out pipeline steps, to measure what each brings (comma-separated): \(PipelineSettings.Step.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "steps"))
    var without: String?

    /// The steps of `--without`.
    func leftOut() throws -> [PipelineSettings.Step] {
        try (without ?? "").split(separator: ",").map { name in
            guard let step = PipelineSettings.Step(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--without: unknown step '\(name)'; the steps are \(PipelineSettings.Step.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return step
        }
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard pageTimeout > 0 else { throw ValidationError("--page-timeout must be positive") }
        _ = try leftOut()
        _ = try requests()
    }

    /// One request for the dossier; without --owner, one per file (each paper may be someone else's).
    func requests() throws -> [IngestRequest] {
        let agencyCode = try parseCode(agency, as: AgencyCode.self, option: "--agency")
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let urls = files.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        guard let owner else {
            guard dossier == nil, procedure == nil, component == nil else {
                throw ValidationError("--dossier, --procedure and --component need --owner: without it each paper is filed outside any dossier, for the owner it names")
            }
            return urls.map { IngestRequest(files: [$0], owner: nil, procedure: nil, dossier: nil, agency: agencyCode, actor: actor) }
        }
        guard let dossier, let procedure else { throw ValidationError("with --owner, give --procedure and --dossier: the dossier these files belong to") }
        let dossierCode = try parseCode(dossier, as: DossierCode.self, option: "--dossier")
        let ownerID = try parseDossierOwner(owner, dossier: dossierCode.rawValue)
        return [
            IngestRequest(
                files: urls, owner: ownerID, procedure: try parseCode(procedure, as: ProcedureCode.self, option: "--procedure"),
                dossier: dossierCode, agency: agencyCode, component: component?.trimmingCharacters(in: .whitespaces), actor: actor)
        ]
    }

    func run() throws {
        let env = try Environment.openForWriting(global.layout)
        let settings = PipelineSettings(
            language: lang, workers: min(jobs, max(1, files.count * 8)), pageDeadline: pageTimeout, deskew: deskew
        ).without(try leftOut())
        let report: IngestReport
        // A backfill on the same storage waits while this runs: the desk goes first.
        let marker = DeskActivity(layout: global.layout).begin()
        defer { marker.end() }
        do {
            let pipeline = env.pipeline(settings: settings)
            let reports = try requests().map { try pipeline.ingest($0) }
            // Papers read one by one: one report, with the owner when they all have the same.
            let owners = Set(reports.map(\.owner))
            report = IngestReport(
                dossier: reports.first?.dossier, owner: owners.count == 1 ? reports.first?.owner : nil, files: reports.flatMap(\.files),
                seconds: reports.map(\.seconds).reduce(0, +), ownerKind: owners.count == 1 ? reports.first?.ownerKind : nil)
        } catch let error as IngestError {
            if case .storage(let failure) = error {
                throw storageExit("ingest", failure, inputs: "the files are still where they were (\(files.joined(separator: ", ")))")
            }
            printError("warehouse ingest: \(error)")
            if case .ocrUnavailable = error { throw Exit.missingDependency }
            if case .conflict = error { throw Exit.usage }
            throw Exit.internalError
        }
        if global.json {
            try printJSON(report)
        } else {
            printHuman(report)
        }
        if report.quarantined > 0 { throw Exit.quarantined }
    }

    private func printHuman(_ report: IngestReport) {
        for outcome in report.files {
            let name = (outcome.file as NSString).lastPathComponent
            switch outcome.status {
            case .quarantined:
                print("✗ quarantined  \(name): \(outcome.error.map { String($0.dropFirst(name.count + 2)) } ?? "")")
                if let kept = outcome.quarantinedAt { print("    original kept at \(kept)") }
            case .filed, .reused:
                let confidence = outcome.meanConfidence.map { String(format: "%.0f", $0) } ?? "-"
                let review = (outcome.reviewStatus == "needs-review" ? "  [needs review]" : "")
                    + (outcome.ownerUnassigned ? "  [agency archive: no owner named; warehouse assign]" : "")
                print(
                    "✓ \(outcome.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(name) → \(outcome.docType ?? "?")  "
                        + "\(outcome.documentCode ?? outcome.document ?? "")  (\(outcome.pages) page\(outcome.pages == 1 ? "" : "s"), confidence \(confidence))\(review)"
                )
                if let dup = outcome.duplicate {
                    let what =
                        switch dup.kind {
                        case "same-bytes": "this file is already in the warehouse"
                        case "same-pixels": "same page images as a filed scan"
                        default: "looks like a re-scan of a filed paper (same key fields); same paper?"
                        }
                    print("    \(what)\(dup.document.map { ": document \($0)" } ?? "")")
                }
                for (key, field) in outcome.fields.sorted(by: { $0.key < $1.key }) {
                    let flags = field.flags.isEmpty ? "" : "  ⚠ " + field.flags.joined(separator: ", ")
                    print("    \(key.padding(toLength: 18, withPad: " ", startingAt: 0)) \(field.value)  (\(Int(field.confidence * 100))%, \(field.source.rawValue))\(flags)")
                }
                for warning in outcome.warnings { print("    ⚠ \(warning)") }
            }
        }
        print(
            "\(report.files.count) file(s): \(report.filed) filed, \(report.reused) reused, \(report.quarantined) quarantined "
                + "in \(String(format: "%.2f", report.seconds)) s — dossier \(report.dossier ?? "none"), owner \(Self.owner(report))")
    }

    private static func owner(_ report: IngestReport) -> String {
        guard let owner = report.owner else { return report.files.contains { $0.owner != nil } ? "read from each paper" : "unknown" }
        return report.ownerKind == "agency" ? "the archive of agency \(owner)" : owner
    }
}
