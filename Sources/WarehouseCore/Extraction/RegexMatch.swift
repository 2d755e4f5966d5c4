import Foundation

/// One regex match: the whole range and each capture group's range.
struct RegexMatch {
    /// Range of the whole match.
    let range: Range<String.Index>
    /// Capture groups (index 0 is group 1); nil when a group did not take part.
    let groups: [Range<String.Index>?]
    /// The searched text.
    let text: String

    init?(_ result: NSTextCheckingResult, in text: String) {
        guard let whole = Range(result.range, in: text) else { return nil }
        range = whole
        groups = (1..<max(result.numberOfRanges, 1)).map { Range(result.range(at: $0), in: text) }
        self.text = text
    }

    /// The text of group `i` (1-based), or nil.
    func group(_ i: Int) -> String? {
        guard i >= 1, i <= groups.count, let r = groups[i - 1] else { return nil }
        return String(text[r])
    }
}
