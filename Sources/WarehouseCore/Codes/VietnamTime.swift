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
