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

    public func rotate(_ page: RasterPage, quarterTurns: Int) -> RasterPage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0, let pix = Pix(gray: page), let turned = Pix(pixRotateOrth(pix.raw, Int32(turns))) else {
            return page
        }
        return turned.rasterPage(dpi: page.dpi)
    }
}
