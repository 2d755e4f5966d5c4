import Foundation

/// One word on a page with its box in page pixels (top-left origin), where it came from and how sure
/// its reader was.
public struct PageWord: Sendable, Equatable, Codable {
    public var text: String
    public var box: PixelRect
    /// 0...100: Tesseract's word confidence; 100 for a PDF text layer.
    public var confidence: Double
    /// `.ocr` or `.pdfText`.
    public var source: FieldSource

    public init(text: String, box: PixelRect, confidence: Double, source: FieldSource) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.source = source
    }
}

/// The part of a Vietnamese administrative page (Decree 30/2020 layout) a line belongs to.
public enum LayoutRegion: String, Sendable, Codable, CaseIterable {
    /// An e-signature or publishing stamp (`Ký bởi: …`, `TRUNG TÂM CÔNG BÁO…`): metadata, not the paper's text.
    case stamp
    /// The left header column: parent and issuing body, `Số: …/…`, a công văn's `V/v …`.
    case headerLeft = "header-left"
    /// The right header column: national motto, place and date.
    case headerRight = "header-right"
    /// Title, subject and body, full width.
    case body
    /// The signature block (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, the signer's name), bottom right.
    case signature
    /// `Nơi nhận:` and its list, bottom left.
    case recipients
}

/// One line of a page in reading order: its words, its box and the region it belongs to.
public struct LayoutLine: Sendable, Equatable, Codable {
    public var words: [PageWord]
    public var region: LayoutRegion
    /// True when a paragraph starts at this line (a blank line goes before it in the page text).
    public var startsParagraph: Bool

    public init(words: [PageWord], region: LayoutRegion, startsParagraph: Bool = false) {
        self.words = words
        self.region = region
        self.startsParagraph = startsParagraph
    }

    public var text: String { words.map(\.text).joined(separator: " ") }
    public var box: PixelRect { PixelRect.union(words.map(\.box)) }
    /// Where the line's text came from: one source, or `nil` when its words have several.
    public var source: FieldSource? {
        let sources = Set(words.map(\.source))
        return sources.count == 1 ? sources.first : nil
    }
    /// Mean word confidence, 0...100.
    public var confidence: Double {
        words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count)
    }
}

/// A page's lines in reading order (stamp, left header, right header, body, signature block, Nơi nhận),
/// with the page's size in pixels.
public struct PageLayout: Sendable, Equatable, Codable {
    public var width: Int
    public var height: Int
    public var lines: [LayoutLine]

    public init(width: Int, height: Int, lines: [LayoutLine]) {
        self.width = width
        self.height = height
        self.lines = lines
    }

    /// The page text: one line a line, a blank line between regions and before paragraphs.
    public var text: String {
        var out: [String] = []
        var previous: LayoutRegion?
        for line in lines {
            let text = line.text
            guard !text.isEmpty else { continue }
            if let previous, previous != line.region || line.startsParagraph, out.last != "" { out.append("") }
            out.append(text)
            previous = line.region
        }
        return out.joined(separator: "\n")
    }

    /// The lines of one region, in reading order.
    public func lines(in region: LayoutRegion) -> [LayoutLine] {
        lines.filter { $0.region == region }
    }

    /// Which sources the page's words came from, and how many characters each gave.
    public var characters: [FieldSource: Int] {
        var counts: [FieldSource: Int] = [:]
        for word in lines.flatMap(\.words) { counts[word.source, default: 0] += word.text.count }
        return counts
    }
}

extension PixelRect {
    var maxX: Int { x + width }
    var maxY: Int { y + height }
    var midX: Double { Double(x) + Double(width) / 2 }
    var midY: Double { Double(y) + Double(height) / 2 }
    var area: Int { max(0, width) * max(0, height) }

    /// The smallest rectangle holding all of `rects` (zero when there are none).
    static func union(_ rects: [PixelRect]) -> PixelRect {
        guard let first = rects.first else { return PixelRect(x: 0, y: 0, width: 0, height: 0) }
        var minX = first.x, minY = first.y, maxX = first.maxX, maxY = first.maxY
        for r in rects.dropFirst() {
            minX = min(minX, r.x)
            minY = min(minY, r.y)
            maxX = Swift.max(maxX, r.maxX)
            maxY = Swift.max(maxY, r.maxY)
        }
        return PixelRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// The area both rectangles cover.
    func intersection(_ o: PixelRect) -> Int {
        let w = min(maxX, o.maxX) - Swift.max(x, o.x)
        let h = min(maxY, o.maxY) - Swift.max(y, o.y)
        return w > 0 && h > 0 ? w * h : 0
    }

    /// Grown by `d` pixels on every side.
    func inset(by d: Int) -> PixelRect {
        PixelRect(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d)
    }

    /// How much of the two rectangles' heights overlap, as a share of the smaller one.
    func verticalOverlap(_ o: PixelRect) -> Double {
        let overlap = min(maxY, o.maxY) - Swift.max(y, o.y)
        let smaller = min(height, o.height)
        return smaller > 0 ? Double(Swift.max(0, overlap)) / Double(smaller) : 0
    }
}
