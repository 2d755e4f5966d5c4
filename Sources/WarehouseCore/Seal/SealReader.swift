import Foundation

/// Finds seals in a file: decodes its first pages and reads their QR codes.
public struct SealReader: Sendable {
    let decoder: any DocumentDecoder
    let barcodes: any BarcodeReader
    /// Pages looked at (the seal is on page 1; a strip or a reordered scan may move it).
    public var maxPages: Int

    public init(decoder: any DocumentDecoder, barcodes: any BarcodeReader, maxPages: Int = 3) {
        self.decoder = decoder
        self.barcodes = barcodes
        self.maxPages = maxPages
    }

    /// Every QR payload that looks like a seal (ours, possibly inside a URL), page by page.
    ///
    /// `limits` bound what one file may cost: a server checking files from anyone passes ``DecodeLimits/forSeals``.
    public func seals(in file: URL, limits: DecodeLimits = DecodeLimits()) throws(DecodeError) -> [String] {
        let head: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            head = Array(try handle.read(upToCount: 1024) ?? Data())
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        guard let format = InputFormat.sniff(head) else { throw .unreadable("it is not an image or a PDF") }
        let document = try decoder.open(file, format: format, limits: limits)
        var found: [String] = []
        for i in 0..<min(maxPages, document.pageCount) {
            let page = try document.page(at: i)
            found += barcodes.read(page.raster).map(\.payload).filter { $0.contains(SealPayload.marker + "|") || $0.contains(SealPayload.marker + "%7C") }
            if !found.isEmpty { break }
        }
        return found
    }
}

extension DecodeLimits {
    /// For reading a seal from a file anyone may send: a QR code needs no more than a 600-dpi A4 scan
    /// (35 M pixels) or a phone's photo, and PDF pages are rendered at 200 dpi, where a seal's modules are
    /// still 4 pixels wide.
    public static var forSeals: DecodeLimits {
        DecodeLimits(maxPages: 500, maxPixelsPerPage: 36_000_000, maxSide: 12_000, pdfDPI: 200, maxPixelsPerImage: 60_000_000)
    }
}
