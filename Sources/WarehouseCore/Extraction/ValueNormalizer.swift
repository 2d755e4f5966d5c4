import Foundation

/// Restores the canonical spelling of small vocabularies OCR often damages (sex, nationality, ethnicity).
enum ValueNormalizer {
    /// `Nam`/`Nữ` from text such as `Nam`, `NỮ`, `Nu`, `Nừ`, `Male`; nil when neither.
    static func sex(_ text: String) -> Sex? {
        let words = VietnameseFolding.fold(text).split { !$0.isLetter }.map(String.init)
        guard let first = words.first else { return nil }
        switch first {
        case "nam", "male": return .male
        case "nu", "female", "nir", "nut": return .female
        default: return nil
        }
    }

    /// Canonical names of the ethnic groups most often met, keyed by folded spelling.
    static let ethnicities: [String: String] = Dictionary(uniqueKeysWithValues: [
        "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na",
        "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông", "Thổ", "Xtiêng", "Khơ Mú", "Bru Vân Kiều",
        "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ Triêng", "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng",
        "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo",
        "Rơ Măm", "Brâu", "Ơ Đu",
    ].map { (VietnameseFolding.fold($0).filter { $0.isLetter }, $0) })

    /// Canonical ethnicity when recognised (`Kinh` for `KINH`), else the value as printed.
    static func ethnicity(_ text: String) -> String {
        let key = VietnameseFolding.fold(text).filter(\.isLetter)
        return ethnicities[key] ?? text
    }

    /// `Việt Nam` for any spelling of it (`VIỆT NAM`, `Viet Nam`, `Việt Nam/Vietnamese`), else the value as printed.
    static func nationality(_ text: String) -> String {
        let key = VietnameseFolding.fold(text).filter(\.isLetter)
        if key.hasPrefix("vietnam") || key == "vn" { return "Việt Nam" }
        return text
    }
}
