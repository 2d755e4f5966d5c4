import Foundation

/// All pages of a document as one list of normalised lines.
struct DocumentText {
    /// Every line, blank lines kept as paragraph breaks.
    let lines: [TextLine]

    init(_ input: ExtractionInput) {
        var lines: [TextLine] = []
        for (index, page) in input.pages.enumerated() {
            let base = min(max(page.confidence / 100, 0), 1)
            let raw = page.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
                let text = TextNormalizer.normalizeLine(String(line))
                if text.isEmpty, lines.last?.isBlank ?? true { continue }
                lines.append(TextLine(text: text, page: index, baseConfidence: base, source: page.source))
            }
        }
        while lines.last?.isBlank == true { lines.removeLast() }
        self.lines = lines
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
