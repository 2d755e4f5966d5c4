import Foundation

// MARK: - Calendar files

extension WorkingCalendar {
    /// The `format` value of the calendar files this code reads and writes.
    public static let fileFormat = "vn-working-calendar/1"

    /// Reads a calendar file (JSON, UTF-8).
    ///
    /// ```json
    /// {
    ///   "format": "vn-working-calendar/1",
    ///   "name": "Cán bộ, công chức, viên chức — 2024–2026",
    ///   "weeklyDaysOff": ["saturday", "sunday"],
    ///   "coverage": { "from": "2024-01-01", "through": "2026-12-31" },
    ///   "daysOff": [ { "date": "2024-04-30", "name": "Ngày Chiến thắng" } ],
    ///   "workingDays": [ { "date": "2024-05-04", "name": "Làm bù cho thứ Hai 29/04/2024" } ],
    ///   "notes": [ "…" ]
    /// }
    /// ```
    /// `weeklyDaysOff` defaults to Saturday and Sunday; every line may carry a `"note"`; `notes` is optional.
    ///
    /// - Throws: ``WorkingCalendarError``.
    public init(json: Data) throws(WorkingCalendarError) {
        let file: CalendarFile
        do {
            file = try JSONDecoder().decode(CalendarFile.self, from: json)
        } catch {
            throw .malformed(Self.describe(error))
        }
        guard file.format == Self.fileFormat else { throw .unsupportedFormat(file.format) }
        guard file.coverage.from <= file.coverage.through else { throw .emptyCoverage }
        try self.init(
            name: file.name,
            weeklyDaysOff: Set(file.weeklyDaysOff ?? [.saturday, .sunday]),
            coverage: file.coverage.from...file.coverage.through,
            daysOff: file.daysOff,
            workingDays: file.workingDays ?? [],
            notes: file.notes ?? []
        )
    }

    /// The calendar as a file that ``init(json:)`` reads back unchanged (pretty-printed, keys sorted).
    public func json() throws -> Data {
        let file = CalendarFile(
            format: Self.fileFormat,
            name: name,
            weeklyDaysOff: Weekday.allCases.filter { weeklyDaysOff.contains($0) },
            coverage: .init(from: coverage.lowerBound, through: coverage.upperBound),
            daysOff: daysOff,
            workingDays: workingDays,
            notes: notes.isEmpty ? nil : notes
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file)
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return String(describing: decoding)
        }
    }
}

/// The JSON shape of a calendar file; see ``WorkingCalendar/init(json:)``.
private struct CalendarFile: Codable {
    struct Coverage: Codable {
        let from: CalendarDate
        let through: CalendarDate
    }

    let format: String
    let name: String
    let weeklyDaysOff: [Weekday]?
    let coverage: Coverage
    let daysOff: [WorkingCalendar.Day]
    let workingDays: [WorkingCalendar.Day]?
    let notes: [String]?
}
