import Foundation

/// Parses Vietnamese dates: `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `ngày 05 tháng 11 năm 2024`, tolerating OCR noise.
enum VietnameseDateParser {
    /// A digit or a letter OCR confuses with one (folded, so lower case).
    private static let d = "[0-9oqdil|!]"

    /// `dd/mm/yyyy` with `/`, `-` or `.`, spaces allowed around separators.
    static let numeric = RegexPattern(
        "(?<![0-9a-z])(\(d)\\s?\(d)?)\\s*[/.\\-]\\s*(\(d)\\s?\(d)?)\\s*[/.\\-]\\s*(\(d)\\s?\(d)\\s?\(d)\\s?\(d))(?![0-9])")

    /// `ngày 05 tháng 11 năm 2024` (folded: `ngay 05 thang 11 nam 2024`), also `ngày 05/11/2024` handled by `numeric`.
    static let words = RegexPattern(
        "(?<![a-z])ngay\\s*[:.]?\\s*(\(d)\\s?\(d)?)\\s*[,.]?\\s*thang\\s*[:.]?\\s*(\(d)\\s?\(d)?)\\s*[,.]?\\s*nam\\s*[:.]?\\s*(\(d)\\s?\(d)\\s?\(d)\\s?\(d))(?![0-9])")

    /// The first date in `text` (either form, whichever comes first).
    static func firstDate(in text: String) -> DateHit? {
        let folded = VietnameseFolding.fold(text)
        let candidates = [words.firstMatch(in: folded), numeric.firstMatch(in: folded)].compactMap { $0 }
        guard let m = candidates.min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { return nil }
        return hit(from: m)
    }

    /// Every date in `text`, in order.
    static func allDates(in text: String) -> [DateHit] {
        let folded = VietnameseFolding.fold(text)
        var found = (words.matches(in: folded) + numeric.matches(in: folded)).sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out: [RegexMatch] = []
        for m in found where !out.contains(where: { $0.range.overlaps(m.range) }) { out.append(m) }
        found = out
        return found.compactMap(hit(from:))
    }

    /// Parses the compact `ddMMyyyy` of a CCCD chip QR.
    static func compact(_ text: String) -> CalendarDate? {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let day = Int(text.prefix(2)), let month = Int(text.dropFirst(2).prefix(2)), let year = Int(text.suffix(4))
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func hit(from m: RegexMatch) -> DateHit? {
        guard let rd = m.group(1), let rm = m.group(2), let ry = m.group(3) else { return nil }
        let (ds, r1) = number(rd), (ms, r2) = number(rm), (ys, r3) = number(ry)
        guard let day = Int(ds), let month = Int(ms), let year = Int(ys) else { return nil }
        let repaired = r1 || r2 || r3
        if (1800...2199).contains(year), let date = CalendarDate(year: year, month: month, day: day) {
            return DateHit(date: date, value: date.iso, repaired: repaired, range: m.range)
        }
        return DateHit(date: nil, value: "\(ds)/\(ms)/\(ys)", repaired: repaired, range: m.range)
    }

    /// Removes spaces and reads look-alikes as digits.
    private static func number(_ s: String) -> (String, Bool) {
        var repaired = false
        let digits = String(s.compactMap { c -> Character? in
            switch c {
            case " ": return nil
            case "o", "q", "d": repaired = true; return "0"
            case "i", "l", "|", "!": repaired = true; return "1"
            default: return c
            }
        })
        return (digits, repaired)
    }
}
