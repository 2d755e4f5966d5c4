import Foundation

/// One page after the pipeline: where its text came from and how it was straightened.
public struct ProcessedPage: Sendable {
    public var number: Int
    public var width: Int
    public var height: Int
    public var dpi: Int
    public var pixelDigest: String
    public var perceptualHash: UInt64
    public var text: String
    public var confidence: Double
    public var textSource: FieldSource
    public var skewAngle: Double
    public var rotation: Int
    public var ocrSeconds: Double
    public var barcodes: [Barcode]
    /// Set when the page could not be read fully (OCR timed out…): the page is kept, flagged for review.
    public var warning: String?
    /// True when the text was copied from an identical page already in the warehouse.
    public var reusedFromPixels: Bool
    /// The page as a searchable PDF page (image and word positions), with `searchablePDF` settings.
    public var pdfPage: SearchablePDFPage?
}

/// The work done on one page, on an OCR worker thread: barcodes, deskew, OCR, orientation retry.
struct PageProcessor: Sendable {
    let settings: PipelineSettings
    let preprocessor: any PagePreprocessor
    let barcodeReader: any BarcodeReader
    /// Compresses page images for searchable PDFs (with `searchablePDF` settings).
    var pdfEncoder: (any PDFPageEncoder)?

    func process(_ decoded: DecodedPage, number: Int, digest: String, engine: any OCREngine) -> ProcessedPage {
        let raster = decoded.raster
        var result = ProcessedPage(
            number: number, width: raster.width, height: raster.height, dpi: raster.dpi, pixelDigest: digest,
            perceptualHash: raster.perceptualHash, text: "",
            confidence: 0, textSource: .ocr, skewAngle: 0, rotation: 0, ocrSeconds: 0, barcodes: [], warning: nil,
            reusedFromPixels: false)
        if settings.readBarcodes {
            result.barcodes = barcodeReader.read(raster)
        }
        if settings.trustPDFTextLayer, let text = decoded.embeddedText, Self.isReliableText(text) {
            result.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            result.confidence = 100
            result.textSource = .pdfText
            return attachImage(raster, to: result)
        }
        var page = raster
        if settings.deskew {
            let (straight, angle) = preprocessor.deskew(raster)
            page = straight
            result.skewAngle = angle
        }
        let start = Date()
        let layout = settings.searchablePDF && pdfEncoder != nil
        // The image OCR read: the one its word positions belong to.
        var read = page
        do {
            var best = try engine.recognize(page, deadline: settings.pageDeadline, layout: layout)
            if best.meanConfidence < settings.orientationRetryBelow,
                let orientation = engine.detectOrientation(page), orientation.degrees % 360 != 0, orientation.confidence > 1
            {
                // OSD gives the page's turn; turning it back is the complementary quarter turns.
                let turns = (4 - (orientation.degrees / 90) % 4) % 4
                let turned = preprocessor.rotate(page, quarterTurns: turns)
                let retry = try engine.recognize(turned, deadline: settings.pageDeadline, layout: layout)
                if retry.meanConfidence > best.meanConfidence {
                    best = retry
                    read = turned
                    result.rotation = turns
                }
            }
            result.text = best.text.trimmingCharacters(in: .whitespacesAndNewlines)
            result.confidence = best.meanConfidence
            result.ocrSeconds = Date().timeIntervalSince(start)
            return attachImage(read, to: result, lines: best.lines)
        } catch {
            result.warning = error.description
        }
        result.ocrSeconds = Date().timeIntervalSince(start)
        return attachImage(read, to: result)
    }

    /// With `searchablePDF` settings, keeps the page's image (compressed) and the lines OCR found on it:
    /// the page of a searchable PDF. Without lines, the page's text goes over it without positions.
    func attachImage(_ image: RasterPage, to page: ProcessedPage, lines: [OCRLine] = []) -> ProcessedPage {
        guard settings.searchablePDF, let pdfEncoder else { return page }
        var page = page
        do {
            page.pdfPage = SearchablePDFPage(image: try pdfEncoder.image(image), dpi: image.dpi, lines: lines, text: page.text)
        } catch {
            page.warning = page.warning ?? error.description
        }
        return page
    }

    /// A text layer worth trusting: enough characters, and nearly all of them letters, digits,
    /// spaces or punctuation (a broken font mapping yields control characters and private-use glyphs).
    static func isReliableText(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
        guard scalars.count >= 40 else { return false }
        let good = scalars.filter {
            CharacterSet.alphanumerics.contains($0) || CharacterSet.punctuationCharacters.contains($0)
                || CharacterSet.symbols.contains($0)
        }
        let privateUse = scalars.filter { (0xE000...0xF8FF).contains($0.value) || $0.value == 0xFFFD }
        return Double(good.count) / Double(scalars.count) > 0.95 && privateUse.isEmpty
    }
}
