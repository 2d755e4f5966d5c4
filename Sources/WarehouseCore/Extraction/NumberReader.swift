import Foundation

/// Finds identifier-like digit runs (CCCD, CMND, MST, phone numbers) in OCR text.
enum NumberReader {
    /// Digit runs, allowing OCR look-alikes and single spaces or dots between groups.
    private static let run = RegexPattern("(?<![0-9A-Za-z])[0-9OoQDIl|!SBZG]{2,}(?:[ .][0-9OoQDIl|!SBZG]{2,})*(?:-[0-9]{3})?(?![0-9A-Za-z])")

    /// Every digit run in `text` with at least `minDigits` characters and mostly real digits.
    static func numbers(in text: String, minDigits: Int = 4) -> [NumberHit] {
        run.matches(in: text).compactMap { m in
            let raw = String(text[m.range])
            var groups = raw.split(separator: " ").map(String.init)
            // A trailing word glued by a space (e.g. "038090012345 Họ") is not part of the number.
            while let last = groups.last, groups.count > 1, last.filter({ $0.isNumber }).count * 2 < last.count { groups.removeLast() }
            let joined = groups.joined().replacingOccurrences(of: ".", with: "")
            let realDigits = joined.filter { $0.isASCII && $0.isNumber }.count
            guard joined.count >= minDigits, Double(realDigits) / Double(joined.count) >= 0.5 else { return nil }
            let (digits, repaired) = TextNormalizer.repairDigits(joined)
            return NumberHit(digits: digits, repaired: repaired)
        }
    }

    /// The first run in `text` whose digit count (dash excluded) is in `lengths`.
    static func first(in text: String, lengths: Set<Int>) -> NumberHit? {
        numbers(in: text).first { lengths.contains($0.digits.filter(\.isNumber).count) }
    }
}
