import Foundation

/// The authority and title lines of a signature block (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`)
/// spelled the usual way: their words are few, so the marks OCR drops on capitals can be given back, and a
/// line of other words (a seal's or a signature's strokes read as letters) is not a title.
enum SignatureTitle {
    /// Folded word (or pair) → its spelling in a title line.
    static let words: [String: String] = [
        "tm": "TM.", "kt": "KT.", "tl": "TL.", "ttl": "TTL.", "q": "Q.", "tuq": "TUQ.",
        "uy": "ỦY", "ban": "BAN", "nhan": "NHÂN", "dan": "DÂN", "chu": "CHỦ", "tich": "TỊCH", "pho": "PHÓ",
        "chanh": "CHÁNH", "van": "VĂN", "phong": "PHÒNG", "truong": "TRƯỞNG", "giam": "GIÁM", "doc": "ĐỐC",
        "tinh": "TỈNH", "huyen": "HUYỆN", "xa": "XÃ", "phuong": "PHƯỜNG", "hoi": "HỘI", "dong": "ĐỒNG",
        "thuong": "THƯỜNG", "truc": "TRỰC", "so": "SỞ", "ubnd": "UBND", "hdnd": "HĐND", "chi": "CHỈ", "dao": "ĐẠO",
        "cuc": "CỤC", "vu": "VỤ", "bo": "BỘ", "thi": "THỊ", "thanh": "THÀNH", "tran": "TRẤN", "quan": "QUẬN",
        "cong": "CÔNG", "an": "AN", "nguoi": "NGƯỜI", "ky": "KÝ", "to": "TỔ", "ke": "KẾ", "toan": "TOÁN",
    ]
    static let pairs: [String: String] = [
        "bi thu": "BÍ THƯ", "thu truong": "THỦ TRƯỞNG", "thu ky": "THƯ KÝ", "uy vien": "ỦY VIÊN", "thanh vien": "THÀNH VIÊN",
        "thanh pho": "THÀNH PHỐ", "pho": "PHÓ",
    ]

    /// A title word one letter off what OCR read (`TỊC`, `CHỦT`), when exactly one is that close.
    static func nearest(_ folded: String) -> String? {
        guard folded.count >= 3 else { return nil }
        let close = words.filter { key, _ in key.count >= 3 && key.first == folded.first && editDistance(key, folded) <= 1 }
        return close.count == 1 ? close.first?.value : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i]
            for j in 1...max(1, b.count) where !b.isEmpty {
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)))
            }
            previous = current
        }
        return a.isEmpty ? b.count : b.isEmpty ? a.count : previous[b.count]
    }

    /// The line spelled the usual way; nil when it is not a title line.
    static func canonical(_ line: String) -> String? {
        // `TM.UY BAN` → `TM. UY BAN`.
        let spaced = line.replacingOccurrences(of: ".", with: ". ")
        let parts = spaced.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init).filter { !$0.isEmpty }
        let folded = parts.map { VietnameseFolding.fold($0).filter(\.isLetter) }
        guard !parts.isEmpty, folded.allSatisfy({ !$0.isEmpty }) else { return nil }
        var out: [String] = []
        var i = 0
        while i < folded.count {
            if i + 1 < folded.count, let pair = pairs[folded[i] + " " + folded[i + 1]] {
                out.append(pair)
                i += 2
                continue
            }
            if let word = words[folded[i]] ?? nearest(folded[i]) {
                out.append(word)
                i += 1
                continue
            }
            // A number (`BAN CHỈ ĐẠO 138`) is kept; any other word is not a title's.
            if parts[i].allSatisfy(\.isNumber) {
                out.append(parts[i])
                i += 1
                continue
            }
            return nil
        }
        return out.joined(separator: " ").replacingOccurrences(of: ". ", with: ". ").trimmingCharacters(in: .whitespaces)
    }
}
