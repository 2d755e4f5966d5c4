import CLeptonica
import Foundation
import WarehouseCore

/// PNG, JPEG and TIFF (also multi-page) through Leptonica.
final class ImageFileDocument: DecodedDocument {
    let format: InputFormat
    let pageCount: Int
    private let data: Data
    private let limits: DecodeLimits
    /// Byte offset of the next TIFF directory, for reading frames in order without re-parsing.
    private var tiffOffset = 0
    private var nextTiffPage = 0
    private var seenTiffOffsets: Set<Int> = []

    init(file: URL, format: InputFormat, limits: DecodeLimits) throws(DecodeError) {
        _ = LibraryMessages.install
        self.format = format
        self.limits = limits
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        guard !data.isEmpty else { throw .unreadable("the file is empty") }
        _ = LibraryMessages.drain()

        if format == .tiff {
            pageCount = try Self.countTiffPages(file, limits: limits)
        } else {
            pageCount = 1
        }
        try checkHeader(page: 0)
    }

    private static func countTiffPages(_ file: URL, limits: DecodeLimits) throws(DecodeError) -> Int {
        guard let fp = fopen(file.path, "rb") else { throw .unreadable(String(cString: strerror(errno))) }
        defer { fclose(fp) }
        var n: Int32 = 0
        // libtiff stops at a directory loop and reports it; the count is then finite.
        guard tiffGetCount(fp, &n) == 0 else { throw .damaged(Self.why(default: "the TIFF directory cannot be read")) }
        let messages = LibraryMessages.drain()
        if n <= 0 { throw messages.isEmpty ? .noPages : .damaged(messages.joined(separator: "; ")) }
        if n > limits.maxPages { throw .tooManyPages(count: Int(n), limit: limits.maxPages) }
        return Int(n)
    }

    /// Reads the dimensions of a page before decoding it, so that a bomb is refused unopened.
    private func checkHeader(page: Int) throws(DecodeError) {
        var fmt: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0, res: Int32 = 0
        let ok: Int32 = data.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress
            if format == .tiff {
                return readHeaderMemTiff(base, raw.count, Int32(page), &w, &h, &bps, &spp, &res, &cmap, &fmt)
            }
            return pixReadHeaderMem(base, raw.count, &fmt, &w, &h, &bps, &spp, &cmap)
        }
        guard ok == 0 else {
            let messages = LibraryMessages.drain()
            throw format == .tiff && page > 0
                ? .pageFailed(page: page, reason: messages.first ?? "bad header")
                : .unreadable(messages.first ?? "the \(format.rawValue.uppercased()) header cannot be read")
        }
        try Self.checkSize(width: Int(w), height: Int(h), limits: limits)
    }

    static func checkSize(width: Int, height: Int, limits: DecodeLimits) throws(DecodeError) {
        guard width > 0, height > 0 else { throw .damaged("a page has no pixels (\(width)×\(height))") }
        if width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixelsPerPage {
            throw .tooLarge(width: width, height: height, limit: limits.maxPixelsPerPage)
        }
    }

    private static func why(default text: String) -> String {
        LibraryMessages.drain().first ?? text
    }

    func page(at index: Int) throws(DecodeError) -> DecodedPage {
        precondition(index < pageCount)
        if index > 0 { try checkHeader(page: index) }
        _ = LibraryMessages.drain()
        let pix: Pix? = data.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress
            switch format {
            case .jpeg:
                var warnings: Int32 = 0
                // Hint 0 makes libjpeg fail on bad data instead of returning a grey-padded page.
                return Pix(pixReadMemJpeg(base, raw.count, 0, 1, &warnings, 0))
            case .tiff:
                return readTiffPage(index, base: base, count: raw.count)
            default:
                return Pix(pixReadMem(base, raw.count))
            }
        }
        let messages = LibraryMessages.drain()
        guard let pix else {
            let reason = messages.first ?? "the decoder gave no image"
            if format == .tiff && pageCount > 1 { throw .pageFailed(page: index, reason: reason) }
            if isCutShort { throw .truncated(reason) }
            throw .damaged(reason)
        }
        try Self.checkSize(width: pix.width, height: pix.height, limits: limits)
        let dpi = pix.xres > 0 && pix.xres < 5000 ? pix.xres : 0
        if let color = pix.toRGB32() {
            // A colour page: luminance, print and coloured ink apart, in one pass.
            return ColorPlanes(width: color.width, height: color.height) { lum, print, ink in
                wh_pix32_planes(color.raw, lum, print, ink)
            }.page(dpi: dpi)
        }
        guard let gray = pix.toGray8() else { throw .pageFailed(page: index, reason: "cannot convert to grey") }
        return DecodedPage(raster: gray.rasterPage(dpi: dpi))
    }

    private func readTiffPage(_ index: Int, base: UnsafePointer<UInt8>?, count: Int) -> Pix? {
        if index != nextTiffPage {
            // Out-of-order access: read that frame directly.
            return Pix(pixReadMemTiff(base, count, Int32(index)))
        }
        var offset = tiffOffset
        let pix = Pix(pixReadMemFromMultipageTiff(base, count, &offset))
        if offset != 0 && !seenTiffOffsets.insert(offset).inserted {
            // The directory chain points back on itself: stop after this frame.
            offset = 0
        }
        tiffOffset = offset
        nextTiffPage = index + 1
        return pix
    }

    /// Whether the file lacks the marker every complete file of its format ends with
    /// (PNG's IEND chunk, JPEG's EOI), i.e. the copy or the scan was cut short.
    var isCutShort: Bool {
        let tail = data.suffix(4096)
        switch format {
        case .png: return tail.range(of: Data("IEND".utf8)) == nil
        case .jpeg: return tail.range(of: Data([0xFF, 0xD9])) == nil
        default: return false
        }
    }
}
