import CTesseract
import Foundation
import WarehouseCore

/// Writes pages as a PDF with Tesseract's renderer: the page image plus an invisible OCR text layer.
public struct TesseractPDFWriter: SearchablePDFWriter {
    public let language: String
    public let dataPath: String?
    public var pageDeadline: Double

    public init(language: String, dataPath: String? = nil, pageDeadline: Double = 90) {
        self.language = language
        self.dataPath = dataPath
        self.pageDeadline = pageDeadline
    }

    public func write(pages: [RasterPage], title: String, to url: URL) throws(OCRError) {
        let engine = try TesseractEngine(language: language, dataPath: dataPath)
        // The renderer appends ".pdf" to the base name it is given, and needs pdf.ttf from the tessdata directory.
        let base = url.deletingPathExtension().path
        guard let renderer = TessPDFRendererCreate(base, engine.dataDirectory, 0) else {
            throw .initFailed("TessPDFRendererCreate failed (is pdf.ttf in \(engine.dataDirectory)?)")
        }
        defer { TessDeleteResultRenderer(renderer) }
        guard TessResultRendererBeginDocument(renderer, title) != 0 else { throw .recognitionFailed("cannot start the PDF \(url.path)") }
        for page in pages {
            try engine.recognizeForRenderer(page, deadline: pageDeadline) { handle in
                TessResultRendererAddImage(renderer, handle) != 0
            }
        }
        guard TessResultRendererEndDocument(renderer) != 0 else { throw .recognitionFailed("cannot finish the PDF \(url.path)") }
        let written = URL(fileURLWithPath: base + ".pdf")
        if written.standardizedFileURL != url.standardizedFileURL {
            try? FileManager.default.removeItem(at: url)
            do { try FileManager.default.moveItem(at: written, to: url) } catch {
                throw .recognitionFailed("cannot move the PDF to \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
