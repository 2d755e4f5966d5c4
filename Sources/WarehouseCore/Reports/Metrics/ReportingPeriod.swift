import Foundation

/// A reporting period `[T0, T1]` of Vietnam local dates, both ends included; usually a calendar month.
public struct ReportingPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// T0, the first day.
    public let start: CalendarDate
    /// T1, the last day. Every "as of" judgement (status, due, overdue) is made at the end of this day.
    public let end: CalendarDate

    /// Creates a period, or returns nil when `end` is before `start`.
    public init?(start: CalendarDate, end: CalendarDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// The calendar month `month` of `year`, or nil when the month does not exist.
    public init?(year: Int, month: Int) {
        guard let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        else { return nil }
        self.start = first
        self.end = last
    }

    /// Whether `date` lies in the period.
    public func contains(_ date: CalendarDate) -> Bool {
        start <= date && date <= end
    }

    /// Whether the period is exactly one calendar month.
    public var isCalendarMonth: Bool {
        ReportingPeriod(year: start.year, month: start.month) == self
    }

    /// The calendar month after the month that contains ``end``.
    public var nextMonth: ReportingPeriod {
        let first = CalendarDate(year: end.year, month: end.month, day: 1)!.adding(months: 1)
        return ReportingPeriod(year: first.year, month: first.month)!
    }

    /// The calendar month before the month that contains ``start``.
    public var previousMonth: ReportingPeriod {
        let first = CalendarDate(year: start.year, month: start.month, day: 1)!.adding(months: -1)
        return ReportingPeriod(year: first.year, month: first.month)!
    }

    /// `YYYYMM` for a calendar month (the `monthly_stat.period` key), otherwise `yyyy-MM-dd…yyyy-MM-dd`.
    public var description: String {
        isCalendarMonth ? String(format: "%04d%02d", start.year, start.month) : "\(start)…\(end)"
    }

    /// Decodes `{"start": "yyyy-MM-dd", "end": "yyyy-MM-dd"}`, refusing an end before the start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(CalendarDate.self, forKey: .start)
        let end = try container.decode(CalendarDate.self, forKey: .end)
        guard let period = ReportingPeriod(start: start, end: end) else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "period ends before it starts")
        }
        self = period
    }
}
