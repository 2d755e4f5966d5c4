import Foundation

/// Normalises a person's name: title case, and the diacritics OCR drops on capitals restored
/// for the most common surnames and middle names (`NGUYÊN VĂN AN` → `Nguyễn Văn An`).
enum PersonName {
    /// Folded surname → spelling; only surnames whose folded form has one usual spelling.
    static let surnames: [String: String] = [
        "nguyen": "Nguyễn", "tran": "Trần", "pham": "Phạm", "hoang": "Hoàng", "huynh": "Huỳnh", "bui": "Bùi",
        "dang": "Đặng", "ngo": "Ngô", "duong": "Dương", "vu": "Vũ", "vo": "Võ", "trinh": "Trịnh", "truong": "Trương",
        "luong": "Lương", "doan": "Đoàn", "le": "Lê", "phan": "Phan", "lam": "Lâm", "dao": "Đào", "dinh": "Đinh",
    ]
    /// Folded middle name → spelling.
    static let middleNames: [String: String] = ["van": "Văn", "thi": "Thị"]

    /// A signer's name in a line of the signature block: 2–5 capitalised words starting with a common surname,
    /// the surname spelled canonically (`Nguyên Hoàng Giang` as OCR reads it → `Nguyễn Hoàng Giang`).
    static func signerName(in text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard (2...5).contains(words.count), let first = words.first,
            let surname = surnames[VietnameseFolding.fold(first)] ?? (AdministrativeLayout.surnames.contains(VietnameseFolding.fold(first)) ? first : nil),
            words.allSatisfy({ w in w.allSatisfy(\.isLetter) && (w.first?.isUppercase ?? false) })
        else { return nil }
        // All capitals is a title line (`PHÓ CHỦ TỊCH`, `TRƯỞNG BAN`), not a name, unless the words are a surname's.
        if TextNormalizer.isMostlyUppercase(text),
            AdministrativeLayout.notName.firstMatch(in: VietnameseFolding.fold(text)) != nil || SignatureTitle.canonical(text) != nil
        {
            return nil
        }
        var out = normalize(text).split(separator: " ").map(String.init)
        out[0] = TextNormalizer.isMostlyUppercase(first) && first.count > 1 ? surname : (surnames[VietnameseFolding.fold(first)] ?? out[0])
        return out.joined(separator: " ")
    }

    /// Title-cased name; surname and middle name spelled canonically when the name was printed in capitals.
    static func normalize(_ raw: String) -> String {
        let wasUpper = TextNormalizer.isMostlyUppercase(raw)
        let name = TextNormalizer.nameCase(raw)
        guard wasUpper else { return name }
        var words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return name }
        if let s = surnames[VietnameseFolding.fold(words[0])] { words[0] = s }
        for i in 1..<(words.count - 1) {
            if let m = middleNames[VietnameseFolding.fold(words[i])] { words[i] = m }
        }
        return words.joined(separator: " ")
    }
}
