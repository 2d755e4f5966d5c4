import Foundation

/// What the pipeline learnt of a page beside its text, kept with the page (`page.analysis`): its lines in
/// reading order with their regions and sources, its number and date blanks, and how much of it a PDF text
/// layer covered. Re-reading a stored page (an owner assigned later, a second run) needs no OCR.
public struct PageAnalysis: Codable, Sendable, Equatable {
    /// Lines in reading order, compact: one box and one source a line.
    public var lines: [StoredLine]
    public var width: Int
    public var height: Int
    public var slots: [HandwrittenSlot]
    /// Share of the page's ink cells its PDF text layer covered, when it had one.
    public var layerCoverage: Double?

    public struct StoredLine: Codable, Sendable, Equatable {
        public var text: String
        public var region: LayoutRegion
        public var box: PixelRect
        public var source: FieldSource
        public var confidence: Double
        public var paragraph: Bool
    }

    public init(layout: PageLayout, slots: [HandwrittenSlot], layerCoverage: Double?) {
        width = layout.width
        height = layout.height
        lines = layout.lines.map { line in
            StoredLine(
                text: line.text, region: line.region, box: line.box, source: line.source ?? .mixed,
                confidence: (line.confidence * 10).rounded() / 10, paragraph: line.startsParagraph)
        }
        self.slots = slots
        self.layerCoverage = layerCoverage
    }

    /// The layout again, each line one word spanning its box.
    public var layout: PageLayout {
        PageLayout(
            width: width, height: height,
            lines: lines.map { line in
                LayoutLine(
                    words: [PageWord(text: line.text, box: line.box, confidence: line.confidence, source: line.source)], region: line.region,
                    startsParagraph: line.paragraph)
            })
    }

    /// Characters of the page's text by where they came from.
    public var characters: [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines { counts[line.source.rawValue, default: 0] += line.text.count }
        return counts
    }
}
