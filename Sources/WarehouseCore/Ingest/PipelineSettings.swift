import Foundation

/// How the pipeline runs; the defaults are what a desk wants.
public struct PipelineSettings: Sendable {
    /// Recorded on every page and document, so that derived data can be rebuilt when it changes.
    public static let pipelineVersion = "ingest/2"

    /// Tesseract language(s), `vie` by default (`vie+eng` costs about 35% more for no gain here).
    public var language: String
    /// OCR worker threads, one engine each; default: the cores.
    public var workers: Int
    public var limits: DecodeLimits
    /// Seconds OCR may spend on one page before it is stopped.
    public var pageDeadline: Double
    /// Straighten skewed pages before OCR.
    public var deskew: Bool
    /// Below this mean confidence (0...100), detect the page's orientation and try again turned.
    public var orientationRetryBelow: Double
    /// Look for QR codes (CCCD chip, seals) on every page.
    public var readBarcodes: Bool
    /// Use a PDF page's own text layer instead of OCR when it looks like real text.
    public var trustPDFTextLayer: Bool
    /// Find the number and date blanks of administrative headers, tell print from pen, and read them.
    public var readSlots: Bool
    /// OCR the printed ink alone, red and blue (seals, pen, stamps) turned to paper.
    public var separateColors = true
    /// Read the subject and the signer's name again line by line, keeping the marks of the second reading.
    public var rereadKeyLines = true
    /// Read text printed in colour (a red title, a stamp) apart, from the coloured ink alone.
    public var readColorText = true
    /// Even out grey or uneven paper before OCR.
    public var normalizeBackground = true
    /// Bring scans under 250 dpi to 300 dpi before OCR.
    public var upscaleLowResolution = true
    /// Repair the tone and vowel marks OCR got wrong where a Vietnamese lexicon is sure (`Luật Đắt đai` →
    /// `Luật Đất đai`).
    public var correctVietnamese = true

    /// Steps that can be left out (`ingest --without`), to measure what each brings.
    public enum Step: String, CaseIterable, Sendable {
        case colorSeparation = "color-separation"
        case colorText = "color-text"
        case normalizeBackground = "normalize-background"
        case upscale
        case slots
        case deskew
        case vietnameseCorrection = "vietnamese-correction"
        case barcodes
        case reread
    }

    /// These settings without `steps`.
    public func without(_ steps: [Step]) -> PipelineSettings {
        var s = self
        for step in steps {
            switch step {
            case .colorSeparation: s.separateColors = false
            case .colorText: s.readColorText = false
            case .normalizeBackground: s.normalizeBackground = false
            case .upscale: s.upscaleLowResolution = false
            case .slots: s.readSlots = false
            case .deskew: s.deskew = false
            case .vietnameseCorrection: s.correctVietnamese = false
            case .barcodes: s.readBarcodes = false
            case .reread: s.rereadKeyLines = false
            }
        }
        return s
    }
    /// Keep each page's image and word positions from the OCR pass, to write searchable PDFs
    /// (`IngestRequest.searchablePDFs`) without reading the pages twice.
    public var searchablePDF: Bool

    public init(
        language: String = "vie", workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        limits: DecodeLimits = DecodeLimits(), pageDeadline: Double = 90, deskew: Bool = true,
        orientationRetryBelow: Double = 45, readBarcodes: Bool = true, trustPDFTextLayer: Bool = true, searchablePDF: Bool = false,
        readSlots: Bool = true
    ) {
        self.readSlots = readSlots
        self.searchablePDF = searchablePDF
        self.language = language
        self.workers = max(1, workers)
        self.limits = limits
        self.pageDeadline = pageDeadline
        self.deskew = deskew
        self.orientationRetryBelow = orientationRetryBelow
        self.readBarcodes = readBarcodes
        self.trustPDFTextLayer = trustPDFTextLayer
    }
}
