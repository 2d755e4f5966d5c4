import CLeptonica
import Foundation
import WarehouseCore

/// Compresses page images for a searchable PDF with Leptonica: CCITT G4 for black-and-white pages, JPEG
/// for grey ones; and deflates streams with Leptonica's zlib.
public struct LeptonicaPDFPageEncoder: PDFPageEncoder {
    /// JPEG quality of grey pages (Tesseract's own PDF renderer uses 85).
    public var jpegQuality: Int

    public init(jpegQuality: Int = 85) {
        self.jpegQuality = jpegQuality
    }

    public func image(_ page: RasterPage) throws(SearchablePDFError) -> PDFImage {
        guard let grey = Pix(gray: page) else { throw .encodeFailed("cannot make a \(page.width) × \(page.height) image") }
        let bilevel = page.pixels.allSatisfy { $0 == 0 || $0 == 255 }
        var source = grey
        if bilevel {
            guard let binary = Pix(pixThresholdToBinary(grey.raw, 128)) else { throw .encodeFailed("cannot make a 1-bit image") }
            source = binary
        }
        var cid: UnsafeMutablePointer<L_COMP_DATA>? = nil
        let type = bilevel ? Int32(L_G4_ENCODE) : Int32(L_JPEG_ENCODE)
        guard pixGenerateCIData(source.raw, type, bilevel ? 0 : Int32(jpegQuality), 0, &cid) == 0, let data = cid else {
            throw .encodeFailed(bilevel ? "CCITT G4 encoding failed" : "JPEG encoding failed")
        }
        defer { l_CIDataDestroy(&cid) }
        let compressed = data.pointee
        guard let bytes = compressed.datacomp, compressed.nbytescomp > 0 else { throw .encodeFailed("no compressed data") }
        return PDFImage(
            width: Int(compressed.w), height: Int(compressed.h), bitsPerComponent: bilevel ? 1 : 8, filter: bilevel ? .ccittG4 : .dct,
            data: [UInt8](UnsafeBufferPointer(start: bytes, count: compressed.nbytescomp)))
    }

    public func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var size = 0
        let packed = bytes.withUnsafeBufferPointer { zlibCompress($0.baseAddress, $0.count, &size) }
        guard let packed else { return nil }
        defer { lept_free(packed) }
        return [UInt8](UnsafeBufferPointer(start: packed, count: size))
    }
}
