import Foundation

/// A QR symbol as a square of modules.
public struct QRMatrix: Sendable, Equatable {
    /// QR version, 1...40.
    public var version: Int
    /// Modules per side.
    public var size: Int
    /// Row-major, true = dark.
    public var modules: [Bool]

    public init(version: Int, size: Int, modules: [Bool]) {
        self.version = version
        self.size = size
        self.modules = modules
    }
}

/// Encodes bytes as a QR symbol (ISO/IEC 18004, error correction level M, 8-bit mode).
public protocol QRCodeEncoder: Sendable {
    func encode(_ bytes: [UInt8]) throws(SealError) -> QRMatrix
}

/// Writes pages as a PDF with an invisible text layer (OCR), so that the file is searchable.
public protocol SearchablePDFWriter: Sendable {
    func write(pages: [RasterPage], title: String, to url: URL) throws(OCRError)
}
