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
