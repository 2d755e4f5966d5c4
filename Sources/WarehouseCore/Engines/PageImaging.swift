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

/// Geometric clean-up of a page before OCR.
public protocol PagePreprocessor: Sendable {
    /// Finds the skew angle and straightens the page; returns the page and the angle corrected, in degrees.
    func deskew(_ page: RasterPage) -> (page: RasterPage, angle: Double)
    /// Turns the page clockwise by `quarterTurns` × 90°.
    func rotate(_ page: RasterPage, quarterTurns: Int) -> RasterPage
}
