import Foundation

/// A blank of a printed form that is often filled in by hand or by a numbering stamp after printing: the
/// number in `Số: __ /QĐ-UBND`, the day and month in `ngày __ tháng __ năm 2025`.
public struct HandwrittenSlot: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case number, day, month
    }

    /// What fills the slot.
    public enum Fill: String, Sendable, Codable {
        /// Printed with the rest of the line: its reading is as good as the line's.
        case printed
        /// Written or stamped in coloured ink (blue or red pen, a numbering stamp).
        case colorInk = "color-ink"
        /// Dark ink that does not look printed (a black pen, or a bilevel scan where colour is lost).
        case handwritten
        /// Nothing: the blank was left empty (a draft).
        case blank
    }

    public var kind: Kind
    /// 1-based page number within its file.
    public var page: Int
    /// The slot, in pixels of the page as decoded.
    public var box: PixelRect
    /// The slot with its printed context (`Số:` … symbol, `ngày` … `năm`): the crop shown to the clerk.
    public var context: PixelRect
    public var fill: Fill
    /// Digits read in the slot, if any.
    public var reading: String?
    /// 0...100: how sure the reader was of `reading`.
    public var confidence: Double

    public init(
        kind: Kind, page: Int, box: PixelRect, context: PixelRect, fill: Fill, reading: String?, confidence: Double
    ) {
        self.kind = kind
        self.page = page
        self.box = box
        self.context = context
        self.fill = fill
        self.reading = reading
        self.confidence = confidence
    }

    /// True when a person must check the reading: not printed, or printed and read poorly.
    public var needsReview: Bool {
        switch fill {
        case .printed: confidence < 80 || reading == nil
        case .colorInk, .handwritten: true
        case .blank: false
        }
    }
}

/// Where a field's value was read on the page: the slot's crop, for the clerk to check it at a glance.
public struct FieldEvidence: Sendable, Equatable, Codable {
    /// 0-based index of the page within the document's pages.
    public var page: Int
    public var slot: HandwrittenSlot.Kind
    public var box: PixelRect

    public init(page: Int, slot: HandwrittenSlot.Kind, box: PixelRect) {
        self.page = page
        self.slot = slot
        self.box = box
    }
}

/// Finds the number and date blanks of an administrative header in a page's layout.
///
/// OCR often glues a handwritten day to its labels (`ngày4†tháng`) or reads a pen's strokes as symbols
/// (`Số: †4/UBND`), so the labels are found inside words, and each character is given the share of its
/// word's box that its position in the word suggests.
enum SlotFinder {
    struct Candidate {
        var kind: HandwrittenSlot.Kind
        var box: PixelRect
        var context: PixelRect
        /// What OCR read inside the slot, and its words' lowest confidence.
        var typed: String
        var typedConfidence: Double
        /// The boxes of the words (or parts of words) OCR read inside the slot.
        var typedBoxes: [PixelRect]
        /// The line's own words' median height (printed text), for telling print from hand.
        var printedHeight: Double
        /// Printed words beside the slot (its label, the symbol), whose strokes the slot's are compared with.
        var reference: [PixelRect]
    }

    static let numberLabelGlued = RegexPattern("^s[o0]\\s*[:;.]")

    /// The slots of the first header on the page: `Số:` in the left column (or, without a header, among the
    /// first lines), the date in the right column.
    static func find(in layout: PageLayout) -> [Candidate] {
        let header = layout.lines.filter { $0.region == .headerLeft || $0.region == .headerRight }
        let lines = header.isEmpty ? Array(layout.lines.filter { $0.region == .body }.prefix(12)) : header
        var out: [Candidate] = []
        if let number = numberSlot(in: lines.filter { $0.region != .headerRight }) { out.append(number) }
        out += dateSlots(in: lines.filter { $0.region != .headerLeft })
        return out
    }

    /// A line's characters (folded, single spaces between words) with the x-range each one likely covers.
    struct CharMap {
        var folded: [Character] = []
        var x0: [Int] = []
        var x1: [Int] = []
        var word: [Int] = []
        let words: [PageWord]

        init(_ words: [PageWord]) {
            self.words = words
            for (i, w) in words.enumerated() {
                if i > 0 {
                    folded.append(" ")
                    x0.append(words[i - 1].box.maxX)
                    x1.append(w.box.x)
                    word.append(-1)
                }
                let chars = Array(VietnameseFolding.fold(w.text))
                let step = Double(w.box.width) / Double(max(1, chars.count))
                for (k, c) in chars.enumerated() {
                    folded.append(c)
                    x0.append(w.box.x + Int(Double(k) * step))
                    x1.append(w.box.x + Int(Double(k + 1) * step))
                    word.append(i)
                }
            }
        }

        var string: String { String(folded) }

        /// Offsets (in characters) of the first match of `needle` at or after `from`.
        func find(_ needle: String, from: Int = 0) -> Range<Int>? {
            let n = Array(needle)
            guard n.count <= folded.count, from <= folded.count - n.count else { return nil }
            for i in from...(folded.count - n.count) where Array(folded[i..<(i + n.count)]) == n { return i..<(i + n.count) }
            return nil
        }

        /// What lies between two character offsets: its text, its box and its words' lowest confidence.
        func between(_ a: Int, _ b: Int) -> (text: String, boxes: [PixelRect], confidence: Double) {
            guard a < b else { return ("", [], 0) }
            var text = "", boxes: [Int: (Int, Int)] = [:]
            var confidence = 100.0
            for i in a..<b where word[i] >= 0 {
                // The original character (not folded), for digits the same.
                text.append(folded[i])
                let w = word[i]
                let range = boxes[w].map { (min($0.0, x0[i]), max($0.1, x1[i])) } ?? (x0[i], x1[i])
                boxes[w] = range
                confidence = min(confidence, words[w].confidence)
            }
            let rects = boxes.sorted { $0.key < $1.key }.map { w, r in
                PixelRect(x: r.0, y: words[w].box.y, width: max(1, r.1 - r.0), height: words[w].box.height)
            }
            return (text.trimmingCharacters(in: .whitespaces), rects, boxes.isEmpty ? 0 : confidence)
        }
    }

    private static func medianHeight(_ words: [PageWord]) -> Double {
        let heights = words.filter { $0.text.contains { $0.isLetter } }.map { Double($0.box.height) }.sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }

    /// `Số:` then the symbol (`/QĐ-UBND`): the slot is what lies between them.
    static func numberSlot(in lines: [LayoutLine]) -> Candidate? {
        for line in lines {
            let map = CharMap(line.words)
            let text = map.string
            guard let m = AdministrativeLayout.numberLabel.firstMatch(in: text) else { continue }
            // The label's end: after `số` and its colon (the match may start at a separator before `số`).
            let labelEnd = text.distance(from: text.startIndex, to: m.range.upperBound)
            let labelStart = text.distance(from: text.startIndex, to: m.range.lowerBound)
            guard let slash = map.find("/", from: labelEnd) else { continue }
            let height = medianHeight(line.words)
            let (typed, boxes, confidence) = map.between(labelEnd, slash.lowerBound)
            let left = labelEnd > 0 ? map.x1[labelEnd - 1] : line.box.x
            let right = max(map.x0[slash.lowerBound], left + Int(height))
            let top = line.box.y - Int(0.6 * height), bottom = line.box.maxY + Int(0.3 * height)
            let box = PixelRect(x: left, y: top, width: right - left, height: bottom - top)
            // The symbol runs to the end of its word.
            let symbolEnd = map.word[slash.lowerBound] >= 0 ? line.words[map.word[slash.lowerBound]].box.maxX : right
            let start = map.x0[min(map.x0.count - 1, labelStart)]
            let context = PixelRect(x: start, y: top, width: max(1, symbolEnd - start), height: bottom - top).inset(by: Int(height / 3))
            let labelWord = map.word[max(0, labelEnd - 2)]
            let symbolWord = map.word[slash.lowerBound]
            let reference = [labelWord, symbolWord].filter { $0 >= 0 }.map { line.words[$0].box }
            return Candidate(
                kind: .number, box: box, context: context, typed: typed, typedConfidence: confidence, typedBoxes: boxes,
                printedHeight: height, reference: reference)
        }
        return nil
    }

    /// `ngày __ tháng __ năm ____`: the day between `ngày` and `tháng`, the month between `tháng` and `năm`.
    static func dateSlots(in lines: [LayoutLine]) -> [Candidate] {
        for line in lines {
            let map = CharMap(line.words)
            guard let day = map.find("ngay"), let month = map.find("thang", from: day.upperBound),
                let year = map.find("nam", from: month.upperBound)
            else { continue }
            let height = medianHeight(line.words)
            let top = line.box.y - Int(0.6 * height), bottom = line.box.maxY + Int(0.3 * height)
            func slot(_ kind: HandwrittenSlot.Kind, _ label: Range<Int>, _ next: Range<Int>) -> Candidate {
                let left = map.x1[label.upperBound - 1]
                let right = max(map.x0[next.lowerBound], left + Int(height))
                let (typed, boxes, confidence) = map.between(label.upperBound, next.lowerBound)
                let reference = [map.word[label.lowerBound], map.word[next.lowerBound]].filter { $0 >= 0 }.map { line.words[$0].box }
                return Candidate(
                    kind: kind, box: PixelRect(x: left, y: top, width: right - left, height: bottom - top),
                    context: PixelRect(x: map.x0[label.lowerBound], y: top, width: max(1, right - map.x0[label.lowerBound]), height: bottom - top),
                    typed: typed, typedConfidence: confidence, typedBoxes: boxes, printedHeight: height, reference: reference)
            }
            var daySlot = slot(.day, day, month)
            let monthSlot = slot(.month, month, year)
            // The clerk sees the whole date, from `ngày` to the year.
            let yearWord = map.word[year.lowerBound] >= 0 ? map.word[year.lowerBound] : line.words.count - 1
            let end = line.words[min(line.words.count - 1, yearWord + 1)].box.maxX
            let start = map.x0[day.lowerBound]
            daySlot.context = PixelRect(x: start, y: top, width: max(1, end - start), height: bottom - top).inset(by: Int(height / 3))
            return [daySlot, monthSlot]
        }
        return []
    }
}
