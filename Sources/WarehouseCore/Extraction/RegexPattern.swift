import Foundation

/// A compiled case-insensitive regular expression with `String.Index` results.
struct RegexPattern {
    /// The compiled expression.
    let regex: NSRegularExpression

    /// Compiles `pattern`; patterns are written in code, so a bad one is a programming error.
    init(_ pattern: String) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .anchorsMatchLines])
        } catch {
            preconditionFailure("bad regex \(pattern): \(error)")
        }
    }

    /// The first match in `text` at or after `from`.
    func firstMatch(in text: String, from: String.Index? = nil) -> RegexMatch? {
        let start = from ?? text.startIndex
        let nsRange = NSRange(start..<text.endIndex, in: text)
        guard let result = regex.firstMatch(in: text, options: [], range: nsRange) else { return nil }
        return RegexMatch(result, in: text)
    }

    /// Every match in `text`.
    func matches(in text: String) -> [RegexMatch] {
        regex.matches(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text))
            .compactMap { RegexMatch($0, in: text) }
    }
}

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
