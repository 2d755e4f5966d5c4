import Crypto
import Foundation

/// One decoded page as 8-bit grey pixels: the common currency between the decoders, the
/// preprocessor, the barcode reader and the OCR engine.
///
/// Grey is enough for OCR and barcodes, and it makes "same pixels, other encoding" a plain hash.
public struct RasterPage: Sendable {
    public var width: Int
    public var height: Int
    /// Resolution in dots per inch (from the file, or the rasteriser's); 0 when unknown.
    public var dpi: Int
    /// Row-major, one byte a pixel, no padding: `width * height` bytes.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, dpi: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "RasterPage needs width*height bytes")
        self.width = width
        self.height = height
        self.dpi = dpi
        self.pixels = pixels
    }

    /// SHA-256 of the dimensions and the pixels: equal for a PNG and a lossless TIFF of one page.
    public var pixelDigest: String {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt32(width).bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: UInt32(height).bigEndian) { hasher.update(bufferPointer: $0) }
        pixels.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().hexString
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
