import Foundation

// The bundled calendar. Its text is kept identical to `scripts/calendar/vn-civil-service-2024-2026.json`
// (a test compares the two); edit the JSON, then run `scripts/calendar/generate-swift.sh`.

extension WorkingCalendar {
    /// Vietnam, civil-service working days 2024–2026: Saturday and Sunday off, the public holidays of
    /// Labour Code 2019 art. 112 (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 âm lịch,
    /// 30/4, 1/5, 2/9 and one adjacent day) with the announced bridges and compensating Saturdays.
    ///
    /// Lines tagged `[R]` in their note are not yet confirmed against the official notice.
    public static let vietnam2024to2026: WorkingCalendar = {
        do {
            return try WorkingCalendar(json: Data(vietnam2024to2026JSON.utf8))
        } catch {
            // The text is a compile-time constant checked by the test suite; failing here is a build defect.
            preconditionFailure("bundled calendar is invalid: \(error)")
        }
    }()

    /// The calendar file behind ``vietnam2024to2026``, in the format ``init(json:)`` reads.
    public static let vietnam2024to2026JSON = #"""
{
  "format": "vn-working-calendar/1",
  "name": "Việt Nam — cán bộ, công chức, viên chức (cơ quan hành chính nhà nước), 2024–2026",
  "weeklyDaysOff": ["saturday", "sunday"],
  "coverage": { "from": "2024-01-01", "through": "2026-12-31" },
  "daysOff": [
    { "date": "2024-01-01", "name": "Tết Dương lịch" },
    { "date": "2024-02-08", "name": "Tết Nguyên đán Giáp Thìn (29 tháng Chạp)" },
    { "date": "2024-02-09", "name": "Tết Nguyên đán Giáp Thìn (30 tháng Chạp)" },
    { "date": "2024-02-12", "name": "Tết Nguyên đán Giáp Thìn (mùng 3)" },
    { "date": "2024-02-13", "name": "Tết Nguyên đán Giáp Thìn (mùng 4)" },
    { "date": "2024-02-14", "name": "Tết Nguyên đán Giáp Thìn (mùng 5)" },
    { "date": "2024-04-18", "name": "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
    { "date": "2024-04-29", "name": "Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)" },
    { "date": "2024-04-30", "name": "Ngày Chiến thắng (30/4)" },
    { "date": "2024-05-01", "name": "Ngày Quốc tế Lao động (1/5)" },
    { "date": "2024-09-02", "name": "Quốc khánh (2/9)" },
    { "date": "2024-09-03", "name": "Quốc khánh (ngày liền kề sau 2/9)" },
    { "date": "2025-01-01", "name": "Tết Dương lịch" },
    { "date": "2025-01-27", "name": "Tết Nguyên đán Ất Tỵ (28 tháng Chạp)" },
    { "date": "2025-01-28", "name": "Tết Nguyên đán Ất Tỵ (29 tháng Chạp, tất niên)" },
    { "date": "2025-01-29", "name": "Tết Nguyên đán Ất Tỵ (mùng 1)" },
    { "date": "2025-01-30", "name": "Tết Nguyên đán Ất Tỵ (mùng 2)" },
    { "date": "2025-01-31", "name": "Tết Nguyên đán Ất Tỵ (mùng 3)" },
    { "date": "2025-04-07", "name": "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
    { "date": "2025-04-30", "name": "Ngày Chiến thắng (30/4)" },
    { "date": "2025-05-01", "name": "Ngày Quốc tế Lao động (1/5)" },
    { "date": "2025-05-02", "name": "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)", "note": "[R] bridging as recalled from the 2025 announcement; verify against the official notice" },
    { "date": "2025-09-01", "name": "Quốc khánh (ngày liền kề trước 2/9)" },
    { "date": "2025-09-02", "name": "Quốc khánh (2/9)" },
    { "date": "2026-01-01", "name": "Tết Dương lịch" },
    { "date": "2026-01-02", "name": "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", "note": "Công văn 12729/VPCP-KGVX ngày 25/12/2025" },
    { "date": "2026-02-16", "name": "Tết Nguyên đán Bính Ngọ (29 tháng Chạp, tất niên)" },
    { "date": "2026-02-17", "name": "Tết Nguyên đán Bính Ngọ (mùng 1)" },
    { "date": "2026-02-18", "name": "Tết Nguyên đán Bính Ngọ (mùng 2)" },
    { "date": "2026-02-19", "name": "Tết Nguyên đán Bính Ngọ (mùng 3)" },
    { "date": "2026-02-20", "name": "Tết Nguyên đán Bính Ngọ (mùng 4)" },
    { "date": "2026-04-27", "name": "Giỗ Tổ Hùng Vương (nghỉ bù: 10/3 âm lịch rơi vào Chủ nhật 26/04/2026)" },
    { "date": "2026-04-30", "name": "Ngày Chiến thắng (30/4)" },
    { "date": "2026-05-01", "name": "Ngày Quốc tế Lao động (1/5)" },
    { "date": "2026-09-01", "name": "Quốc khánh (ngày liền kề trước 2/9)", "note": "[R] the adjacent day is chosen each year by the Prime Minister; 1/9 per secondary sources, verify" },
    { "date": "2026-09-02", "name": "Quốc khánh (2/9)" }
  ],
  "workingDays": [
    { "date": "2024-05-04", "name": "Làm bù cho thứ Hai 29/04/2024" },
    { "date": "2025-04-26", "name": "Làm bù cho thứ Sáu 02/05/2025", "note": "[R] see 2025-05-02" },
    { "date": "2026-01-10", "name": "Làm bù cho thứ Sáu 02/01/2026", "note": "Công văn 12729/VPCP-KGVX ngày 25/12/2025" }
  ],
  "notes": [
    "Public holidays per Labour Code 2019 art. 112: Tết Dương lịch 1 day, Tết Âm lịch 5 days, Giỗ Tổ Hùng Vương 1 day (10/3 lunar), 30/4 1 day, 1/5 1 day, Quốc khánh 2 days (2/9 and one adjacent day); a holiday on a weekly day off is compensated on the next working day.",
    "Days off and swaps are those announced for civil servants (cán bộ, công chức, viên chức), who work Monday to Friday; enterprises may differ.",
    "Only weekdays are listed as days off: a holiday that falls on Saturday or Sunday is represented by its compensatory weekday.",
    "Ngày Văn hóa Việt Nam (24/11) is announced as a future paid holiday (Nghị quyết 80-NQ/TW, Nghị quyết 30/NQ-CP) but not yet in the Labour Code as of early 2026: add 2026-11-24 once it is enacted.",
    "Lines tagged [R] are not confirmed against the official notice; confirm with Phòng KSTTHC before relying on them."
  ]
}
"""#
}
