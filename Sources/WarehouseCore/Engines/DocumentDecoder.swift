import Foundation

/// The file formats the pipeline accepts, recognised by their magic numbers, never by name.
public enum InputFormat: String, Codable, Sendable, CaseIterable {
    case png, jpeg, tiff, pdf

    /// The format of the file at `url` from its first 1024 bytes; nil when it cannot be read or is none of ours.
    public static func of(file url: URL) -> InputFormat? {
        let fd = RawPath.open(url.path)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 1024)
        let n = read(fd, &head, head.count)
        return n > 0 ? sniff(head.prefix(n)) : nil
    }

    /// The format of a file from its first bytes, or nil when it is none of ours.
    public static func sniff(_ head: some Collection<UInt8>) -> InputFormat? {
        let b = Array(head.prefix(1024))
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || b.starts(with: [0x49, 0x49, 0x2B, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2B])
        {
            return .tiff
        }
        // PDF readers accept the header anywhere in the first 1024 bytes.
        let marker = Array("%PDF-".utf8)
        if b.count >= marker.count {
            for start in 0...(b.count - marker.count) where b[start..<start + marker.count].elementsEqual(marker) {
                return .pdf
            }
        }
        // A PDF whose header is missing or mangled (as fuzzers and broken exporters leave them) is still
        // a PDF to the clerk: let the PDF reader decide, so that the error says "damaged", not "not a scan".
        let text = String(decoding: b, as: UTF8.self)
        if text.contains("%PDF") || (text.contains(" obj") && (text.contains("endobj") || text.contains("trailer") || text.contains("xref"))) {
            return .pdf
        }
        return nil
    }

    /// MIME type recorded on the blob.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .tiff: "image/tiff"
        case .pdf: "application/pdf"
        }
    }

    /// The format recorded on a blob as `mimeType`.
    public init?(mimeType: String) {
        guard let format = Self.allCases.first(where: { $0.mimeType == mimeType }) else { return nil }
        self = format
    }
}

/// Bounds that keep a hostile file from exhausting memory or time.
public struct DecodeLimits: Sendable {
    /// Most pages one file may have.
    public var maxPages: Int
    /// Most pixels one page may have (a 300-dpi A3 page is 17.5 M).
    public var maxPixelsPerPage: Int
    /// Longest side, in pixels.
    public var maxSide: Int
    /// Resolution PDF pages are rendered at.
    public var pdfDPI: Int
    /// Most pixels an image inside a PDF may declare: the renderer holds it whole, 4 bytes a pixel, however
    /// small it is drawn (150 M is 600 MB; a 600-dpi A3 colour scan is 70 M).
    public var maxPixelsPerImage: Int

    public init(
        maxPages: Int = 500, maxPixelsPerPage: Int = 60_000_000, maxSide: Int = 20_000, pdfDPI: Int = 300,
        maxPixelsPerImage: Int = 150_000_000
    ) {
        self.maxPages = maxPages
        self.maxPixelsPerPage = maxPixelsPerPage
        self.maxSide = maxSide
        self.pdfDPI = pdfDPI
        self.maxPixelsPerImage = maxPixelsPerImage
    }
}

/// One page as the decoder gives it: pixels, and for PDFs any text layer it carries.
public struct DecodedPage: Sendable {
    /// The page in grey (luminance): what the page looks like, for barcodes, hashes, previews and crops.
    public var raster: RasterPage
    /// The printed (black) ink only: red and blue ink (seals, handwriting, stamps) turned to paper, for OCR of
    /// the printed text. Nil when the page has no colour.
    public var printed: RasterPage?
    /// The coloured ink only (dark where red or blue ink is, white elsewhere): handwriting in pen, seals.
    /// Nil when the page has no colour.
    public var colorInk: RasterPage?
    /// The PDF page's own text layer with its word boxes (born-digital, already OCR'd, or a stamp's text).
    public var textLayer: TextLayer?
    /// Where the PDF page draws images (pixels of `raster`); nil for an image file (all of it is image).
    public var imageAreas: [PixelRect]?

    public init(
        raster: RasterPage, printed: RasterPage? = nil, colorInk: RasterPage? = nil, textLayer: TextLayer? = nil,
        imageAreas: [PixelRect]? = nil
    ) {
        self.raster = raster
        self.printed = printed
        self.colorInk = colorInk
        self.textLayer = textLayer
        self.imageAreas = imageAreas
    }

    /// Text of the PDF page's own text layer, when it has one.
    public var embeddedText: String? { textLayer?.text }
}

/// A PDF page's text layer: its text as the PDF reader extracts it, and its lines of words with their boxes.
public struct TextLayer: Sendable, Equatable {
    /// The text in the reader's order (NFC).
    public var text: String
    /// The reader's lines, each its words with their boxes in the page's pixels (confidence 100, source
    /// `.pdfText`). Two columns side by side may share a line: the layout splits them.
    public var lines: [[PageWord]]

    public init(text: String, lines: [[PageWord]]) {
        self.text = text
        self.lines = lines
    }

    public var words: [PageWord] { lines.flatMap { $0 } }
}

/// An opened input file whose pages are decoded one at a time, so memory stays one page deep.
///
/// Not thread-safe: use it from one thread at a time.
public protocol DecodedDocument: AnyObject {
    var format: InputFormat { get }
    var pageCount: Int { get }
    /// Decodes page `index` (0-based).
    func page(at index: Int) throws(DecodeError) -> DecodedPage
}

/// Opens scanned files (images, multi-page TIFF, PDF).
public protocol DocumentDecoder: Sendable {
    /// Opens the file, checks its structure and counts its pages, without decoding pixels.
    func open(_ file: URL, format: InputFormat, limits: DecodeLimits) throws(DecodeError) -> any DecodedDocument
}

/// Why a file could not be decoded; each case reads as one sentence a clerk can act on.
public enum DecodeError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case truncated(String)
    case damaged(String)
    case encrypted
    case noPages
    case tooManyPages(count: Int, limit: Int)
    case tooLarge(width: Int, height: Int, limit: Int)
    /// An image inside a PDF declares more pixels than the renderer may hold.
    case imageTooLarge(width: Int, height: Int, limit: Int)
    case pageFailed(page: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let why): "the file cannot be decoded as an image or PDF (\(why)); rescan it or save it again as PDF, PNG, JPEG or TIFF"
        case .truncated(let why): "the file is truncated (\(why)); the scan or the copy was cut short, so scan it again"
        case .damaged(let why): "the file is damaged (\(why)); scan it again or export it again from the scanner software"
        case .encrypted: "the PDF is protected by a password; ask for an unprotected copy or remove the password (qpdf --decrypt)"
        case .noPages: "the file has no pages"
        case .tooManyPages(let count, let limit): "the file has \(count) pages, more than the limit of \(limit); split it into smaller files"
        case .tooLarge(let w, let h, let limit):
            "a page is \(w)×\(h) pixels, over the limit of \(limit) pixels (a decompression bomb or a wrong resolution); rescan at 300 dpi"
        case .imageTooLarge(let w, let h, let limit):
            "an image in the PDF is \(w)×\(h) pixels, over the limit of \(limit) pixels (a decompression bomb or a wrong resolution); export the PDF again at 300 dpi"
        case .pageFailed(let page, let why): "page \(page + 1) cannot be decoded (\(why)); rescan that page"
        }
    }
}
