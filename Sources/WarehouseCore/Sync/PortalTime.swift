import Foundation

/// Instants as the national portal writes them: `yyyyMMddHHmmss` in Vietnam time (Asia/Ho_Chi_Minh,
/// UTC+7 all year), DOMAIN.md §6. Plain arithmetic, no formatter: safe from any thread.
public enum PortalTime {
    /// `20241105083000` for 2024-11-05 08:30:00 in Hà Nội; seconds are truncated, never rounded up.
    public static func string(_ date: Date) -> String {
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + VietnamTime.secondsFromGMT
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - days * 86_400
        let day = CalendarDate(daysSinceEpoch: days)
        return String(
            format: "%04d%02d%02d%02d%02d%02d", day.year, day.month, day.day, secondOfDay / 3600, secondOfDay / 60 % 60,
            secondOfDay % 60)
    }

    /// The portal's text for an optional instant: empty when unknown, as the portal's own clients send it.
    public static func string(_ date: Date?) -> String {
        date.map { string($0) } ?? ""
    }

    /// The instant of a `yyyyMMddHHmmss` text in Vietnam time; nil unless it is 14 digits naming a real
    /// date and time.
    public static func date(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 14, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let hour = number(8..<10)
        let minute = number(10..<12)
        let second = number(12..<14)
        guard let day = CalendarDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)), hour < 24, minute < 60, second < 60
        else { return nil }
        let local = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(local - VietnamTime.secondsFromGMT))
    }
}
