import Foundation

/// Official working days of Vietnamese state agencies: weekly days off, public holidays and the
/// Saturdays worked in exchange for a bridged weekday ("làm bù").
///
/// Processing deadlines of administrative procedures are counted in working days, so the due date
/// of a dossier (`NgayHenTra`) needs this calendar. Public holidays are **data**, not computed: Tết
/// and Giỗ Tổ follow the lunar calendar, and the exact days off (bridging, compensation for a holiday
/// falling on a weekend) are announced by the Government each year. Load a calendar from a JSON file
/// (``init(json:)``; the format is described in `README.md`) or use the bundled
/// ``vietnam2024to2026``.
///
/// Outside ``coverage`` only the weekly days off apply: extend the data before computing deadlines
/// past its end (``covers(_:)`` tells).
///
/// ```swift
/// let calendar = WorkingCalendar.vietnam2024to2026
/// calendar.dueDate(receivedOn: CalendarDate(iso: "2025-01-24")!, workingDays: 5)   // 2025-02-07, after Tết
/// ```
public struct WorkingCalendar: Sendable, Hashable {
    /// One dated line of a calendar: a day off or a compensating working day.
    public struct Day: Sendable, Hashable, Codable {
        /// The date.
        public let date: CalendarDate
        /// What the day is, in Vietnamese (`"Tết Nguyên đán Bính Ngọ (mùng 1)"`).
        public let name: String
        /// Where the fact comes from, or how certain it is; nil when the name says it all.
        public let note: String?

        /// Creates a calendar line.
        public init(_ date: CalendarDate, _ name: String, note: String? = nil) {
            self.date = date
            self.name = name
            self.note = note
        }
    }

    /// Human-readable name of the calendar.
    public let name: String
    /// Days of the week that are never working days unless listed in ``workingDays``.
    public let weeklyDaysOff: Set<Weekday>
    /// The dates for which the holiday data is complete.
    public let coverage: ClosedRange<CalendarDate>
    /// Extra days off (public holidays, compensatory and bridged days), in date order.
    public let daysOff: [Day]
    /// Weekly days off that are worked instead (compensating Saturdays), in date order.
    public let workingDays: [Day]
    /// Free-text notes carried by the calendar file (sources, open questions).
    public let notes: [String]

    private let offDates: Set<CalendarDate>
    private let workedDates: Set<CalendarDate>

    /// Creates a calendar after checking that its lines are consistent.
    ///
    /// - Throws: ``WorkingCalendarError`` when every weekday is a day off, a date is listed twice or
    ///   both as a day off and a working day, a working day is not a weekly day off, or a line falls
    ///   outside `coverage`.
    public init(
        name: String,
        weeklyDaysOff: Set<Weekday> = [.saturday, .sunday],
        coverage: ClosedRange<CalendarDate>,
        daysOff: [Day],
        workingDays: [Day],
        notes: [String] = []
    ) throws(WorkingCalendarError) {
        // At least one working day per week keeps every search for "the next working day" finite.
        guard weeklyDaysOff.count < 7 else { throw .noWeeklyWorkingDay }
        var seen = Set<CalendarDate>()
        for day in daysOff + workingDays {
            guard coverage.contains(day.date) else { throw .outsideCoverage(day.date) }
            guard seen.insert(day.date).inserted else {
                let isConflict = daysOff.contains { $0.date == day.date } && workingDays.contains { $0.date == day.date }
                throw isConflict ? .listedAsOffAndWorking(day.date) : .listedTwice(day.date)
            }
        }
        for day in workingDays where !weeklyDaysOff.contains(Weekday(day.date)) {
            throw .workingDayNotWeeklyDayOff(day.date)
        }
        self.name = name
        self.weeklyDaysOff = weeklyDaysOff
        self.coverage = coverage
        self.daysOff = daysOff.sorted { $0.date < $1.date }
        self.workingDays = workingDays.sorted { $0.date < $1.date }
        self.notes = notes
        self.offDates = Set(daysOff.map(\.date))
        self.workedDates = Set(workingDays.map(\.date))
    }

    /// A calendar without holidays: only `weeklyDaysOff` are days off, on every date.
    ///
    /// Seven days off are refused by the checking initialiser; here they fall back to Saturday and Sunday.
    public static func weeklyDaysOffOnly(_ weeklyDaysOff: Set<Weekday> = [.saturday, .sunday]) -> WorkingCalendar {
        let days = weeklyDaysOff.count < 7 ? weeklyDaysOff : [.saturday, .sunday]
        let first = CalendarDate(daysSinceEpoch: Int.min)
        let last = CalendarDate(daysSinceEpoch: Int.max)
        return WorkingCalendar(unchecked: "Weekly days off only", weeklyDaysOff: days, coverage: first...last)
    }

    private init(unchecked name: String, weeklyDaysOff: Set<Weekday>, coverage: ClosedRange<CalendarDate>) {
        self.name = name
        self.weeklyDaysOff = weeklyDaysOff
        self.coverage = coverage
        self.daysOff = []
        self.workingDays = []
        self.notes = []
        self.offDates = []
        self.workedDates = []
    }

    // MARK: - Days

    /// Whether the holiday data covers `date`; outside, only ``weeklyDaysOff`` apply.
    public func covers(_ date: CalendarDate) -> Bool {
        coverage.contains(date)
    }

    /// Whether state agencies work on `date`.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if workedDates.contains(date) { return true }
        if offDates.contains(date) { return false }
        return !weeklyDaysOff.contains(Weekday(date))
    }

    /// The calendar line for `date` (a listed day off or working day), if any.
    public func entry(on date: CalendarDate) -> Day? {
        if offDates.contains(date) { return daysOff.first { $0.date == date } }
        if workedDates.contains(date) { return workingDays.first { $0.date == date } }
        return nil
    }

    /// `date` itself when it is a working day, otherwise the first working day after it.
    public func nextWorkingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// Moves `count` working days from `date`; `date` itself never counts.
    ///
    /// For `count > 0` the result is the `count`-th working day strictly after `date`; for
    /// `count < 0` the `|count|`-th working day strictly before it; `count == 0` returns `date`
    /// unchanged, even when it is not a working day.
    public func addWorkingDays(_ count: Int, to date: CalendarDate) -> CalendarDate {
        let step = count < 0 ? -1 : 1
        var remaining = abs(count)
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The number of working days to add to `start` to reach `end`: the inverse of ``addWorkingDays(_:to:)``.
    ///
    /// For `start <= end` it counts the working days `d` with `start < d <= end` (the start day does
    /// not count, the end day does). For `end < start` it is minus the count of working days `d` with
    /// `end <= d < start`. Hence `workingDays(from: d, to: addWorkingDays(n, to: d)) == n` for every `n`.
    public func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        if start == end { return 0 }
        let forward = start < end
        var count = 0
        var day = forward ? start.adding(days: 1) : end
        let stop = forward ? end : start.adding(days: -1)
        while day <= stop {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return forward ? count : -count
    }

    /// The due date (`NgayHenTra`) of a dossier received on `received` with a processing time of
    /// `workingDays` working days.
    ///
    /// Convention (Civil Code 2015 art. 147; Decree 45/2020 for online filing): the day of receipt
    /// does not count; a dossier received on a non-working day is treated as received on the next
    /// working day, which then does not count either. So a 1-day procedure received on Saturday is
    /// due on Tuesday, and a 0-day procedure is due on the (effective) day of receipt. Receipt after
    /// office hours is a time-of-day rule and must be applied by the caller before calling this.
    public func dueDate(receivedOn received: CalendarDate, workingDays: Int) -> CalendarDate {
        addWorkingDays(max(workingDays, 0), to: nextWorkingDay(onOrAfter: received))
    }
}

/// Why a working calendar was refused.
public enum WorkingCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's `format` field is not one this code reads.
    case unsupportedFormat(String)
    /// The JSON could not be decoded; the text says where.
    case malformed(String)
    /// All seven weekdays are weekly days off.
    case noWeeklyWorkingDay
    /// The coverage ends before it starts.
    case emptyCoverage
    /// A date appears twice in the same list.
    case listedTwice(CalendarDate)
    /// A date is both a day off and a working day.
    case listedAsOffAndWorking(CalendarDate)
    /// A compensating working day falls on a day that is a working day anyway.
    case workingDayNotWeeklyDayOff(CalendarDate)
    /// A line lies outside the calendar's coverage.
    case outsideCoverage(CalendarDate)

    /// One sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .unsupportedFormat(let format):
            "Calendar format \"\(format)\" is not supported; write \"\(WorkingCalendar.fileFormat)\"."
        case .malformed(let detail):
            "Calendar JSON could not be read (\(detail)); compare it with the format in README.md."
        case .noWeeklyWorkingDay:
            "Every weekday is listed as a weekly day off; remove at least one from weeklyDaysOff."
        case .emptyCoverage:
            "The coverage ends before it starts; swap coverage.from and coverage.through."
        case .listedTwice(let date):
            "\(date) is listed twice; keep one line for it."
        case .listedAsOffAndWorking(let date):
            "\(date) is listed both as a day off and as a working day; keep the one the official notice says."
        case .workingDayNotWeeklyDayOff(let date):
            "\(date) is listed as a compensating working day but is not a weekly day off; list only worked Saturdays/Sundays."
        case .outsideCoverage(let date):
            "\(date) lies outside the calendar's coverage; widen coverage or drop the line."
        }
    }
}
