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
