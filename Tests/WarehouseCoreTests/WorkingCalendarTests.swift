import Foundation
import PropertyBased
import WarehouseCore
import Testing

@Suite("Working calendar")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar.vietnam2024to2026
    let date = ReportsFixtures.date

    @Test("the bundled 2024–2026 calendar loads and covers three years")
    func bundledCalendar() {
        #expect(calendar.covers(date("2024-01-01")))
        #expect(calendar.covers(date("2026-12-31")))
        #expect(!calendar.covers(date("2027-01-01")))
        #expect(calendar.weeklyDaysOff == [.saturday, .sunday])
        #expect(calendar.daysOff.count == 36)
        #expect(calendar.workingDays.map(\.date) == [date("2024-05-04"), date("2025-04-26"), date("2026-01-10")])
    }

    @Test("the editable calendar file is the bundled calendar")
    func sampleFileMatchesBundle() throws {
        let fromFile = try WorkingCalendar(json: Data(contentsOf: WorkingCalendarTests.sampleFile))
        #expect(fromFile == calendar)
    }

    /// `scripts/calendar/vn-civil-service-2024-2026.json` of the repository.
    static var sampleFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/calendar/vn-civil-service-2024-2026.json")
    }

    @Test(
        "working days per year (weekdays − weekday holidays + worked Saturdays)",
        arguments: [(2024, 262 - 12 + 1), (2025, 261 - 12 + 1), (2026, 261 - 12 + 1)])
    func workingDaysPerYear(year: Int, expected: Int) {
        let lastDayBefore = CalendarDate(year: year - 1, month: 12, day: 31)!
        let lastDay = CalendarDate(year: year, month: 12, day: 31)!
        #expect(calendar.workingDays(from: lastDayBefore, to: lastDay) == expected)
    }

    @Test("the public holidays of each year are days off")
    func publicHolidays() {
        let holidays = [
            "2024-01-01", "2024-04-18", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",
            "2025-01-01", "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02",
            "2026-01-01", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02",
        ]
        for holiday in holidays {
            #expect(!calendar.isWorkingDay(date(holiday)), "\(holiday)")
            #expect(calendar.entry(on: date(holiday)) != nil, "\(holiday)")
        }
        #expect(calendar.isWorkingDay(date("2024-10-01")))
        #expect(!calendar.isWorkingDay(date("2024-10-05")))  // an ordinary Saturday
    }

    @Test("Tết week: no working day from 27 tháng Chạp to mùng 5")
    func tetWeek() {
        for day in 25...31 { #expect(!calendar.isWorkingDay(CalendarDate(year: 2025, month: 1, day: day)!)) }
        for day in 1...2 { #expect(!calendar.isWorkingDay(CalendarDate(year: 2025, month: 2, day: day)!)) }
        #expect(calendar.addWorkingDays(1, to: date("2025-01-24")) == date("2025-02-03"))
        #expect(calendar.dueDate(receivedOn: date("2025-01-24"), workingDays: 5) == date("2025-02-07"))
        // Tết Giáp Thìn 2024 (8–14/2) and Bính Ngọ 2026 (14–22/2).
        #expect(calendar.dueDate(receivedOn: date("2024-02-07"), workingDays: 3) == date("2024-02-19"))
        #expect(calendar.dueDate(receivedOn: date("2026-02-13"), workingDays: 1) == date("2026-02-23"))
        #expect(calendar.workingDays(from: date("2026-02-13"), to: date("2026-02-23")) == 1)
    }

    @Test("compensating Saturdays are working days and their bridged weekdays are not")
    func compensatingSaturday() {
        #expect(calendar.isWorkingDay(date("2024-05-04")))
        #expect(!calendar.isWorkingDay(date("2024-04-29")))
        #expect(calendar.entry(on: date("2024-05-04"))?.name == "Làm bù cho thứ Hai 29/04/2024")
        // Received Friday 26/4/2024, 3 working days: 2/5, 3/5 and the worked Saturday 4/5.
        #expect(calendar.dueDate(receivedOn: date("2024-04-26"), workingDays: 3) == date("2024-05-04"))
        #expect(calendar.addWorkingDays(1, to: date("2024-05-03")) == date("2024-05-04"))
        // New Year 2026: 1–4/1 off, Saturday 10/1 worked.
        #expect(calendar.dueDate(receivedOn: date("2025-12-31"), workingDays: 2) == date("2026-01-06"))
        #expect(calendar.isWorkingDay(date("2026-01-10")))
        #expect(calendar.addWorkingDays(1, to: date("2026-01-09")) == date("2026-01-10"))
    }

    @Test("a due date across a holiday skips it")
    func dueDateAcrossHoliday() {
        // Friday 30/8/2024 + 2: weekend, Quốc khánh 2–3/9, then 4/9 and 5/9.
        #expect(calendar.dueDate(receivedOn: date("2024-08-30"), workingDays: 2) == date("2024-09-05"))
        // Giỗ Tổ 2026 falls on Sunday 26/4; Monday 27/4 is the day off in lieu.
        #expect(calendar.dueDate(receivedOn: date("2026-04-24"), workingDays: 1) == date("2026-04-28"))
        // 30/4 and 1/5/2026 are Thursday and Friday.
        #expect(calendar.dueDate(receivedOn: date("2026-04-29"), workingDays: 1) == date("2026-05-04"))
    }

    @Test("receipt on a non-working day counts from the next working day, which itself does not count")
    func receiptOnDayOff() {
        #expect(calendar.dueDate(receivedOn: date("2024-10-05"), workingDays: 1) == date("2024-10-08"))
        #expect(calendar.dueDate(receivedOn: date("2024-10-05"), workingDays: 0) == date("2024-10-07"))
        #expect(calendar.dueDate(receivedOn: date("2024-09-02"), workingDays: 1) == date("2024-09-05"))
        #expect(calendar.dueDate(receivedOn: date("2024-10-07"), workingDays: 0) == date("2024-10-07"))
        #expect(calendar.dueDate(receivedOn: date("2024-10-02"), workingDays: 5) == date("2024-10-09"))
    }

    @Test("working days are counted after the start, up to and including the end")
    func countingConvention() {
        #expect(calendar.workingDays(from: date("2024-09-30"), to: date("2024-10-31")) == 23)
        #expect(calendar.workingDays(from: date("2024-10-07"), to: date("2024-10-07")) == 0)
        #expect(calendar.workingDays(from: date("2024-10-07"), to: date("2024-10-08")) == 1)
        #expect(calendar.workingDays(from: date("2024-10-05"), to: date("2024-10-06")) == 0)
        #expect(calendar.workingDays(from: date("2024-10-08"), to: date("2024-10-07")) == -1)
        #expect(calendar.addWorkingDays(-1, to: date("2024-10-07")) == date("2024-10-04"))
        #expect(calendar.addWorkingDays(0, to: date("2024-10-05")) == date("2024-10-05"))
        #expect(calendar.nextWorkingDay(onOrAfter: date("2025-01-25")) == date("2025-02-03"))
    }

    @Test("addWorkingDays and workingDays(from:to:) are inverse")
    func inverseProperty() async {
        await propertyCheck(input: Gen.int(in: 0...1_200), Gen.int(in: -40...60)) { offset, count in
            let start = ReportsFixtures.date("2023-12-01").adding(days: offset)
            let end = calendar.addWorkingDays(count, to: start)
            #expect(calendar.workingDays(from: start, to: end) == count)
            if count != 0 { #expect(calendar.isWorkingDay(end)) }
            #expect(count >= 0 ? end >= start : end < start)
        }
    }

    @Test("weekdays follow ISO numbering, before and after 1970")
    func weekdays() {
        #expect(Weekday(date("2024-10-01")) == .tuesday)
        #expect(Weekday(date("1970-01-01")) == .thursday)
        #expect(Weekday(date("1969-12-31")) == .wednesday)
        #expect(Weekday(date("2025-01-29")) == .wednesday)  // mùng 1 Tết Ất Tỵ
        #expect(Weekday.saturday.vietnameseName == "thứ Bảy")
    }

    @Test("a calendar survives a JSON round trip")
    func jsonRoundTrip() throws {
        let again = try WorkingCalendar(json: calendar.json())
        #expect(again == calendar)
        #expect(again.notes == calendar.notes)
        #expect(again.entry(on: date("2026-01-02"))?.note == "Công văn 12729/VPCP-KGVX ngày 25/12/2025")
    }

    @Test("inconsistent calendar files are refused with the reason")
    func invalidFiles() {
        func load(_ body: String) -> WorkingCalendarError? {
            let json = """
                {"format": "vn-working-calendar/1", "name": "t", "coverage": {"from": "2024-01-01", "through": "2024-12-31"}, \(body)}
                """
            do {
                _ = try WorkingCalendar(json: Data(json.utf8))
                return nil
            } catch {
                return error
            }
        }
        #expect(load(#""daysOff": []"#) == nil)
        #expect(load(#""daysOff": [{"date": "2024-04-30", "name": "a"}, {"date": "2024-04-30", "name": "b"}]"#) == .listedTwice(date("2024-04-30")))
        #expect(
            load(#""daysOff": [{"date": "2024-05-04", "name": "a"}], "workingDays": [{"date": "2024-05-04", "name": "b"}]"#)
                == .listedAsOffAndWorking(date("2024-05-04")))
        #expect(load(#""daysOff": [], "workingDays": [{"date": "2024-05-03", "name": "Friday"}]"#) == .workingDayNotWeeklyDayOff(date("2024-05-03")))
        #expect(load(#""daysOff": [{"date": "2025-01-01", "name": "a"}]"#) == .outsideCoverage(date("2025-01-01")))
        #expect(load(#""daysOff": [], "weeklyDaysOff": ["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]"#) == .noWeeklyWorkingDay)
        if case .malformed(let detail) = load(#""daysOff": [{"date": "2024-02-30", "name": "a"}]"#) {
            #expect(detail.contains("2024-02-30"))
        } else {
            Issue.record("an impossible date must be reported as malformed")
        }
        let wrongFormat = Data(#"{"format": "ics", "name": "t", "coverage": {"from": "2024-01-01", "through": "2024-12-31"}, "daysOff": []}"#.utf8)
        #expect(throws: WorkingCalendarError.unsupportedFormat("ics")) { try WorkingCalendar(json: wrongFormat) }
        #expect(WorkingCalendarError.listedTwice(date("2024-04-30")).description.contains("2024-04-30"))
    }

    @Test("a calendar without holidays keeps only the weekly days off")
    func weeklyOnly() {
        let plain = WorkingCalendar.weeklyDaysOffOnly()
        #expect(plain.isWorkingDay(date("2024-09-02")))
        #expect(!plain.isWorkingDay(date("2024-09-07")))
        #expect(plain.covers(date("2099-01-01")))
    }
}
