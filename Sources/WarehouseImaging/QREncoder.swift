import CQREncode
import WarehouseCore

/// QR symbols with libqrencode: 8-bit mode over the UTF-8 bytes, error correction level M.
public struct QREncoder: QRCodeEncoder {
    /// Largest version allowed: 15 (77 modules) still prints at about 3 cm and reads after a rescan.
    public var maxVersion: Int

    public init(maxVersion: Int = 15) {
        self.maxVersion = maxVersion
    }

    public func encode(_ bytes: [UInt8]) throws(SealError) -> QRMatrix {
        guard let code = bytes.withUnsafeBufferPointer({ QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, QR_ECLEVEL_M) })
        else {
            throw .tooLarge(bytes: bytes.count)
        }
        defer { QRcode_free(code) }
        let version = Int(code.pointee.version)
        let size = Int(code.pointee.width)
        guard version <= maxVersion else { throw .tooLarge(bytes: bytes.count) }
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        let modules = (0..<size * size).map { code.pointee.data[$0] & 1 == 1 }
        return QRMatrix(version: version, size: size, modules: modules)
    }
}
