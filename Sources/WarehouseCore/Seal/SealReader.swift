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
    public func seals(in file: URL) throws(DecodeError) -> [String] {
        let head: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            head = Array(try handle.read(upToCount: 1024) ?? Data())
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        guard let format = InputFormat.sniff(head) else { throw .unreadable("it is not an image or a PDF") }
        let document = try decoder.open(file, format: format, limits: DecodeLimits())
        var found: [String] = []
        for i in 0..<min(maxPages, document.pageCount) {
            let page = try document.page(at: i)
            found += barcodes.read(page.raster).map(\.payload).filter { $0.contains(SealPayload.marker + "|") || $0.contains(SealPayload.marker + "%7C") }
            if !found.isEmpty { break }
        }
        return found
    }
}
