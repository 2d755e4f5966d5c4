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

    /// A 64-bit difference hash (dHash) of the page: close for two scans of the same paper, far for
    /// different papers. Compare with `hammingDistance`; ≤ 6 of 64 bits means "probably the same paper".
    public var perceptualHash: UInt64 {
        // Average a 9×8 grid of cells, sampling every few pixels: fast even in a debug build.
        let columns = 9
        let rows = 8
        guard width >= columns, height >= rows else { return 0 }
        var cells = [Double](repeating: 0, count: columns * rows)
        let step = max(1, min(width, height) / 400)
        pixels.withUnsafeBufferPointer { px in
            for cy in 0..<rows {
                let y0 = cy * height / rows
                let y1 = (cy + 1) * height / rows
                for cx in 0..<columns {
                    let x0 = cx * width / columns
                    let x1 = (cx + 1) * width / columns
                    var sum = 0
                    var count = 0
                    var y = y0
                    while y < y1 {
                        var x = x0
                        let row = y * width
                        while x < x1 {
                            sum += Int(px[row + x])
                            count += 1
                            x += step
                        }
                        y += step
                    }
                    cells[cy * columns + cx] = count > 0 ? Double(sum) / Double(count) : 0
                }
            }
        }
        var hash: UInt64 = 0
        for cy in 0..<rows {
            for cx in 0..<(columns - 1) where cells[cy * columns + cx] < cells[cy * columns + cx + 1] {
                hash |= 1 << UInt64(cy * (columns - 1) + cx)
            }
        }
        return hash
    }
}

/// Number of differing bits between two perceptual hashes.
public func hammingDistance(_ a: UInt64, _ b: UInt64) -> Int {
    (a ^ b).nonzeroBitCount
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
