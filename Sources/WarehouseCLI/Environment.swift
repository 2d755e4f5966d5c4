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
            return Environment(layout: layout, store: store, blobs: FileBlobStore(root: layout.blobs))
        } catch {
            printError("warehouse: cannot open the warehouse at \(layout.root.path): \(error)")
            throw Exit.internalError
        }
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

/// Parses a code from the command line, turning its validation error into a usage error.
func parseCode<C: ValidatedCode>(_ text: String, as _: C.Type, option: String) throws -> C {
    do {
        return try C(text)
    } catch {
        throw ValidationError("\(option): \(error.description)")
    }
}
