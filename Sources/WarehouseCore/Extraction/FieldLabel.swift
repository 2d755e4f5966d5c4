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

/// A value found after a label.
struct LabelHit {
    /// Line of the label.
    let labelLine: Int
    /// Line the value was read from (the label's line or a following one).
    let valueLine: Int
    /// The value as printed, trimmed.
    let value: String
    /// How clean the match was (1 = label with diacritics and value on the same line).
    let factor: Double
}

/// Finds label–value pairs in a document.
struct LabelReader {
    /// The document searched.
    let doc: DocumentText
    /// Every label that can end a value on the same line.
    let stops: [FieldLabel]

    /// First-word tokens (folded) that start an address continuation line.
    static let addressStarts: Set<String> = [
        "xa", "phuong", "thi", "huyen", "quan", "thanh", "tinh", "tp", "tp.", "thon", "to", "ap", "khu", "khom",
        "so", "duong", "ban", "xom", "lang", "buon", "pho", "ngo", "ngach", "hem", "kp", "tx", "tx.", "h.", "x.", "p.", "q.",
    ]

    /// The value after the first occurrence of `label` in `lines`.
    /// - Parameters:
    ///   - nextLine: read the following line when nothing follows the label.
    ///   - continuation: how many following lines may continue the value (addresses).
    ///   - accept: a hit whose value fails this test is skipped and the search goes on.
    func find(_ label: FieldLabel, in lines: Range<Int>? = nil, nextLine: Bool = true, continuation: Int = 0,
              accept: (String) -> Bool = { _ in true }) -> LabelHit? {
        for i in lines ?? doc.lines.indices {
            let line = doc.lines[i]
            guard let m = label.pattern.firstMatch(in: line.folded) else { continue }
            let labelText = line.original(m.range)
            var factor = labelText.unicodeScalars.contains { !$0.isASCII } ? 1.0 : 0.95
            var value = TextNormalizer.trimValue(cut(line, from: m.range.upperBound))
            var valueLine = i
            if value.isEmpty {
                guard nextLine, let j = doc.nextNonBlank(after: i), !startsWithLabel(doc.lines[j]) else { continue }
                value = TextNormalizer.trimValue(cut(doc.lines[j], from: doc.lines[j].folded.startIndex))
                valueLine = j
                factor *= 0.9
                if value.isEmpty { continue }
            }
            guard accept(value) else { continue }
            if continuation > 0 {
                var k = valueLine
                for _ in 0..<continuation {
                    guard k + 1 < doc.lines.count else { break }
                    let next = doc.lines[k + 1]
                    guard !next.isBlank, isAddressContinuation(next) else { break }
                    let part = TextNormalizer.trimValue(cut(next, from: next.folded.startIndex))
                    guard !part.isEmpty else { break }
                    value += value.hasSuffix(",") ? " " + part : ", " + part
                    k += 1
                }
            }
            return LabelHit(labelLine: i, valueLine: valueLine, value: value, factor: factor)
        }
        return nil
    }

    /// The original text from `start` up to the first stop label after it.
    func cut(_ line: TextLine, from start: String.Index) -> String {
        var end = line.folded.endIndex
        for stop in stops {
            if let m = stop.pattern.firstMatch(in: line.folded, from: start), m.range.lowerBound < end {
                end = m.range.lowerBound
            }
        }
        return line.original(start..<end)
    }

    /// True when a known label starts the line.
    func startsWithLabel(_ line: TextLine) -> Bool {
        stops.contains { stop in
            guard let m = stop.pattern.firstMatch(in: line.folded) else { return false }
            return line.folded[line.folded.startIndex..<m.range.lowerBound].allSatisfy { !$0.isLetter && !$0.isNumber }
        }
    }

    /// True when `line` plausibly continues an address: no label in it, and it starts with
    /// a lower-case letter or an administrative-unit word.
    func isAddressContinuation(_ line: TextLine) -> Bool {
        if stops.contains(where: { $0.pattern.firstMatch(in: line.folded) != nil }) { return false }
        if VietnameseDateParser.firstDate(in: line.text) != nil { return false }
        guard let first = line.text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        if first.isLowercase { return true }
        let firstWord = line.folded.split(separator: " ").first.map(String.init) ?? ""
        return LabelReader.addressStarts.contains(firstWord) || LabelReader.addressStarts.contains(String(firstWord.prefix { $0.isLetter }))
    }
}
