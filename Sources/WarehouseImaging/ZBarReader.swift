import CLeptonica
import CZBar
import Foundation
import WarehouseCore

/// Reads QR codes (and other symbologies zbar knows) with libzbar, in process.
public struct ZBarReader: BarcodeReader {
    /// When nothing is found, try again on cleaned-up copies of the page (slower; for `verify`).
    public var persistent: Bool

    /// Pages up to 2 400 × 3 300 (an A4 page at 280 dpi) are doubled when nothing is found.
    static let maxPixelsToDouble = 8_000_000
    /// Pages up to 600-dpi A4 get the local threshold.
    static let maxPixelsToThreshold = 36_000_000

    public init(persistent: Bool = false) {
        self.persistent = persistent
    }

    public func read(_ page: RasterPage) -> [Barcode] {
        let found = scan(page)
        guard found.isEmpty, persistent, let pix = Pix(gray: page) else { return found }
        // A blurred or low-resolution scan: doubling the resolution gives zbar's finder more pixels per
        // module; a grey, faded one: a local threshold restores black and white. Only on pages small enough
        // to need it: doubling a large one gains nothing and costs four times its memory.
        let pixels = page.width * page.height
        if pixels <= Self.maxPixelsToDouble, let doubled = Pix(pixScaleGray2xLI(pix.raw)) {
            let retry = scan(doubled.rasterPage(dpi: page.dpi * 2))
            if !retry.isEmpty { return retry }
        }
        guard pixels <= Self.maxPixelsToThreshold else { return [] }
        var binaryRaw: UnsafeMutablePointer<PIX>? = nil
        if pixSauvolaBinarize(pix.raw, 25, 0.35, 1, nil, nil, nil, &binaryRaw) == 0, let binary = Pix(binaryRaw),
            let gray = binary.toGray8()
        {
            return scan(gray.rasterPage(dpi: page.dpi))
        }
        return []
    }

    private func scan(_ page: RasterPage) -> [Barcode] {
        guard page.width > 0, page.height > 0 else { return [] }
        guard let scanner = zbar_image_scanner_create() else { return [] }
        defer { zbar_image_scanner_destroy(scanner) }
        // QR only: the CCCD chip code and our seals are QR; the linear decoders cost time and one of
        // them (databar) prints assertion warnings on noisy scans.
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        // Take the bytes as they are: the payload is UTF-8, and guessing would mangle Vietnamese.
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)

        guard let image = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(image) }
        zbar_image_set_format(image, UInt(zbar_fourcc_parse("Y800")))
        zbar_image_set_size(image, UInt32(page.width), UInt32(page.height))

        return page.pixels.withUnsafeBufferPointer { buf -> [Barcode] in
            // zbar only reads the buffer during the scan; no cleanup handler, we own the memory.
            zbar_image_set_data(image, buf.baseAddress, UInt(buf.count), nil)
            guard zbar_scan_image(scanner, image) > 0 else { return [] }
            var found: [Barcode] = []
            var symbol = zbar_image_first_symbol(image)
            while let s = symbol {
                let length = Int(zbar_symbol_get_data_length(s))
                if let bytes = zbar_symbol_get_data(s) {
                    let data = Data(bytes: bytes, count: length)
                    // Our payloads are UTF-8; ISO 8859-1 is the QR standard's default for the rest.
                    let decoded = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
                    let text = decoded.precomposedStringWithCanonicalMapping
                    let name = zbar_get_symbol_name(zbar_symbol_get_type(s)).map { String(cString: $0) } ?? "unknown"
                    found.append(Barcode(symbology: name, payload: text))
                }
                symbol = zbar_symbol_next(s)
            }
            return found
        }
    }
}
