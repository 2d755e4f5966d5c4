import Foundation

/// Reads the parts every Vietnamese administrative paper shares (Decree 30/2020 layout):
/// the agency block top left, `Số: …`, the national motto, the place–date line, the title and the signature block.
struct AdministrativeLayout {
    /// The document read.
    let doc: DocumentText

    /// `Số: 45/QĐ-UBND` at the start of a line (not `Quyển số`, not `Số định danh`).
    static let number = RegexPattern("(?:^|[^a-z])(?<!quyen )(?<!quyen)so\\s*(?:hieu\\s*)?[:;.]?\\s*([0-9oil|]{0,2}[0-9][0-9a-z|/.\\-]*(?:\\s*[/\\-]\\s*[a-z0-9|][a-z0-9|/.\\-]*)*)")
    /// The `Số:` label of a document number (not `Quyển số`, `Số định danh`, `Số điện thoại`): a colon right
    /// after it, or a digit or slash.
    static let numberLabel = RegexPattern("(?:^|[^a-z])(?<!quyen )(?<!quyen)so\\s*(?:hieu\\s*)?(?:[:;]\\s*|\\.\\s*(?=[0-9/])|\\s+(?=[0-9oil]*\\s*/))")

    /// `text` without the national motto and the country name (merged into a header line from the right column).
    static func removeMotto(_ text: String) -> String {
        var folded = VietnameseFolding.fold(text)
        var text = text
        for pattern in motto {
            while let m = pattern.firstMatch(in: folded) {
                let lo = folded.distance(from: folded.startIndex, to: m.range.lowerBound)
                let hi = folded.distance(from: folded.startIndex, to: m.range.upperBound)
                let tlo = text.index(text.startIndex, offsetBy: lo), thi = text.index(text.startIndex, offsetBy: hi)
                text.replaceSubrange(tlo..<thi, with: " ")
                folded.replaceSubrange(m.range, with: " ")
            }
        }
        return text
    }

    /// The national motto and the country name, removed from header lines.
    static let motto = [
        RegexPattern("cong\\s*hoa\\s*xa\\s*hoi\\s*chu\\s*ngh[iy]a\\s*viet\\s*nam"),
        RegexPattern("doc\\s*lap\\s*[-,.]?\\s*tu\\s*do\\s*[-,.]?\\s*hanh\\s*phuc"),
        RegexPattern("socialist republic of viet\\s*nam"),
        RegexPattern("independence\\s*-?\\s*freedom\\s*-?\\s*happiness"),
    ]
    /// `Thanh Hóa, ngày 05 tháng 11 năm 2024`: a place, a comma, then the date in words.
    static let placeDate = RegexPattern("ngay\\s*[:.]?\\s*[0-9oil|]{1,2}\\s*[,.]?\\s*thang\\s*[:.]?\\s*[0-9oil|]{1,2}\\s*[,.]?\\s*nam\\s*[:.]?\\s*[0-9oil|]{4}")
    /// Cues that a line belongs to the signature block.
    static let signatureCues = RegexPattern("(?:^|[^a-z])(?:tm|kt|tl|ttl|q|tuq)\\s*\\.|chu\\s*tich|giam\\s*doc|truong\\s*phong|cuc\\s*truong|(?:bo|thu|vu)\\s*truong|cong\\s*chuc|can\\s*bo|nguoi\\s*ky|da\\s*ky|ky\\s*,?\\s*ghi\\s*ro|dong\\s*dau")

    /// Index and value of the `Số:` line among the first lines.
    func documentNumber(within limit: Int = 15) -> (line: Int, value: String, factor: Double)? {
        for i in doc.lines.indices.prefix(limit) {
            let line = doc.lines[i]
            guard let m = AdministrativeLayout.number.firstMatch(in: line.folded), let r = m.groups[0] else { continue }
            var raw = line.original(r)
            raw = raw.replacingOccurrences(of: " ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:-"))
            let (value, repaired) = repairNumberSymbol(raw)
            let labelText = line.original(m.range)
            let factor = (labelText.unicodeScalars.contains { !$0.isASCII } ? 1.0 : 0.95) * (repaired ? 0.9 : 1)
            return (i, value, factor)
        }
        return nil
    }

    /// `45/QĐ-UBND`: digits before the first slash repaired, the symbol upper-cased.
    func repairNumberSymbol(_ raw: String) -> (String, Bool) {
        guard let slash = raw.firstIndex(of: "/") else {
            let (digits, repaired) = TextNormalizer.repairDigits(raw)
            return (digits, repaired)
        }
        let (number, repaired) = TextNormalizer.repairDigits(String(raw[..<slash]))
        let symbol = raw[slash...].uppercased()
        return (number + symbol, repaired)
    }

    /// The issuing body: the header lines above the number (or title), motto and dates removed, parent body dropped, normalised.
    func agency(before limit: Int) -> (line: Int, value: String)? {
        var parts: [String] = []
        var firstLine: Int?
        for i in 0..<min(limit, doc.lines.count) {
            let line = doc.lines[i]
            if line.isBlank { continue }
            var folded = line.folded
            var text = line.text
            for pattern in AdministrativeLayout.motto {
                while let m = pattern.firstMatch(in: folded) {
                    let lo = folded.distance(from: folded.startIndex, to: m.range.lowerBound)
                    let hi = folded.distance(from: folded.startIndex, to: m.range.upperBound)
                    let tlo = text.index(text.startIndex, offsetBy: lo), thi = text.index(text.startIndex, offsetBy: hi)
                    text.replaceSubrange(tlo..<thi, with: " ")
                    folded.replaceSubrange(m.range, with: " ")
                }
            }
            let cleaned = TextNormalizer.trimValue(AdministrativeLayout.removePlaceDate(text))
            let foldedClean = VietnameseFolding.fold(cleaned)
            if foldedClean.hasPrefix("ban chinh") || foldedClean.hasPrefix("ban sao") || foldedClean.hasPrefix("mau ") { continue }
            guard cleaned.filter(\.isLetter).count >= 3, TextNormalizer.isMostlyUppercase(cleaned) else { continue }
            parts.append(cleaned)
            if firstLine == nil { firstLine = i }
        }
        guard let first = firstLine, !parts.isEmpty else { return nil }
        return (first, AgencyName.issuingBody(Array(parts.suffix(3)), spellings: spellings()))
    }

    /// Removes a place–date (`Điện Biên, ngày 22 tháng 10 năm 2024`) merged into a header line from the
    /// right-hand column: the date and the title-case place words before it.
    static func removePlaceDate(_ text: String) -> String {
        let folded = VietnameseFolding.fold(text)
        guard let m = placeDate.firstMatch(in: folded) else { return text }
        let offset = folded.distance(from: folded.startIndex, to: m.range.lowerBound)
        var words = String(text.prefix(offset)).split(separator: " ").map(String.init)
        if words.last?.hasSuffix(",") == true || words.last == "," {
            if words.last == "," { words.removeLast() } else { words[words.count - 1].removeLast() }
            while let last = words.last, !TextNormalizer.isMostlyUppercase(last) || last.count == 1 { words.removeLast() }
        }
        return words.joined(separator: " ")
    }

    /// How words are spelled in the mixed-case body text (folded → most frequent spelling), used to give
    /// place names printed in capitals their diacritics back (`ĐIỆN BIẾN` → `Điện Biên` when the body says so).
    func spellings() -> [String: String] {
        var counts: [String: [String: Int]] = [:]
        for line in doc.lines where !line.isBlank && !TextNormalizer.isMostlyUppercase(line.text) {
            for word in line.text.split(whereSeparator: { !$0.isLetter }) where word.count > 1 {
                guard let first = word.first, first.isUppercase, word.dropFirst().allSatisfy(\.isLowercase) else { continue }
                counts[VietnameseFolding.fold(String(word)), default: [:]][String(word), default: 0] += 1
            }
        }
        return counts.compactMapValues { $0.max { $0.value < $1.value }?.key }
    }

    /// The date of the place–date line (`…, ngày 05 tháng 11 năm 2024`), first such line.
    func placeDate(in range: Range<Int>? = nil) -> (line: Int, hit: DateHit)? {
        guard let i = doc.firstLine(matching: AdministrativeLayout.placeDate, in: range),
              let hit = VietnameseDateParser.allDates(in: doc.lines[i].text).first else { return nil }
        return (i, hit)
    }

    /// Index of the first line that is exactly a title (folded, e.g. `quyet dinh`), optionally followed by more words.
    func titleLine(_ pattern: RegexPattern, within limit: Int = 25) -> Int? {
        doc.firstLine(matching: pattern, in: 0..<min(limit, doc.lines.count))
    }

    /// Common Vietnamese surnames (folded), to recognise a signer's name.
    static let surnames: Set<String> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
        "ly", "dinh", "doan", "trinh", "mai", "luong", "cao", "ha", "ta", "lam", "chu", "to", "trieu", "vuong", "quach",
        "thai", "kieu", "luu", "dao", "la", "tang", "khuc", "hua", "truong", "lai", "mac", "nong", "lo", "giang", "tong",
        "dieu", "kim", "ton", "thach", "son", "danh", "au", "chau", "tieu", "thieu", "nghiem", "lu", "phung", "quan",
        "khong", "ong", "bach", "hau", "ung", "van", "nham", "lieu", "tu", "diep", "man", "me", "nghiem", "vien", "lang",
    ]

    /// Lines of a signature block that are not its authority or title lines: notes, the seal's text.
    static let notTitle = RegexPattern("^\\s*\\(|da\\s*ky|ky\\s*,?\\s*ghi|dong\\s*dau|noi\\s*nhan")

    /// Words that never appear in a signer's name line.
    static let notName = RegexPattern("chu\\s*tich|giam\\s*doc|truong\\s*phong|uy\\s*ban|nhan\\s*dan|noi\\s*nhan|(?:^|[^a-z])luu(?:\\s*[:.]|\\s*vt)|da\\s*ky|dong\\s*dau|nguoi|cong\\s*chuc|can\\s*bo|tu\\s*phap|ho\\s*tich|dieu|quyet\\s*dinh|cong\\s*an|cuc\\s*truong|(?:bo|thu|vu)\\s*truong|pho\\s|viet\\s*nam")

    /// The signer: the bottom-most line (within the last lines, below `from`) that is a person's name.
    func signer(from start: Int = 0) -> (line: Int, value: String, factor: Double)? {
        let lower = max(start, doc.lines.count - 25)
        guard lower < doc.lines.count else { return nil }
        var tail: (Int, String)?
        for i in stride(from: doc.lines.count - 1, through: lower, by: -1) {
            let line = doc.lines[i]
            if line.isBlank || AdministrativeLayout.notName.firstMatch(in: line.folded) != nil { continue }
            let cleaned = TextNormalizer.trimValue(line.text)
            if AdministrativeLayout.isName(cleaned) {
                return (i, PersonName.normalize(cleaned), 0.9)
            }
            if tail == nil, let name = AdministrativeLayout.nameAtEnd(of: cleaned) { tail = (i, name) }
        }
        if let (i, name) = tail { return (i, PersonName.normalize(name), 0.8) }
        return nil
    }

    /// True when `text` is 2–6 capitalised words of letters, starting with a known surname.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        guard words.allSatisfy({ w in w.allSatisfy(\.isLetter) && (w.first?.isUppercase ?? false) }) else { return false }
        return surnames.contains(VietnameseFolding.fold(String(words[0])))
    }

    /// A name at the end of a merged line (`- Lưu: VT. Nguyễn Văn Bình`), starting with a surname.
    static func nameAtEnd(of text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        for n in stride(from: min(5, words.count - 1), through: 2, by: -1) {
            let candidate = words.suffix(n).joined(separator: " ")
            if isName(candidate) { return candidate }
        }
        return nil
    }
}
