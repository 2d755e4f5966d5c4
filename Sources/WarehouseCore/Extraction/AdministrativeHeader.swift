import Foundation

/// The first header of an administrative document: issuing body and `Số:` in the left column, place and
/// date in the right one. With a layout, the columns come from it; without one, from the first lines.
struct Header {
    let doc: DocumentText
    /// Indices of the left column's lines (or of the first lines, without a layout).
    let left: [Int]
    /// Indices of the right column's lines (or of the first lines, without a layout).
    let right: [Int]
    /// Index of the first line after the header (0 without a layout).
    let end: Int

    init(doc: DocumentText, skipping skipped: Set<Int>) {
        self.doc = doc
        let headerPage = doc.lines.first { $0.region == .headerLeft || $0.region == .headerRight }?.page
        if doc.hasLayout, let page = headerPage {
            left = doc.lines(in: .headerLeft, page: page).filter { !skipped.contains($0) }
            right = doc.lines(in: .headerRight, page: page).filter { !skipped.contains($0) }
            end = ((left + right).max() ?? -1) + 1
        } else {
            let top = Array(doc.lines.indices.prefix(20)).filter { !skipped.contains($0) }
            left = top
            right = top
            end = 0
        }
    }

    struct Value {
        var line: Int
        var value: String
        var factor: Double
        var flags: [String] = []
        var evidence: FieldEvidence?
    }

    // MARK: - Số ký hiệu

    /// `Số: 45/QĐ-UBND`: the number (its slot decides whether it can be trusted) and the symbol.
    func number() -> Value? {
        for i in left {
            let line = doc.lines[i]
            guard let m = AdministrativeLayout.numberLabel.firstMatch(in: line.folded) else { continue }
            let rest = line.original(from: m.range.upperBound)
            guard let slash = rest.firstIndex(of: "/") else {
                // `Số: 45` alone (a civil-status book's number): digits only.
                let (digits, repaired) = TextNormalizer.repairDigits(rest.replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .punctuationCharacters))
                guard !digits.isEmpty, digits.first?.isNumber == true else { continue }
                return Value(line: i, value: String(digits.prefix { $0.isNumber || $0 == "-" || $0 == "." }), factor: repaired ? 0.85 : 0.95)
            }
            let symbol = Self.normalizeSymbol(Self.symbolTokens(String(rest[slash...])))
            let typed = String(rest[..<slash]).replacingOccurrences(of: " ", with: "")
            guard symbol.count > 1 else { continue }
            let labelFactor = line.original(m.range).unicodeScalars.contains { !$0.isASCII } ? 1.0 : 0.95
            if let slot = doc.slot(.number, page: line.page) {
                let evidence = FieldEvidence(page: line.page, slot: .number, box: slot.context)
                switch slot.fill {
                case .printed:
                    let digits = slot.reading ?? TextNormalizer.repairDigits(typed).0.filter(\.isNumber)
                    return Value(
                        line: i, value: digits + symbol, factor: labelFactor, flags: slot.needsReview ? [FieldFlag.needsReview] : [],
                        evidence: slot.needsReview ? evidence : nil)
                case .colorInk, .handwritten:
                    // Not printed: the number is the clerk's to read from the crop; only the symbol is sure.
                    return Value(line: i, value: symbol, factor: 0.3, flags: [FieldFlag.handwritten, FieldFlag.needsReview], evidence: evidence)
                case .blank:
                    return Value(line: i, value: symbol, factor: 0.5, flags: [FieldFlag.blank], evidence: nil)
                }
            }
            let (digits, repaired) = TextNormalizer.repairDigits(typed)
            let clean = digits.allSatisfy(\.isNumber)
            if digits.isEmpty {
                return Value(line: i, value: symbol, factor: 0.5, flags: [FieldFlag.blank])
            }
            // A scan whose slot could not be looked at: the number may be a pen's, so a person checks it.
            let trusted = line.source == .pdfText || (clean && !doc.hasLayout)
            return Value(
                line: i, value: digits.filter { $0.isNumber || $0 == "." } + symbol, factor: labelFactor * (repaired ? 0.9 : 1),
                flags: trusted ? [] : [FieldFlag.needsReview])
        }
        return nil
    }

    /// The symbol's words: from the slash, while they go on with `/` or `-` (`/TTr -UBND`), not the place–date
    /// words that follow on a line that glued both columns.
    static func symbolTokens(_ rest: String) -> String {
        var out: [Substring] = []
        for token in rest.split(separator: " ") {
            if let last = out.last, !(token.hasPrefix("-") || token.hasPrefix("/") || last.hasSuffix("-") || last.hasSuffix("/")) { break }
            out.append(token)
        }
        return out.joined(separator: " ")
    }

    /// A symbol spelled the usual way: no spaces, capitals but `TTr`/`CTr`, `Đ` where OCR lost its bar.
    static func normalizeSymbol(_ raw: String) -> String {
        var s = raw.replacingOccurrences(of: " ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:_'\"|"))
        while let last = s.last, last == "-" || last == "/" { s.removeLast() }
        s = s.uppercased()
        var parts: [String] = []
        var current = ""
        for c in s {
            if c == "/" || c == "-" {
                parts.append(current)
                parts.append(String(c))
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        let fixed = parts.map { part -> String in
            switch part {
            case "TTR": return "TTr"
            case "CTR": return "CTr"
            case "QD", "Q0", "QÐ": return "QĐ"
            case "HDND", "HÐND": return "HĐND"
            case "ND", "NÐ": return "NĐ"
            default:
                if part.hasPrefix("BCD") { return "BCĐ" + part.dropFirst(3) }
                // OCR doubles the bar of Đ (`QĐÐ`).
                var fixed = part.replacingOccurrences(of: "Ð", with: "Đ")
                while fixed.contains("ĐĐ") { fixed = fixed.replacingOccurrences(of: "ĐĐ", with: "Đ") }
                return fixed
            }
        }
        return fixed.joined()
    }

    // MARK: - Ngày ban hành

    static let dateLine = RegexPattern("ngay.*thang.*nam")
    static let yearAfter = RegexPattern("nam\\s*[:.]?\\s*([0-9oil|]{4})")
    static let monthAfter = RegexPattern("thang\\s*[:.]?\\s*([0-9oil|]{1,2})(?![0-9])")
    static let dayAfter = RegexPattern("ngay\\s*[:.]?\\s*([0-9oil|]{1,2})(?![0-9])")

    /// The place–date line's date: ISO when all of it is printed; the year and month alone (flagged, with the
    /// slot's crop) when the day was written by hand.
    func date() -> Value? {
        guard let i = right.first(where: { Self.dateLine.firstMatch(in: doc.lines[$0].folded) != nil }) else { return nil }
        let line = doc.lines[i]
        let daySlot = doc.slot(.day, page: line.page), monthSlot = doc.slot(.month, page: line.page)
        let folded = line.folded
        func number(_ pattern: RegexPattern) -> Int? {
            guard let g = pattern.firstMatch(in: folded)?.group(1) else { return nil }
            return Int(TextNormalizer.repairDigits(g).0)
        }
        guard let year = number(Self.yearAfter), (1900...2199).contains(year) else {
            // No readable year: the plain parser, as for any date.
            guard let hit = VietnameseDateParser.allDates(in: line.text).first else { return nil }
            return Value(line: i, value: hit.value, factor: 0.95 * (hit.repaired ? 0.85 : 1), flags: hit.date == nil ? [FieldFlag.invalidDate] : [])
        }
        var month = number(Self.monthAfter)
        var day = number(Self.dayAfter)
        var flags: [String] = []
        var evidence: FieldEvidence?
        if let slot = monthSlot, slot.fill == .colorInk || slot.fill == .handwritten {
            month = nil
            flags = [FieldFlag.handwritten, FieldFlag.needsReview]
            evidence = FieldEvidence(page: line.page, slot: .month, box: daySlot?.context ?? slot.context)
        } else if let slot = monthSlot, slot.fill == .printed, let reading = slot.reading.flatMap({ Int($0) }) {
            month = reading
        }
        if let slot = daySlot, slot.fill == .colorInk || slot.fill == .handwritten {
            day = nil
            flags = [FieldFlag.handwritten, FieldFlag.needsReview]
            evidence = FieldEvidence(page: line.page, slot: .day, box: slot.context)
        } else if let slot = daySlot, slot.fill == .printed, let reading = slot.reading.flatMap({ Int($0) }) {
            day = reading
            if slot.needsReview {
                flags = [FieldFlag.needsReview]
                evidence = FieldEvidence(page: line.page, slot: .day, box: slot.context)
            }
        } else if let slot = daySlot, slot.fill == .blank {
            day = nil
            flags = [FieldFlag.blank]
        } else if daySlot == nil, doc.hasLayout, line.source != .pdfText {
            // A scan whose day could not be looked at: it may be a pen's.
            flags = [FieldFlag.needsReview]
        }
        guard let month, (1...12).contains(month) else {
            return Value(line: i, value: String(format: "%04d", year), factor: 0.3, flags: flags.isEmpty ? [FieldFlag.needsReview] : flags, evidence: evidence)
        }
        guard let day else {
            return Value(line: i, value: String(format: "%04d-%02d", year, month), factor: 0.3, flags: flags, evidence: evidence)
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return Value(line: i, value: "\(day)/\(month)/\(year)", factor: 0.5, flags: flags + [FieldFlag.invalidDate], evidence: evidence)
        }
        return Value(line: i, value: date.iso, factor: flags.isEmpty ? 0.95 : 0.3, flags: flags, evidence: evidence)
    }

    // MARK: - Cơ quan ban hành

    /// The issuing body: the left column's capital lines above the number, the parent body (the line above
    /// it, when there are two) apart, both in normal spelling.
    func agency(before limit: Int?) -> (line: Int, value: String, parent: String?)? {
        var parts: [String] = []
        var firstLine: Int?
        for i in left {
            if let limit, i >= limit { break }
            let line = doc.lines[i]
            if line.isBlank || AdministrativeLayout.numberLabel.firstMatch(in: line.folded) != nil { continue }
            var text = line.text
            if !doc.hasLayout {
                text = AdministrativeLayout.removeMotto(text)
                text = AdministrativeLayout.removePlaceDate(text)
            }
            let cleaned = TextNormalizer.trimValue(text.filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "." || $0 == "," })
            let folded = VietnameseFolding.fold(cleaned)
            if folded.hasPrefix("ban chinh") || folded.hasPrefix("ban sao") || folded.hasPrefix("mau ") || folded.hasPrefix("du thao") { continue }
            guard cleaned.filter(\.isLetter).count >= 3, TextNormalizer.isMostlyUppercase(cleaned) else { continue }
            parts.append(cleaned)
            if firstLine == nil { firstLine = i }
        }
        guard let first = firstLine, !parts.isEmpty else { return nil }
        let spellings = AdministrativeLayout(doc: doc).spellings()
        let (body, parent) = AgencyName.issuingBodyAndParent(Array(parts.suffix(4)), spellings: spellings)
        return (first, AgencyName.abbreviate(body), parent.map(AgencyName.abbreviate))
    }

    // MARK: - A công văn's subject

    static let vvPrefix = RegexPattern("^\\s*v\\s*[/l|1]\\s*[vy]\\s*[:.]?\\s*")

    /// True when a `V/v …` subject sits under the number (a công văn).
    var hasSubjectUnderNumber: Bool { subjectUnderNumber() != nil }

    /// `V/v …` under the number in the left column, its wrapped lines joined.
    func subjectUnderNumber() -> (Int, String)? {
        guard doc.hasLayout, end > 0,
            let start = left.firstIndex(where: { AdministrativeLayout.numberLabel.firstMatch(in: doc.lines[$0].folded) != nil })
        else { return nil }
        for (k, i) in left.enumerated().dropFirst(start + 1) {
            let line = doc.lines[i]
            guard let m = Self.vvPrefix.firstMatch(in: line.folded) else { continue }
            var text = "V/v " + line.original(from: m.range.upperBound).trimmingCharacters(in: .whitespaces)
            for j in left[(k + 1)...] {
                let next = doc.lines[j]
                guard !next.isBlank, !TextNormalizer.isMostlyUppercase(next.text) else { break }
                text += " " + next.text
            }
            return (i, TextNormalizer.trimValue(text))
        }
        return nil
    }
}

/// A received-paper stamp (`CV ĐẾN` / `ĐẾN`, `Số: …`, `Ngày: …`) put on by the receiving office: its number
/// and date are fields of their own, never the paper's.
struct ReceivedStamp {
    static let anchor = RegexPattern("(?:^|[^a-z])(?:cv|cong\\s*van)\\s*den(?![a-z])|^\\s*den\\s*(?:$|so)")
    static let number = RegexPattern("so\\s*(?:den)?\\s*[:.]?\\s*([0-9oil|]{1,6})")
    static let date = RegexPattern("ngay\\s*(?:den)?\\s*[:.]?\\s*(.+)$")

    /// The stamp's lines, to be skipped when the paper's own number and date are read.
    var lines: Set<Int> = []
    var numberLine: (TextLine, String)?
    var dateLine: (TextLine, DateHit)?

    init(_ doc: DocumentText) {
        let first = doc.lines.indices.prefix(30)
        guard let anchor = first.first(where: { Self.anchor.firstMatch(in: doc.lines[$0].folded) != nil }) else { return }
        lines.insert(anchor)
        for i in anchor..<min(doc.lines.count, anchor + 5) {
            let line = doc.lines[i]
            if numberLine == nil, let g = Self.number.firstMatch(in: line.folded)?.group(1) {
                numberLine = (line, TextNormalizer.repairDigits(g).0)
                lines.insert(i)
            }
            if dateLine == nil, let m = Self.date.firstMatch(in: line.folded), let hit = VietnameseDateParser.firstDate(in: line.original(m.range)) {
                dateLine = (line, hit)
                lines.insert(i)
            }
        }
    }

    func extract(into fields: inout FieldBuilder) {
        if let (line, number) = numberLine { fields.set(FieldName.soDen, number, line: line, factor: 0.8) }
        if let (line, hit) = dateLine { fields.setDate(FieldName.ngayDen, hit, line: line, factor: 0.8) }
    }
}

/// The signature block: the signer's name (its last name line) and the authority and title lines above it.
struct Signature {
    let doc: DocumentText
    /// Lines before this index are the header and title: never the signature.
    let from: Int

    struct Reading {
        var line: Int
        var name: String
        var titles: [String]
        var factor: Double
    }

    func read() -> Reading? {
        guard doc.hasLayout else {
            let layout = AdministrativeLayout(doc: doc)
            return layout.signer(from: from + 1).map { Reading(line: $0.line, name: $0.value, titles: [], factor: $0.factor) }
        }
        // The first signature block after the header: a draft attached after the signed paper has its own.
        guard let page = doc.lines.indices.first(where: { $0 >= from && doc.lines[$0].region == .signature }).map({ doc.lines[$0].page })
        else {
            let layout = AdministrativeLayout(doc: doc)
            return layout.signer(from: from + 1).map { Reading(line: $0.line, name: $0.value, titles: [], factor: $0.factor * 0.9) }
        }
        let block = doc.lines(in: .signature, page: page).filter { $0 >= from }
        var titles: [String] = []
        var name: (Int, String)?
        for i in block {
            let text = TextNormalizer.trimValue(doc.lines[i].text)
            let cleaned = text.split(separator: " ").filter { $0.contains(where: \.isLetter) }.joined(separator: " ")
            if let found = PersonName.signerName(in: cleaned) {
                name = (i, found)
            } else if TextNormalizer.isMostlyUppercase(text), cleaned.filter(\.isLetter).count >= 4,
                AdministrativeLayout.notTitle.firstMatch(in: doc.lines[i].folded) == nil, let title = SignatureTitle.canonical(text)
            {
                // Also a title printed between the signature and the name (`CHỦ TỊCH UBND TỈNH`).
                titles.append(title)
            }
        }
        guard let (line, value) = name else { return nil }
        return Reading(line: line, name: value, titles: titles, factor: 0.9)
    }
}
