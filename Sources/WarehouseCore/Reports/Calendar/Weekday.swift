import Foundation

/// A day of the week, numbered as in ISO 8601 (Monday = 1 … Sunday = 7).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case monday = 1
    case tuesday = 2
    case wednesday = 3
    case thursday = 4
    case friday = 5
    case saturday = 6
    case sunday = 7

    /// The weekday of `date` (proleptic Gregorian calendar).
    public init(_ date: CalendarDate) {
        // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps dates before 1970 positive.
        let index = ((date.daysSinceEpoch + 3) % 7 + 7) % 7
        self = Weekday(rawValue: index + 1) ?? .monday
    }

    /// The English name in lower case, as written in calendar files (`"saturday"`).
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// The Vietnamese name (`"thứ Hai"` … `"Chủ nhật"`).
    public var vietnameseName: String {
        switch self {
        case .monday: "thứ Hai"
        case .tuesday: "thứ Ba"
        case .wednesday: "thứ Tư"
        case .thursday: "thứ Năm"
        case .friday: "thứ Sáu"
        case .saturday: "thứ Bảy"
        case .sunday: "Chủ nhật"
        }
    }

    /// The English name in lower case.
    public var description: String { name }

    /// Decodes the lower-case English name used in calendar files.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Weekday.allCases.first(where: { $0.name == text.lowercased() }) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a weekday name (monday … sunday)")
        }
        self = day
    }

    /// Encodes the lower-case English name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
