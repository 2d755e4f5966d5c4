import Foundation

/// A rectangle on a page, in pixels from the top-left corner.
public struct PixelRect: Codable, Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public func intersects(_ o: PixelRect) -> Bool {
        x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
    }
}

/// Puts a QR seal at the top-left of a page (Circular 01/2023 Art. 26) where it covers nothing:
/// the clear area nearest the corner, or, when the top of the page is full, a white strip added above it.
public enum SealStamp {
    /// Module size: 0.42 mm, so that a print scanned again at 200 dpi still has 3.3 pixels a module.
    static let moduleMillimetres = 0.42
    /// Distance kept from the paper's edges (printers do not print to the edge).
    static let marginMillimetres = 6.0
    /// Extra clear space required around the symbol's own quiet zone.
    static let gapMillimetres = 1.5

    public struct Result: Sendable {
        public var page: RasterPage
        /// Where the symbol (with its quiet zone) was drawn.
        public var frame: PixelRect
        /// True when no clear area was found and a strip was added at the top.
        public var addedStrip: Bool
    }

    static func pixels(_ mm: Double, dpi: Int) -> Int {
        Int((Double(dpi) * mm / 25.4).rounded())
    }

    public static func stamp(_ qr: QRMatrix, on page: RasterPage) -> Result {
        let dpi = page.dpi > 0 ? page.dpi : 300
        let module = max(3, pixels(moduleMillimetres, dpi: dpi))
        let side = (qr.size + 8) * module  // 4-module quiet zone on each side
        let margin = pixels(marginMillimetres, dpi: dpi)
        let gap = pixels(gapMillimetres, dpi: dpi)

        if let spot = clearSpot(on: page, side: side, margin: margin, gap: gap) {
            var stamped = page
            draw(qr, module: module, at: spot, on: &stamped)
            return Result(page: stamped, frame: PixelRect(x: spot.x, y: spot.y, width: side, height: side), addedStrip: false)
        }
        // No room: a white band on top, as tall as the seal plus margins, and the page below it.
        let band = side + 2 * margin
        var pixels = [UInt8](repeating: 255, count: page.width * (page.height + band))
        pixels.replaceSubrange(band * page.width..<(band + page.height) * page.width, with: page.pixels)
        var stamped = RasterPage(width: page.width, height: page.height + band, dpi: page.dpi, pixels: pixels)
        let spot = (x: min(margin, max(0, page.width - side)), y: margin)
        draw(qr, module: module, at: spot, on: &stamped)
        return Result(page: stamped, frame: PixelRect(x: spot.x, y: spot.y, width: side, height: side), addedStrip: true)
    }

    /// The clear square nearest the top-left corner, searched over the top third and left half of the page.
    static func clearSpot(on page: RasterPage, side: Int, margin: Int, gap: Int) -> (x: Int, y: Int)? {
        let w = page.width
        let h = page.height
        let outer = side + 2 * gap
        guard w >= outer + 2 * margin, h >= outer + 2 * margin else { return nil }
        let ink = InkIntegral(page)
        // A few specks of scanner noise are tolerated; a single printed character is not.
        let allowed = max(2, outer * outer / 4000)
        let step = max(4, side / 10)
        var best: (cost: Int, x: Int, y: Int)? = nil
        var y = max(0, margin - gap)
        while y + outer <= max(outer + margin, h / 3) && y + outer <= h {
            var x = max(0, margin - gap)
            while x + outer <= max(outer + margin, w / 2) && x + outer <= w {
                let cost = x + y
                if best.map({ cost < $0.cost }) ?? true, ink.count(x: x, y: y, width: outer, height: outer) <= allowed {
                    best = (cost, x + gap, y + gap)
                }
                x += step
            }
            y += step
        }
        return best.map { ($0.x, $0.y) }
    }

    static func draw(_ qr: QRMatrix, module: Int, at spot: (x: Int, y: Int), on page: inout RasterPage) {
        let side = (qr.size + 8) * module
        let width = page.width
        page.pixels.withUnsafeMutableBufferPointer { px in
            for row in 0..<side {
                let y = spot.y + row
                guard y < page.height else { break }
                let my = row / module - 4
                for col in 0..<side {
                    let x = spot.x + col
                    guard x < width else { break }
                    let mx = col / module - 4
                    let dark = mx >= 0 && my >= 0 && mx < qr.size && my < qr.size && qr.modules[my * qr.size + mx]
                    px[y * width + x] = dark ? 0 : 255
                }
            }
        }
    }
}

/// Counts dark pixels in any rectangle in constant time (a summed-area table).
struct InkIntegral {
    let width: Int
    let sums: [Int32]

    init(_ page: RasterPage, darkBelow: UInt8 = 128) {
        width = page.width + 1
        var sums = [Int32](repeating: 0, count: (page.width + 1) * (page.height + 1))
        page.pixels.withUnsafeBufferPointer { px in
            sums.withUnsafeMutableBufferPointer { s in
                for y in 0..<page.height {
                    var rowSum: Int32 = 0
                    let row = y * page.width
                    let out = (y + 1) * (page.width + 1)
                    let above = y * (page.width + 1)
                    for x in 0..<page.width {
                        if px[row + x] < darkBelow { rowSum += 1 }
                        s[out + x + 1] = s[above + x + 1] + rowSum
                    }
                }
            }
        }
        self.sums = sums
    }

    func count(x: Int, y: Int, width w: Int, height h: Int) -> Int {
        let a = sums[y * width + x]
        let b = sums[y * width + x + w]
        let c = sums[(y + h) * width + x]
        let d = sums[(y + h) * width + x + w]
        return Int(d - b - c + a)
    }
}
