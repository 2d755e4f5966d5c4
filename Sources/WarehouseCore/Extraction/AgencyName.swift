import Foundation

/// Turns an agency header printed in capitals into normal Vietnamese spelling:
/// `ỦY BAN NHÂN DÂN TỈNH THANH HÓA` → `Ủy ban nhân dân tỉnh Thanh Hóa`, `SỞ TƯ PHÁP` → `Sở Tư pháp`.
/// Known administrative words also get their diacritics back (`ÚY BAN` → `Ủy ban`, `TÍNH` → `tỉnh`).
enum AgencyName {
    /// Words naming an administrative unit; the words after them are a place name (title case).
    static let units: [(String, String)] = [
        ("thanh pho", "thành phố"), ("thi xa", "thị xã"), ("thi tran", "thị trấn"), ("tinh", "tỉnh"),
        ("huyen", "huyện"), ("quan", "quận"), ("xa", "xã"), ("phuong", "phường"), ("dac khu", "đặc khu"),
    ]
    /// Words naming a body; the next word starts its field (`Sở Tư pháp`).
    static let bodies: [(String, String)] = [
        ("uy ban nhan dan", "ủy ban nhân dân"), ("hoi dong nhan dan", "hội đồng nhân dân"), ("chi cuc", "chi cục"),
        ("tong cuc", "tổng cục"), ("van phong", "văn phòng"), ("cong an", "công an"), ("so", "sở"), ("phong", "phòng"),
        ("cuc", "cục"), ("bo", "bộ"), ("trung tam", "trung tâm"), ("ban", "ban"), ("chi nhanh", "chi nhánh"),
    ]
    /// Phrases that start an agency name on a header line.
    static let starts = RegexPattern("^\\s*(?:uy\\s*ban\\s*nhan\\s*dan|ubnd|hoi\\s*dong|so\\s|phong\\s|cuc\\s|chi\\s*cuc|bo\\s|cong\\s*an|van\\s*phong|tong\\s*cuc|trung\\s*tam|ban\\s|toa\\s*an|vien\\s*kiem\\s*sat)")

    /// The issuing body among header lines and, when the header names two bodies, the parent body above it.
    static func issuingBodyAndParent(_ lines: [String], spellings: [String: String] = [:]) -> (body: String, parent: String?) {
        let starts = lines.indices.filter { AgencyName.starts.firstMatch(in: VietnameseFolding.fold(lines[$0])) != nil }
        let from = starts.last ?? 0
        let body = normalize(lines[from...].joined(separator: " "), spellings: spellings)
        let parent = from > 0 ? normalize(lines[..<from].joined(separator: " "), spellings: spellings) : nil
        return (body, parent)
    }

    /// The usual short form of a body's name (Decree 30/2020 Appendix III): `Ủy ban nhân dân` as `UBND`,
    /// `Hội đồng nhân dân` as `HĐND`, as in `UBND tỉnh Quảng Ngãi`.
    static func abbreviate(_ name: String) -> String {
        var out = name
        for (long, short) in [("ủy ban nhân dân", "UBND"), ("uỷ ban nhân dân", "UBND"), ("hội đồng nhân dân", "HĐND")] {
            out = out.replacingOccurrences(of: long, with: short, options: [.caseInsensitive])
        }
        return out
    }

    /// The issuing body among header lines: from the last line that starts a new agency name
    /// (the line above it is the parent body), joined and normalised.
    static func issuingBody(_ lines: [String], spellings: [String: String] = [:]) -> String {
        issuingBodyAndParent(lines, spellings: spellings).body
    }

    /// Normal spelling of a header printed in capitals; text not in capitals is returned as is.
    static func normalize(_ text: String, spellings: [String: String] = [:]) -> String {
        guard TextNormalizer.isMostlyUppercase(text) else { return text }
        let words = text.split(separator: " ").map(String.init)
        let folded = words.map { VietnameseFolding.fold($0).filter { $0.isLetter } }
        enum Mode { case start, place, field }
        var mode = Mode.start
        var wordsInMode = 0
        var out: [String] = []
        var i = 0
        while i < words.count {
            // A unit word may follow a body (`ỦY BAN NHÂN DÂN TỈNH`) or end a place; the first word of a
            // place or field is never a unit or body word (`HUYỆN QUAN HÓA`).
            let firstOfPart = (mode == .place || mode == .field) && wordsInMode == 0
            if !(mode == .place && wordsInMode == 0), let (n, canonical) = match(units, folded, at: i) {
                out.append(canonical + trailingPunctuation(words[i + n - 1]))
                i += n
                mode = .place
                wordsInMode = 0
                continue
            }
            if !firstOfPart, let (n, canonical) = match(bodies, folded, at: i) {
                out.append(canonical + trailingPunctuation(words[i + n - 1]))
                i += n
                mode = .field
                wordsInMode = 0
                continue
            }
            let word = words[i]
            switch mode {
            case .place: out.append(spellings[VietnameseFolding.fold(word)] ?? titleWord(word))
            case .field:
                // Each field of a body's name starts with a capital: `Sở Tài nguyên và Môi trường`,
                // `Sở Lao động - Thương binh và Xã hội`.
                let previous = i > 0 ? folded[i - 1] : ""
                let startsField = wordsInMode == 0 || previous == "va" || words[i - 1].hasSuffix(",") || words[i - 1] == "-"
                out.append(startsField ? titleWord(word) : word.lowercased())
            case .start: out.append(word.count <= 5 && word == word.uppercased() && folded[i].count == word.count && isAcronym(word) ? word : word.lowercased())
            }
            wordsInMode += 1
            i += 1
        }
        return AdministrativeDocumentExtractor.capitalizeFirst(out.joined(separator: " "))
    }

    private static func isAcronym(_ word: String) -> Bool {
        ["UBND", "HĐND", "TNHH", "CP", "BHXH"].contains(word)
    }

    private static func match(_ list: [(String, String)], _ folded: [String], at i: Int) -> (Int, String)? {
        for (phrase, canonical) in list {
            let parts = phrase.split(separator: " ").map(String.init)
            guard i + parts.count <= folded.count else { continue }
            if Array(folded[i..<(i + parts.count)]) == parts { return (parts.count, canonical) }
        }
        return nil
    }

    private static func trailingPunctuation(_ word: String) -> String {
        String(word.reversed().prefix { !$0.isLetter && !$0.isNumber }.reversed())
    }

    /// `THANH` → `Thanh`.
    static func titleWord(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst().lowercased()
    }

    /// `TỜ KHAI CẤP GIẤY XÁC NHẬN…` → `Tờ khai cấp Giấy xác nhận…`: sentence case, paper names (`Giấy …`) capitalised.
    static func sentenceCase(_ text: String) -> String {
        guard TextNormalizer.isMostlyUppercase(text) else { return text }
        let words = text.lowercased().split(separator: " ").map(String.init)
        let out = words.enumerated().map { i, w in
            i == 0 || VietnameseFolding.fold(w) == "giay" ? titleWord(w) : w
        }
        return out.joined(separator: " ")
    }
}
