import Foundation

/// Finds label–value pairs in a document.
struct LabelReader {
    /// The document searched.
    let doc: DocumentText
    /// Every label that can end a value on the same line.
    let stops: [FieldLabel]

    /// First-word tokens (folded) that start an address continuation line.
    static let addressStarts: Set<String> = [
        "xa", "phuong", "thi", "huyen", "quan", "tinh", "tp", "tp.", "thon", "to", "ap", "khu", "khom",
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
            var raw = cut(line, from: m.range.upperBound)
            var value = TextNormalizer.trimValue(raw)
            var valueLine = i
            if value.isEmpty {
                guard nextLine, let j = doc.nextNonBlank(after: i), !startsWithLabel(doc.lines[j]) else { continue }
                raw = cut(doc.lines[j], from: doc.lines[j].folded.startIndex)
                value = TextNormalizer.trimValue(raw)
                valueLine = j
                factor *= 0.9
                if value.isEmpty { continue }
            }
            guard accept(value) else { continue }
            if continuation > 0 {
                let (joined, _) = continueValue(value, rawEnd: raw, after: valueLine, maxLines: continuation)
                value = joined
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

    /// Joins the lines that continue a wrapped value (an address, a purpose) after line `index`.
    ///
    /// A value that ends without punctuation was wrapped mid-phrase, so any following line that is not a label,
    /// a date or a heading continues it (`…, tỉnh` + `Thanh Hóa`); after a comma only a line starting with a
    /// lower-case letter or an administrative-unit word does. One blank line is skipped before a lower-case line.
    func continueValue(_ start: String, rawEnd: String, after index: Int, maxLines: Int) -> (String, Int) {
        var value = start
        var last = index
        var rawEnd = rawEnd.trimmingCharacters(in: .whitespaces)
        for _ in 0..<maxLines {
            guard var k = doc.lines.indices.contains(last + 1) ? last + 1 : nil else { break }
            if doc.lines[k].isBlank {
                guard doc.lines.indices.contains(k + 1), doc.lines[k + 1].text.first(where: \.isLetter)?.isLowercase == true else { break }
                k += 1
            }
            let next = doc.lines[k]
            if rawEnd.hasSuffix(".") || rawEnd.hasSuffix(";") { break }
            if stops.contains(where: { $0.pattern.firstMatch(in: next.folded) != nil }) { break }
            if VietnameseDateParser.firstDate(in: next.text) != nil || TextNormalizer.isMostlyUppercase(next.text) { break }
            let startsUnit = startsWithAddressWord(next)
            let startsLower = next.text.first(where: \.isLetter)?.isLowercase == true
            let endsComma = rawEnd.hasSuffix(",")
            if endsComma && !(startsUnit || startsLower) { break }
            let part = TextNormalizer.trimValue(next.text)
            guard !part.isEmpty else { break }
            let lastWord = VietnameseFolding.fold(String(value.split(separator: " ").last ?? "")).filter(\.isLetter)
            let glue = !endsComma && startsUnit && !LabelReader.unitWords.contains(lastWord) ? ", " : " "
            value += endsComma ? ", " + part : glue + part
            rawEnd = next.text
            last = k
        }
        return (value, last)
    }

    /// Words that end a line in the middle of a unit name (`thành` | `phố`, `tỉnh` | `Thanh Hóa`).
    static let unitWords: Set<String> = ["tinh", "huyen", "xa", "phuong", "quan", "thanh", "thi", "pho", "so", "duong", "thon", "ap", "to", "khu", "tran"]

    /// True when the line starts with an administrative-unit or street word (`xã`, `phường`, `tỉnh`, `số`…).
    func startsWithAddressWord(_ line: TextLine) -> Bool {
        let firstWord = line.folded.split(separator: " ").first.map { String($0).filter(\.isLetter) } ?? ""
        if firstWord == "thanh" { return line.folded.hasPrefix("thanh pho") }
        return LabelReader.addressStarts.contains(firstWord)
    }
}
