import Foundation

/// Vietnam keeps one time zone, UTC+7, with no daylight saving: a calendar day there is a fixed
/// 86 400-second window, so the day of an instant is plain arithmetic.
public enum VietnamTime {
    public static let secondsFromGMT = 7 * 3600
    public static let zone = TimeZone(secondsFromGMT: secondsFromGMT)!

    /// A formatter in Vietnam time for fixed formats (`yyyyMMddHHmm`, …). Formatters are costly: keep one.
    public static func formatter(_ format: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = format
        return f
    }
}

extension CalendarDate {
    /// The day in Vietnam at `instant`.
    public init(inVietnamAt instant: Date) {
        let seconds = instant.timeIntervalSince1970 + Double(VietnamTime.secondsFromGMT)
        self.init(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    /// Today in Vietnam.
    public static var todayInVietnam: CalendarDate { CalendarDate(inVietnamAt: Date()) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (`civil_from_days`), clamped to years 1...9999.
    public init(daysSinceEpoch days: Int) {
        let z = min(max(days, -719_162), 2_932_896) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    /// Compact `yyMMdd`, as in dossier codes.
    public var compact: String {
        String(format: "%02d%02d%02d", year % 100, month, day)
    }
}

// MARK: - Reading and writing instants

extension VietnamTime {
    /// An instant typed by a person or a script, and whether they gave a time of day.
    public struct Reading: Sendable, Hashable {
        /// The instant; midnight in Vietnam when only a date was given.
        public let instant: Date
        /// False for a date alone (`2024-10-02`): the caller may then place the instant later that day.
        public let hasTime: Bool
        /// The day in Vietnam.
        public var day: CalendarDate { CalendarDate(inVietnamAt: instant) }
    }

    /// Reads a date or date-time, in Vietnam time unless the text names its offset.
    ///
    /// Accepted: `yyyy-MM-dd`; `yyyy-MM-dd HH:mm` or `yyyy-MM-ddTHH:mm`, optionally with `:ss`;
    /// the portal's `yyyyMMddHHmmss`; and any of the timed forms followed by `Z` or `±HH:MM`
    /// (then in that offset). Returns nil for anything else, including impossible dates and times.
    public static func parse(_ text: String) -> Reading? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for c in chars[range] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        // The portal's compact form.
        if chars.count == 14, let y = number(0..<4), let mo = number(4..<6), let d = number(6..<8), let h = number(8..<10),
            let mi = number(10..<12), let s = number(12..<14)
        {
            return instant(y, mo, d, h, mi, s, offset: secondsFromGMT).map { Reading(instant: $0, hasTime: true) }
        }
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"), let y = number(0..<4),
            let mo = number(5..<7), let d = number(8..<10)
        else { return nil }
        if chars.count == 10 { return instant(y, mo, d, 0, 0, 0, offset: secondsFromGMT).map { Reading(instant: $0, hasTime: false) } }
        guard chars.count >= 16, chars[10] == UInt8(ascii: " ") || chars[10] == UInt8(ascii: "T"), chars[13] == UInt8(ascii: ":"),
            let h = number(11..<13), let mi = number(14..<16)
        else { return nil }
        var index = 16
        var s = 0
        if chars.count >= 19, chars[16] == UInt8(ascii: ":") {
            guard let seconds = number(17..<19) else { return nil }
            s = seconds
            index = 19
        }
        var offset = secondsFromGMT
        let rest = chars[index...]
        if rest.count == 1, rest.first == UInt8(ascii: "Z") {
            offset = 0
        } else if rest.count == 6, let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            chars[index + 3] == UInt8(ascii: ":"), let oh = number(index + 1..<index + 3), let om = number(index + 4..<index + 6), oh < 24, om < 60
        {
            offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else if !rest.isEmpty {
            return nil
        }
        return instant(y, mo, d, h, mi, s, offset: offset).map { Reading(instant: $0, hasTime: true) }
    }

    private static func instant(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offset: Int) -> Date? {
        guard let day = CalendarDate(year: y, month: mo, day: d), h < 24, mi < 60, s < 60 else { return nil }
        let seconds = day.daysSinceEpoch * 86_400 + h * 3600 + mi * 60 + s - offset
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// A `yyyy-MM-dd` day as people write it, `dd/MM/yyyy`; anything else as it is.
    public static func day(_ iso: String) -> String {
        guard let d = CalendarDate(iso: iso) else { return iso }
        return String(format: "%02d/%02d/%04d", d.day, d.month, d.year)
    }

    /// `yyyy-MM-dd HH:mm` in Vietnam time: how people read an instant on the pages and in `dossier show`.
    public static func display(_ instant: Date) -> String {
        let seconds = Int((instant.timeIntervalSince1970 + Double(secondsFromGMT)).rounded(.down))
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let ofDay = seconds - day.daysSinceEpoch * 86_400
        return day.iso + String(format: " %02d:%02d", ofDay / 3600, ofDay % 3600 / 60)
    }
}

extension CalendarDate {
    /// The instant this day starts in Vietnam (00:00 UTC+7).
    public var startInVietnam: Date {
        Date(timeIntervalSince1970: Double(daysSinceEpoch * 86_400 - VietnamTime.secondsFromGMT))
    }
}
