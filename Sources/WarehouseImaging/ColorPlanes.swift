import WarehouseCore

/// A colour page split into three grey planes in one pass: luminance (the page as it looks), the printed
/// ink alone (red and blue turned to paper) and the coloured ink alone (seals, pen, stamps).
struct ColorPlanes {
    /// Coloured-ink pixels below which a page counts as having no colour: a few specks of a scanner's
    /// fringe, not a digit written in pen (a two-digit number in ballpoint is some 3 000 pixels at 300 dpi).
    static let minimumColored = 400

    var luminance: [UInt8]
    var printed: [UInt8]?
    var colorInk: [UInt8]?
    let width: Int
    let height: Int

    /// Fills the planes with `split(luminance, printed, colorInk)`, which returns the coloured-ink pixel count.
    init(width: Int, height: Int, split: (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt8>?) -> Int) {
        self.width = width
        self.height = height
        var lum = [UInt8](repeating: 0, count: width * height)
        var print = [UInt8](repeating: 0, count: width * height)
        var ink = [UInt8](repeating: 0, count: width * height)
        let colored = lum.withUnsafeMutableBufferPointer { l in
            print.withUnsafeMutableBufferPointer { p in
                ink.withUnsafeMutableBufferPointer { k in split(l.baseAddress, p.baseAddress, k.baseAddress) }
            }
        }
        luminance = lum
        if colored >= Self.minimumColored {
            printed = print
            colorInk = ink
        }
    }

    func page(dpi: Int, textLayer: TextLayer? = nil, imageAreas: [PixelRect]? = nil) -> DecodedPage {
        DecodedPage(
            raster: RasterPage(width: width, height: height, dpi: dpi, pixels: luminance),
            printed: printed.map { RasterPage(width: width, height: height, dpi: dpi, pixels: $0) },
            colorInk: colorInk.map { RasterPage(width: width, height: height, dpi: dpi, pixels: $0) },
            textLayer: textLayer, imageAreas: imageAreas)
    }
}
