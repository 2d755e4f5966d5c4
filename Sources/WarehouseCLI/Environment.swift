import ArgumentParser
import Foundation
import Logging
import WarehouseCore
import WarehouseImaging
import WarehouseTesseract

/// The composition root: the one place that picks the real engines, blob store and database.
struct Environment {
    let layout: StorageLayout
    let store: WarehouseDatabase
    let blobs: FileBlobStore

    /// Opens (creating if needed) the warehouse at `layout`.
    static func open(_ layout: StorageLayout) throws -> Environment {
        do {
            try layout.create()
            let store = try WarehouseDatabase(url: layout.database, lifecycle: try layout.dossierLifecycle())
            return Environment(layout: layout, store: store, blobs: FileBlobStore(layout: layout))
        } catch {
            var failure: StorageFailure?
            if case .storage(let refused)? = error as? StoreError { failure = refused }
            if let refused = (error as? BlobStoreError)?.storageFailure { failure = refused }
            guard let failure else {
                printError("warehouse: cannot open the warehouse at \(layout.root.path): \(error)")
                throw Exit.internalError
            }
            printError("warehouse: cannot open the warehouse at \(layout.root.path): \(failure)")
            printError("  nothing was done; \(failure.remedy), then run the command again.")
            throw Exit.storage
        }
    }

    /// Opens the warehouse for a command that files: first cleans up after a run that was killed while
    /// writing (`StorageRecovery`), and says so when there was anything to clean.
    static func openForWriting(_ layout: StorageLayout) throws -> Environment {
        let env = try open(layout)
        let recovered = StorageRecovery(layout: layout, store: env.store, blobs: env.blobs).run()
        if !recovered.isEmpty {
            printError(
                "warehouse: cleaned up after an interrupted run: \(recovered.temporaryFiles.count) temporary file(s) removed, "
                    + "\(recovered.blobsTakenOut.count) blob(s) of a filing that never committed taken out")
        }
        return env
    }

    /// The ingest pipeline with the real decoders and Tesseract.
    func pipeline(settings: PipelineSettings, searchablePDF: SearchablePDF? = nil) -> IngestPipeline {
        // The command prints every outcome itself; the log is for failures of the warehouse only.
        var logger = Logger(label: "warehouse.ingest")
        logger.logLevel = .error
        return IngestPipeline(
            layout: layout, store: store, blobs: blobs, decoder: ScanDecoder(), preprocessor: LeptonicaPreprocessor(),
            barcodeReader: ZBarReader(), ocrFactory: TesseractEngineFactory(language: settings.language), settings: settings, logger: logger,
            searchablePDF: searchablePDF)
    }

    /// Writes searchable PDFs with Tesseract's glyphless font and Leptonica's image compression.
    func searchablePDFWriter(language: String) throws(OCRError) -> SearchablePDF {
        SearchablePDF(glyphlessFont: try TesseractEngineFactory(language: language).glyphlessFont(), encoder: LeptonicaPDFPageEncoder())
    }
}

extension Environment {
    var keyStore: SealKeyStore { SealKeyStore(directory: layout.keys) }

    /// The result issuer with the real QR encoder and Tesseract's PDF renderer (filing through `pipeline`
    /// when given, so that a backfill shares its OCR workers).
    func issuer(settings: PipelineSettings, pipeline given: IngestPipeline? = nil) -> ResultIssuer {
        ResultIssuer(
            pipeline: given ?? pipeline(settings: settings), store: store, blobs: blobs, decoder: ScanDecoder(), keys: keyStore, qr: QREncoder(),
            pdf: TesseractPDFWriter(language: settings.language, pageDeadline: settings.pageDeadline), scratch: layout.scratch)
    }

    var sealReader: SealReader { SealReader(decoder: ScanDecoder(), barcodes: ZBarReader(persistent: true)) }
}

/// Says that the storage refused and what became of the inputs, and gives the exit code for it.
func storageExit(_ command: String, _ failure: StorageFailure, inputs: String) -> ExitCode {
    printError("warehouse \(command): \(failure)")
    printError("  nothing was filed and nothing half-written was left; \(inputs). \(failure.remedy.prefix(1).uppercased() + failure.remedy.dropFirst()), then run the command again.")
    return Exit.storage
}

/// Parses a code from the command line, turning its validation error into a usage error.
func parseCode<C: ValidatedCode>(_ text: String, as _: C.Type, option: String) throws -> C {
    do {
        return try C(text)
    } catch {
        throw ValidationError("\(option): \(error.description)")
    }
}

/// Parses the owner of a dossier from the command line: a citizen or organisation, never an agency's archive.
func parseDossierOwner(_ text: String, option: String = "--owner", dossier: String) throws -> OwnerIdentifier {
    let owner = try parseCode(text, as: OwnerIdentifier.self, option: option)
    if let why = WarehouseDatabase.archiveOwnerConflict(owner, dossier: dossier) { throw ValidationError("\(option): \(why)") }
    return owner
}
