import CLeptonica
import Foundation
import WarehouseCore

/// Page previews: a page scaled down and written as PNG, with Leptonica.
public enum PNGEncoder {
    public enum EncodeError: Error { case failed }

    public static func encode(_ page: RasterPage, maxWidth: Int) throws -> Data {
        guard var pix = Pix(gray: page) else { throw EncodeError.failed }
        if page.width > maxWidth, let scaled = Pix(pixScaleToSize(pix.raw, Int32(maxWidth), 0)) {
            pix = scaled
        }
        var bytes: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        guard pixWriteMem(&bytes, &size, pix.raw, Int32(IFF_PNG)) == 0, let bytes else { throw EncodeError.failed }
        defer { free(bytes) }
        return Data(bytes: bytes, count: size)
    }
}
