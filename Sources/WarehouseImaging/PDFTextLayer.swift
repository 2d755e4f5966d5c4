import CPoppler
import Foundation
import WarehouseCore

/// A PDF page's text layer with a box for every word (from poppler's glyph rectangles), and the areas where
/// the page draws images: what tells a born-digital page from a scan carrying a stamp's few words.
enum PDFTextLayer {
    /// The page's text and its words, boxes in pixels at `scale` pixels a point; nil when it has no text.
    static func read(_ page: OpaquePointer, scale: Double) -> TextLayer? {
        guard let cText = poppler_page_get_text(page) else { return nil }
        defer { g_free(cText) }
        let text = String(cString: cText)
        guard text.contains(where: { !$0.isWhitespace }) else { return nil }
        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &count) != 0, let rects else {
            return TextLayer(text: text.precomposedStringWithCanonicalMapping, lines: [])
        }
        defer { g_free(rects) }
        let scalars = Array(text.unicodeScalars)
        let n = min(scalars.count, Int(count))
        var lines: [[PageWord]] = []
        var words: [PageWord] = []
        var current = String.UnicodeScalarView()
        var box: (x0: Double, y0: Double, x1: Double, y1: Double)?

        func flush() {
            if let b = box, !current.isEmpty {
                let word = String(current).precomposedStringWithCanonicalMapping
                let rect = PixelRect(
                    x: Int((b.x0 * scale).rounded(.down)), y: Int((b.y0 * scale).rounded(.down)),
                    width: max(1, Int(((b.x1 - b.x0) * scale).rounded(.up))), height: max(1, Int(((b.y1 - b.y0) * scale).rounded(.up))))
                words.append(PageWord(text: word, box: rect, confidence: 100, source: .pdfText))
            }
            current = String.UnicodeScalarView()
            box = nil
        }

        for i in 0..<n {
            let scalar = scalars[i]
            let r = rects[i]
            if CharacterSet.newlines.contains(scalar) {
                // poppler ends each of its lines with a newline.
                flush()
                if !words.isEmpty { lines.append(words) }
                words = []
                continue
            }
            if CharacterSet.whitespaces.contains(scalar) || CharacterSet.controlCharacters.contains(scalar) {
                flush()
                continue
            }
            let (x0, y0, x1, y1) = (min(r.x1, r.x2), min(r.y1, r.y2), max(r.x1, r.x2), max(r.y1, r.y2))
            if let b = box {
                // A glyph far right of the word, or on another line, starts a new word even without a space
                // between them (two header columns glued on one line).
                let height = max(b.y1 - b.y0, y1 - y0, 0.1)
                let gap = x0 - b.x1
                let sameLine = min(b.y1, y1) - max(b.y0, y0) > 0.4 * height
                let combining = scalar.properties.generalCategory == .nonspacingMark
                if !combining && (!sameLine || gap > 0.45 * height || gap < -2 * height) { flush() }
            }
            current.append(scalar)
            if let b = box {
                box = (min(b.x0, x0), min(b.y0, y0), max(b.x1, x1), max(b.y1, y1))
            } else {
                box = (x0, y0, x1, y1)
            }
        }
        flush()
        if !words.isEmpty { lines.append(words) }
        return TextLayer(text: text.precomposedStringWithCanonicalMapping, lines: lines)
    }

    /// Where the page draws images, in pixels at `scale` pixels a point.
    static func imageAreas(_ page: OpaquePointer, scale: Double) -> [PixelRect] {
        guard let list = poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var areas: [PixelRect] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let item = node {
            if let data = item.pointee.data {
                let a = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                let x0 = min(a.x1, a.x2), y0 = min(a.y1, a.y2), x1 = max(a.x1, a.x2), y1 = max(a.y1, a.y2)
                areas.append(
                    PixelRect(x: Int(x0 * scale), y: Int(y0 * scale), width: Int(((x1 - x0) * scale).rounded(.up)), height: Int(((y1 - y0) * scale).rounded(.up))))
            }
            node = item.pointee.next
        }
        return areas
    }
}
