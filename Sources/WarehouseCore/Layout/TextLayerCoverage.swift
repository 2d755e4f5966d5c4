import Foundation

/// How much of a PDF page's printed content its text layer covers: the ink drawn by the page's images
/// that lies outside every word box of the layer, as OCRmyPDF's `--skip-text` / `--redo-ocr` tell a
/// born-digital page from a scan with a stamp's few words of text.
///
/// Ink drawn as vector graphics (rules, table borders) is not text the layer could hold, so only ink where
/// the page draws an image counts as uncovered; for an image file the whole page is image.
public struct TextLayerCoverage: Sendable, Equatable {
    /// Share of the page's ink cells that hold a layer word.
    public var covered: Double
    /// Share of the page's ink that images draw outside every layer word: printed content only OCR can read.
    public var uncoveredImageInk: Double

    /// Above this share of uncovered image ink the page is OCR'd (the layer's words are kept).
    public static let ocrAbove = 0.15

    /// True when the layer holds the page's printed content: no OCR needed.
    public var coversPage: Bool { uncoveredImageInk <= Self.ocrAbove }

    /// Measures `words` against the ink of `grid`; `imageAreas` nil means the whole page is image.
    public init(words: [PageWord], grid: InkGrid, imageAreas: [PixelRect]?, margin: Int) {
        var textCell = [Bool](repeating: false, count: grid.counts.count)
        for word in words {
            let (columns, rows) = grid.cells(of: word.box.inset(by: margin))
            for r in rows {
                for c in columns { textCell[r * grid.columns + c] = true }
            }
        }
        var imageCell = [Bool](repeating: imageAreas == nil, count: grid.counts.count)
        for area in imageAreas ?? [] {
            let (columns, rows) = grid.cells(of: area)
            for r in rows {
                for c in columns { imageCell[r * grid.columns + c] = true }
            }
        }
        // A cell with a few stray pixels (JPEG noise, a speck) is not ink.
        let minimum = max(2, grid.cell * grid.cell / 50)
        var inkCells = 0, textInkCells = 0
        var ink = 0, uncovered = 0
        for i in grid.counts.indices where grid.counts[i] >= minimum {
            inkCells += 1
            ink += grid.counts[i]
            if textCell[i] {
                textInkCells += 1
            } else if imageCell[i] {
                uncovered += grid.counts[i]
            }
        }
        covered = inkCells > 0 ? Double(textInkCells) / Double(inkCells) : 1
        uncoveredImageInk = ink > 0 ? Double(uncovered) / Double(ink) : 0
    }

    /// Words of a text layer worth keeping: real characters, no private-use glyphs or replacement marks
    /// (a broken font mapping), no control characters.
    public static func reliableWords(_ words: [PageWord]) -> [PageWord] {
        words.filter { word in
            let scalars = word.text.unicodeScalars
            return !scalars.isEmpty && scalars.allSatisfy { s in
                !(0xE000...0xF8FF).contains(s.value) && s.value != 0xFFFD && !CharacterSet.controlCharacters.contains(s)
            }
        }
    }
}

/// How a page was turned and scaled before OCR, to take OCR's boxes back to the page as decoded.
struct PageGeometry: Sendable {
    /// Size of the page as decoded.
    var width: Int
    var height: Int
    /// The OCR image is the page scaled by this…
    var scale: Double = 1
    /// …then turned clockwise by this many degrees about its centre (deskew)…
    var angle: Double = 0
    /// …then turned clockwise by this many quarter turns.
    var quarterTurns: Int = 0

    /// A box of the OCR image as a box of the decoded page.
    func toPage(_ r: PixelRect) -> PixelRect {
        let corners = [(r.x, r.y), (r.maxX, r.y), (r.x, r.maxY), (r.maxX, r.maxY)].map { toPage(Double($0.0), Double($0.1)) }
        let xs = corners.map(\.0), ys = corners.map(\.1)
        let x0 = Int(xs.min()!.rounded(.down)), y0 = Int(ys.min()!.rounded(.down))
        let x1 = Int(xs.max()!.rounded(.up)), y1 = Int(ys.max()!.rounded(.up))
        let cx0 = max(0, min(width, x0)), cy0 = max(0, min(height, y0))
        return PixelRect(x: cx0, y: cy0, width: max(0, min(width, x1) - cx0), height: max(0, min(height, y1) - cy0))
    }

    private func toPage(_ x: Double, _ y: Double) -> (Double, Double) {
        // Sizes of the scaled image (and of the turned one).
        let w = Double(width) * scale, h = Double(height) * scale
        var (px, py) = (x, y)
        // Undo the quarter turns: one clockwise turn maps (x, y) of a w×h image to (h − y, x).
        let turns = ((quarterTurns % 4) + 4) % 4
        var (cw, ch) = turns % 2 == 0 ? (w, h) : (h, w)
        for _ in 0..<turns {
            (px, py) = (py, cw - px)
            (cw, ch) = (ch, cw)
        }
        // Undo the deskew: a turn of −angle about the centre.
        if angle != 0 {
            let theta = -angle * .pi / 180
            let cx = w / 2, cy = h / 2
            let dx = px - cx, dy = py - cy
            (px, py) = (cx + dx * cos(theta) - dy * sin(theta), cy + dx * sin(theta) + dy * cos(theta))
        }
        return (px / scale, py / scale)
    }
}
