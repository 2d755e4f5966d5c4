import Foundation

/// A barcode found on a page.
public struct Barcode: Sendable, Equatable, Codable {
    /// Symbology as the reader names it, e.g. `QR-Code`.
    public var symbology: String
    /// The payload as UTF-8 text.
    public var payload: String

    public init(symbology: String, payload: String) {
        self.symbology = symbology
        self.payload = payload
    }
}

/// Reads barcodes (the CCCD chip QR, our own seals) from a page.
public protocol BarcodeReader: Sendable {
    func read(_ page: RasterPage) -> [Barcode]
}

/// Pixel work on pages before and around OCR: straightening, scaling, clean-up, measuring ink.
public protocol PagePreprocessor: Sendable {
    /// Finds the skew angle and straightens the page; returns the page and the angle corrected, in degrees
    /// (the page was turned by `angle` clockwise about its centre).
    func deskew(_ page: RasterPage) -> (page: RasterPage, angle: Double)
    /// Turns the page clockwise by `quarterTurns` × 90°.
    func rotate(_ page: RasterPage, quarterTurns: Int) -> RasterPage
    /// Turns the page by `degrees` clockwise about its centre, keeping its size (as `deskew` does).
    func rotate(_ page: RasterPage, degrees: Double) -> RasterPage
    /// Scales the page by `factor` (smoothly: grey levels are interpolated); its dpi scales too.
    func scale(_ page: RasterPage, by factor: Double) -> RasterPage
    /// Evens out the paper: grey or uneven paper becomes white, ink keeps its contrast.
    func normalizeBackground(_ page: RasterPage) -> RasterPage
    /// A bilevel page whose grey paper was dithered (isolated specks of one or two pixels all over it): the
    /// specks taken out, when there are at least `minimum` of them; nil when there are fewer (a clean page
    /// keeps every dot of its i's). Interpolating a dithered page up to 300 dpi turns each speck into a grey
    /// blot that Tesseract takes for ink.
    func removeDither(_ page: RasterPage, minimum: Int) -> RasterPage?
    /// Grey levels of the page: how light its paper is, how dark its ink.
    func measure(_ page: RasterPage) -> PageQuality
    /// Ink pixels (darker than `threshold`) in each square cell of `cell` pixels.
    func inkGrid(_ page: RasterPage, cell: Int, threshold: UInt8) -> InkGrid
    /// Mean stroke width in pixels of the ink in `rect` (0 without ink): a pen's or a marker's differs from print.
    func strokeWidth(_ page: RasterPage, in rect: PixelRect) -> Double
    /// The page as PNG bytes; nil when it cannot be encoded.
    func png(_ page: RasterPage) -> [UInt8]?
}

/// What a page's grey levels say about its scan.
public struct PageQuality: Sendable, Equatable {
    /// Grey level of the paper (the 75th percentile of the page), 0...255.
    public var paper: Int
    /// Grey level of the ink (the 1st percentile), 0...255.
    public var ink: Int
    /// Share of the pixels darker than the midpoint between ink and paper.
    public var inkShare: Double
    /// True when every pixel is black or white (a bilevel scan).
    public var bilevel: Bool

    public init(paper: Int, ink: Int, inkShare: Double, bilevel: Bool) {
        self.paper = paper
        self.ink = ink
        self.inkShare = inkShare
        self.bilevel = bilevel
    }
}

/// Ink pixels per square cell of a page, row-major.
public struct InkGrid: Sendable, Equatable {
    public var cell: Int
    public var columns: Int
    public var rows: Int
    public var counts: [Int]

    public init(cell: Int, columns: Int, rows: Int, counts: [Int]) {
        precondition(counts.count == columns * rows, "InkGrid needs columns*rows counts")
        self.cell = cell
        self.columns = columns
        self.rows = rows
        self.counts = counts
    }

    /// The cells a rectangle of page pixels touches (clamped to the grid).
    func cells(of rect: PixelRect) -> (columns: Range<Int>, rows: Range<Int>) {
        let c0 = max(0, rect.x / cell), c1 = min(columns, (rect.maxX + cell - 1) / cell)
        let r0 = max(0, rect.y / cell), r1 = min(rows, (rect.maxY + cell - 1) / cell)
        return (c0..<max(c0, c1), r0..<max(r0, r1))
    }
}
