import CLeptonica
import CPoppler
import Foundation
import WarehouseCore

/// A PDF opened with poppler-glib, its pages rendered to grey at the chosen resolution.
final class PDFDocument: DecodedDocument {
    let format = InputFormat.pdf
    let pageCount: Int
    private let document: OpaquePointer
    private let limits: DecodeLimits

    init(file: URL, limits: DecodeLimits) throws(DecodeError) {
        _ = LibraryMessages.install
        self.limits = limits
        _ = LibraryMessages.drain()
        // poppler wants a URI, and g_filename_to_uri refuses relative paths.
        let absolute = file.standardizedFileURL.path
        var gerror: UnsafeMutablePointer<GError>? = nil
        guard let uri = g_filename_to_uri(absolute, nil, &gerror) else {
            let text = gerror.map { String(cString: $0.pointee.message) } ?? "bad path"
            if let gerror { g_error_free(gerror) }
            throw .unreadable(text)
        }
        defer { g_free(uri) }
        guard let doc = poppler_document_new_from_file(uri, nil, &gerror) else {
            var error = DecodeError.damaged("poppler cannot open it")
            if let gerror {
                let message = String(cString: gerror.pointee.message)
                if gerror.pointee.domain == wh_poppler_error_quark()
                    && UInt32(gerror.pointee.code) == POPPLER_ERROR_ENCRYPTED.rawValue
                {
                    error = .encrypted
                } else {
                    error = PDFDocument.classify(message, file: file)
                }
                g_error_free(gerror)
            }
            throw error
        }
        document = doc
        let count = Int(poppler_document_get_n_pages(doc))
        let messages = LibraryMessages.drain()
        guard count > 0 else {
            g_object_unref(UnsafeMutableRawPointer(doc))
            if !PDFDocument.hasEOFMarker(file) { throw .truncated("the PDF ends before its end-of-file marker and no page can be read") }
            // A page tree that says "0 pages" is an empty document, not a damaged one; one whose count is a lie
            // ("Page count (2147483647) larger than number of objects (4)") or not a number is damaged.
            let real = messages.filter { !$0.lowercased().contains("invalid page count 0") }
            throw real.isEmpty ? .noPages : .damaged("no page can be read: \(real[0])")
        }
        guard count <= limits.maxPages else {
            g_object_unref(UnsafeMutableRawPointer(doc))
            throw .tooManyPages(count: count, limit: limits.maxPages)
        }
        if let image = PDFDocument.largestImage(in: file), image.width * image.height > limits.maxPixelsPerImage {
            g_object_unref(UnsafeMutableRawPointer(doc))
            throw .imageTooLarge(width: image.width, height: image.height, limit: limits.maxPixelsPerImage)
        }
        pageCount = count
    }

    /// The largest image the PDF's image XObjects declare (`/Subtype /Image … /Width W /Height H`), read from
    /// the file's bytes: poppler's cairo renderer decodes an image whole, 4 bytes a pixel, however small it is
    /// drawn, so a 1 MB FlateDecode stream of a 20 000 × 20 000 image takes 1.6 GB. Stream dictionaries are
    /// never compressed (object streams cannot hold streams); a size given by an indirect reference is not seen.
    static func largestImage(in file: URL) -> (width: Int, height: Int)? {
        guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> (width: Int, height: Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var largest: (width: Int, height: Int)?
            var from = 0
            let key = Array("/Subtype".utf8)
            while let at = Self.find(key, in: bytes, from: from) {
                from = at + key.count
                var i = Self.skipSpace(bytes, from)
                guard Self.matches(Array("/Image".utf8), in: bytes, at: i) else { continue }
                i += 6
                guard i >= bytes.count || !Self.isRegular(bytes[i]) else { continue }
                // The dictionary around it: back to its object's start, on to its stream (at most 4 KiB each way).
                var start = at
                while start > max(0, at - 4096), !Self.matches(Array("obj".utf8), in: bytes, at: start) { start -= 1 }
                let end = Self.find(Array("stream".utf8), in: UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, at + 4096)]), from: at)
                    ?? min(bytes.count, at + 4096)
                guard let width = Self.integer(after: "/Width", in: bytes, start..<end),
                    let height = Self.integer(after: "/Height", in: bytes, start..<end)
                else { continue }
                if width * height > (largest.map { $0.width * $0.height } ?? 0) { largest = (width, height) }
            }
            return largest
        }
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard needle.count <= bytes.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            guard let p = memchr(bytes.baseAddress! + i, Int32(needle[0]), bytes.count - needle.count - i + 1) else { return nil }
            i = bytes.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if Self.matches(needle, in: bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func matches(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + needle.count <= bytes.count && needle.indices.allSatisfy { bytes[i + $0] == needle[$0] }
    }

    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < bytes.count, [0, 9, 10, 12, 13, 32].contains(bytes[i]) { i += 1 }
        return i
    }

    /// A PDF regular character: neither white space nor a delimiter.
    private static func isRegular(_ byte: UInt8) -> Bool {
        ![0, 9, 10, 12, 13, 32].contains(byte) && !Array("()<>[]{}/%".utf8).contains(byte)
    }

    /// The value of the first `key` in `range` that is a direct integer (not an indirect reference `W 0 R`).
    private static func integer(after key: String, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let needle = Array(key.utf8)
        var from = range.lowerBound
        while let at = find(needle, in: UnsafeBufferPointer(rebasing: bytes[..<range.upperBound]), from: from) {
            from = at + needle.count
            guard from < range.upperBound, !isRegular(bytes[from]) else { continue }
            var i = skipSpace(bytes, from)
            var value = 0
            var digits = 0
            while i < range.upperBound, bytes[i] >= 48, bytes[i] <= 57, digits < 10 {
                value = value * 10 + Int(bytes[i] - 48)
                digits += 1
                i += 1
            }
            guard digits > 0 else { continue }
            // `W 0 R` is a reference: its value is elsewhere.
            let next = skipSpace(bytes, i)
            if next < range.upperBound, bytes[next] >= 48, bytes[next] <= 57 { continue }
            return value
        }
        return nil
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    private static func classify(_ message: String, file: URL) -> DecodeError {
        if !hasEOFMarker(file) { return .truncated(message) }
        return .damaged(message)
    }

    /// Whether `%%EOF` appears in the last 2 KiB, as in every complete PDF.
    static func hasEOFMarker(_ file: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return false }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > 2048 ? size - 2048 : 0
        try? handle.seek(toOffset: start)
        guard let tail = try? handle.readToEnd() else { return false }
        return tail.range(of: Data("%%EOF".utf8)) != nil
    }

    func page(at index: Int) throws(DecodeError) -> DecodedPage {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw .pageFailed(page: index, reason: LibraryMessages.drain().first ?? "poppler returns no page")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        _ = LibraryMessages.drain()

        var widthPt = 0.0, heightPt = 0.0
        poppler_page_get_size(page, &widthPt, &heightPt)
        let scale = Double(limits.pdfDPI) / 72
        guard widthPt.isFinite, heightPt.isFinite, widthPt > 0, heightPt > 0 else {
            throw .pageFailed(page: index, reason: "the page has no size")
        }
        let w = Int((widthPt * scale).rounded())
        let h = Int((heightPt * scale).rounded())
        // Cairo image surfaces stop at 32767 pixels a side.
        try ImageFileDocument.checkSize(width: w, height: h, limits: limits)
        guard w < 32767, h < 32767 else { throw .tooLarge(width: w, height: h, limit: limits.maxPixelsPerPage) }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else {
            throw .pageFailed(page: index, reason: "no memory for a \(w)×\(h) page")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            throw .pageFailed(page: index, reason: "no memory for a \(w)×\(h) page")
        }
        // poppler draws on a transparent background: paint the paper white first.
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)

        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw .pageFailed(page: index, reason: "the page could not be rendered")
        }
        let planes = ColorPlanes(width: w, height: h) { lum, print, ink in
            wh_bgrx_planes(data, Int32(w), Int32(h), Int32(stride), lum, print, ink)
        }
        let renderMessages = LibraryMessages.drain()
        if renderMessages.contains(where: PDFDocument.isSerious) {
            throw .pageFailed(page: index, reason: renderMessages.first(where: PDFDocument.isSerious) ?? "render error")
        }

        let layer = PDFTextLayer.read(page, scale: scale)
        // Only a page with text needs to know where its images are (to tell a scan with a stamp's text from a
        // born-digital page); finding them costs a pass over the page.
        let images = layer.map { _ in PDFTextLayer.imageAreas(page, scale: scale) }
        _ = LibraryMessages.drain()
        return planes.page(dpi: limits.pdfDPI, textLayer: layer, imageAreas: images)
    }

    /// Poppler logs harmless notes too; these words mean the page content was not all drawn.
    private static func isSerious(_ message: String) -> Bool {
        let m = message.lowercased()
        return m.contains("error") && (m.contains("stream") || m.contains("image") || m.contains("decode") || m.contains("flate"))
    }
}
