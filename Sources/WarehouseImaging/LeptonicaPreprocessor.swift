import CLeptonica
import WarehouseCore

/// Deskew and quarter turns with Leptonica.
public struct LeptonicaPreprocessor: PagePreprocessor {
    /// Skews smaller than this (degrees) are left alone: Tesseract copes, and a rotation blurs.
    public var minimumAngle: Double
    /// Leptonica's confidence below which a found angle is not trusted.
    public var minimumConfidence: Double

    public init(minimumAngle: Double = 0.2, minimumConfidence: Double = 3.0) {
        self.minimumAngle = minimumAngle
        self.minimumConfidence = minimumConfidence
    }

    public func deskew(_ page: RasterPage) -> (page: RasterPage, angle: Double) {
        guard let pix = Pix(gray: page) else { return (page, 0) }
        var angle: Float = 0
        var confidence: Float = 0
        // Default sweep (±7°) with binarisation done inside; returns a clone when no skew is found.
        guard let straight = Pix(pixDeskewGeneral(pix.raw, 0, 0, 0, 0, 0, &angle, &confidence)) else {
            return (page, 0)
        }
        _ = LibraryMessages.drain()
        guard abs(Double(angle)) >= minimumAngle, Double(confidence) >= minimumConfidence,
            let gray = straight.toGray8()
        else {
            return (page, 0)
        }
        return (gray.rasterPage(dpi: page.dpi), Double(angle))
    }

    public func rotate(_ page: RasterPage, degrees: Double) -> RasterPage {
        guard degrees != 0, let pix = Pix(gray: page),
            let turned = Pix(pixRotate(pix.raw, Float(degrees * .pi / 180), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0)),
            let gray = turned.toGray8()
        else { return page }
        return gray.rasterPage(dpi: page.dpi)
    }

    public func scale(_ page: RasterPage, by factor: Double) -> RasterPage {
        guard factor > 0, abs(factor - 1) > 0.01, let pix = Pix(gray: page),
            let scaled = Pix(pixScaleGrayLI(pix.raw, Float(factor), Float(factor)))
        else { return page }
        return scaled.rasterPage(dpi: Int((Double(page.dpi) * factor).rounded()))
    }

    public func removeDither(_ page: RasterPage, minimum: Int) -> RasterPage? {
        guard let pix = Pix(gray: page), let binary = Pix(pixThresholdToBinary(pix.raw, 128)) else { return nil }
        // Components at most 2 × 2 pixels: dither specks (a dot over an i at 200 dpi is 3 pixels or more).
        var changed: Int32 = 0
        guard let specks = Pix(pixSelectBySize(binary.raw, 2, 2, 8, Int32(L_SELECT_IF_BOTH), Int32(L_SELECT_IF_LTE), &changed)) else { return nil }
        var count: Int32 = 0
        guard pixCountConnComp(specks.raw, 8, &count) == 0, Int(count) >= minimum,
            let clean = Pix(pixSubtract(nil, binary.raw, specks.raw)), let gray = clean.toGray8()
        else { return nil }
        return gray.rasterPage(dpi: page.dpi)
    }

    public func normalizeBackground(_ page: RasterPage) -> RasterPage {
        guard let pix = Pix(gray: page), let even = Pix(pixBackgroundNormSimple(pix.raw, nil, nil)), let gray = even.toGray8() else {
            return page
        }
        return gray.rasterPage(dpi: page.dpi)
    }

    public func measure(_ page: RasterPage) -> PageQuality {
        var histogram = [Int32](repeating: 0, count: 256)
        page.pixels.withUnsafeBufferPointer { p in
            histogram.withUnsafeMutableBufferPointer { h in wh_histogram(p.baseAddress, p.count, h.baseAddress) }
        }
        let total = max(1, page.pixels.count)
        func percentile(_ share: Double) -> Int {
            var seen = 0
            let wanted = Int(Double(total) * share)
            for (level, count) in histogram.enumerated() {
                seen += Int(count)
                if seen > wanted { return level }
            }
            return 255
        }
        let ink = percentile(0.01), paper = percentile(0.75)
        let middle = (ink + paper) / 2
        let dark = histogram[..<max(0, middle)].reduce(0) { $0 + Int($1) }
        let extremes = Int(histogram[0]) + Int(histogram[255])
        return PageQuality(paper: paper, ink: ink, inkShare: Double(dark) / Double(total), bilevel: extremes == total)
    }

    public func inkGrid(_ page: RasterPage, cell: Int, threshold: UInt8) -> InkGrid {
        let columns = (page.width + cell - 1) / cell, rows = (page.height + cell - 1) / cell
        var counts = [Int32](repeating: 0, count: columns * rows)
        page.pixels.withUnsafeBufferPointer { p in
            counts.withUnsafeMutableBufferPointer { c in
                wh_ink_grid(p.baseAddress, Int32(page.width), Int32(page.height), Int32(cell), threshold, c.baseAddress)
            }
        }
        return InkGrid(cell: cell, columns: columns, rows: rows, counts: counts.map(Int.init))
    }

    public func strokeWidth(_ page: RasterPage, in rect: PixelRect) -> Double {
        page.pixels.withUnsafeBufferPointer { p in
            wh_stroke_width(
                p.baseAddress, Int32(page.width), Int32(page.height), Int32(rect.x), Int32(rect.y), Int32(rect.x + rect.width),
                Int32(rect.y + rect.height), 128)
        }
    }

    public func png(_ page: RasterPage) -> [UInt8]? {
        (try? PNGEncoder.encode(page, maxWidth: page.width)).map { [UInt8]($0) }
    }

    public func rotate(_ page: RasterPage, quarterTurns: Int) -> RasterPage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0, let pix = Pix(gray: page), let turned = Pix(pixRotateOrth(pix.raw, Int32(turns))) else {
            return page
        }
        return turned.rasterPage(dpi: page.dpi)
    }
}
