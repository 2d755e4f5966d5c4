import Foundation

/// All pages of a document as one list of normalised lines, stamps apart.
struct DocumentText {
    /// Every line, blank lines kept as paragraph breaks; stamp lines are not among them.
    let lines: [TextLine]
    /// Lines of e-signature and publishing stamps (`Ký bởi: …`, `TRUNG TÂM CÔNG BÁO…`), in page order.
    let stamps: [TextLine]
    /// The number and date blanks of every page, with the page's index.
    let slots: [(page: Int, slot: HandwrittenSlot)]
    /// True when the lines carry layout regions (at least the first page had a layout).
    let hasLayout: Bool

    /// Stamp wording, for pages read without a layout: such lines at the top of a page are stamps.
    static let stampLine = RegexPattern(
        "^\\s*(?:ky\\s*boi|thoi\\s*gian\\s*ky|nguoi\\s*ky\\s*:|trung\\s*tam\\s*cong(?:\\s*bao)?|bao\\s*va\\s*tin\\s*hoc|email\\s*:)|@[a-z0-9.-]+\\.gov\\.vn|^\\s*\\+\\s*07\\s*:\\s*00\\s*$|^\\s*[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}\\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\\s*(?:\\+07:00)?\\s*$")

    init(_ input: ExtractionInput) {
        var lines: [TextLine] = []
        var stamps: [TextLine] = []
        var slots: [(Int, HandwrittenSlot)] = []
        for (index, page) in input.pages.enumerated() {
            let base = min(max(page.confidence / 100, 0), 1)
            slots += page.slots.map { (index, $0) }
            if let layout = page.layout {
                var previous: LayoutRegion?
                for line in layout.lines {
                    let text = TextNormalizer.normalizeLine(line.text)
                    guard !text.isEmpty else { continue }
                    let source = line.source ?? page.source
                    let confidence = line.words.allSatisfy { $0.source == .pdfText } ? 1 : base
                    let made = TextLine(text: text, page: index, baseConfidence: confidence, source: source, region: line.region, words: line.words)
                    if line.region == .stamp {
                        stamps.append(made)
                        continue
                    }
                    if let previous, previous != line.region || line.startsParagraph, lines.last?.isBlank == false {
                        lines.append(TextLine(text: "", page: index, baseConfidence: base, source: source, region: line.region))
                    }
                    lines.append(made)
                    previous = line.region
                }
                if lines.last?.isBlank == false { lines.append(TextLine(text: "", page: index, baseConfidence: base, source: page.source)) }
                continue
            }
            let raw = page.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            var top = true
            for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
                let text = TextNormalizer.normalizeLine(String(line))
                if text.isEmpty, lines.last?.isBlank ?? true { continue }
                let made = TextLine(text: text, page: index, baseConfidence: base, source: page.source)
                // Stamps sit above the header: only the page's first lines are taken for one.
                if top, !text.isEmpty, Self.stampLine.firstMatch(in: made.folded) != nil {
                    stamps.append(made)
                    continue
                }
                if TextNormalizer.isMostlyUppercase(text) && text.filter(\.isLetter).count >= 8 { top = false }
                lines.append(made)
            }
        }
        while lines.last?.isBlank == true { lines.removeLast() }
        self.lines = lines
        self.stamps = stamps
        self.slots = slots
        self.hasLayout = input.pages.first?.layout != nil
    }

    /// Lines of one region (with a layout), in reading order.
    func lines(in region: LayoutRegion, page: Int? = nil) -> [Int] {
        lines.indices.filter { lines[$0].region == region && (page == nil || lines[$0].page == page) }
    }

    /// The slot of `kind` on the first page that has one.
    func slot(_ kind: HandwrittenSlot.Kind, page: Int) -> HandwrittenSlot? {
        slots.first { $0.page == page && $0.slot.kind == kind }?.slot
    }

    /// The whole folded text, lines joined by newlines.
    var folded: String { lines.map(\.folded).joined(separator: "\n") }

    /// Index of the first line (in `range`) whose folded text matches `pattern`.
    func firstLine(matching pattern: RegexPattern, in range: Range<Int>? = nil) -> Int? {
        let r = range ?? lines.indices
        return r.first { pattern.firstMatch(in: lines[$0].folded) != nil }
    }

    /// Index of the last line (in `range`) whose folded text matches `pattern`.
    func lastLine(matching pattern: RegexPattern, in range: Range<Int>? = nil) -> Int? {
        let r = range ?? lines.indices
        return r.last { pattern.firstMatch(in: lines[$0].folded) != nil }
    }

    /// The next non-blank line after `index`, if any.
    func nextNonBlank(after index: Int) -> Int? {
        var i = index + 1
        while i < lines.count {
            if !lines[i].isBlank { return i }
            i += 1
        }
        return nil
    }
}
