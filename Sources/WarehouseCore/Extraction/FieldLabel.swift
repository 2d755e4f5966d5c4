import Foundation

/// A printed label (in folded form) that introduces a value, with its optional English translation.
struct FieldLabel {
    /// Matches the label, its English twin and the separator after it, on a folded line.
    let pattern: RegexPattern

    /// - Parameters:
    ///   - phrases: folded label texts; a space allows any spacing, a trailing comma is optional.
    ///   - english: folded English translations printed after a slash on bilingual cards.
    ///   - notFollowedBy: folded words that must not follow (`ho, chu dem, ten` but not `… ten nguoi me`).
    ///   - lineStart: the label must start its line.
    ///   - requireSeparator: a `:`/`;`/`.` must follow the label.
    init(_ phrases: [String], english: [String] = [], notFollowedBy: [String] = [],
         lineStart: Bool = false, requireSeparator: Bool = false) {
        var p = lineStart ? "^[\\s\\-•*+.]*" : "(?<![a-z0-9])"
        p += "(?:" + phrases.sorted { $0.count > $1.count }.map(FieldLabel.phraseRegex).joined(separator: "|") + ")(?![a-z])"
        if !notFollowedBy.isEmpty {
            p += "(?!\\s*(?:" + notFollowedBy.map(FieldLabel.phraseRegex).joined(separator: "|") + "))"
        }
        if !english.isEmpty {
            p += "(?:\\s*[/|\\\\]?\\s*(?:" + english.sorted { $0.count > $1.count }.map(FieldLabel.phraseRegex).joined(separator: "|") + ")\\.?)?"
        }
        p += requireSeparator ? "\\s*[:;.]\\s*" : "\\s*[:;.]?\\s*"
        pattern = RegexPattern(p)
    }

    /// Turns `ngay, thang, nam sinh` into a regex tolerant of spacing and dropped commas.
    static func phraseRegex(_ phrase: String) -> String {
        phrase.split(separator: " ").map { word -> String in
            var w = String(word)
            let comma = w.hasSuffix(",")
            if comma { w.removeLast() }
            return NSRegularExpression.escapedPattern(for: w) + (comma ? ",?" : "")
        }.joined(separator: "\\s*")
    }
}
