import Foundation

/// An agency e-identifier (mã định danh điện tử cơ quan) `DDD.DD.DD.XDD`, read right to left.
public struct AgencyCode: ValidatedCode {
    /// The 13-character code, e.g. `000.00.12.H56`.
    public let rawValue: String

    /// Parses an agency code; the letter is upper-cased, surrounding spaces ignored.
    public init(_ string: String) throws(CodeError) {
        let candidate = string.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard AgencyCode.matches(candidate) else {
            throw CodeError("AgencyCode", value: string, reason: .badFormat,
                            detail: "an agency code looks like 000.00.12.H56 (three digits, two, two, then a letter and two digits, dot-separated); copy it from the province's e-identifier list")
        }
        rawValue = candidate
    }

    /// True when `s` has the shape `^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$`.
    static func matches(_ s: String) -> Bool {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 4, groups[0].count == 3, groups[1].count == 2, groups[2].count == 2, groups[3].count == 3,
              CodeText.isDigits(groups[0]), CodeText.isDigits(groups[1]), CodeText.isDigits(groups[2]),
              let letter = groups[3].first, letter.isASCII, letter.isUppercase,
              CodeText.isDigits(groups[3].dropFirst()) else { return false }
        return true
    }

    /// The level-1 unit, the last group: `G`+2 digits for a ministry, `H`+2 digits for a province.
    public var level1: String { String(rawValue.suffix(3)) }

    /// Groups for levels 1 to 4, right to left (`["H56", "12", "00", "000"]`).
    public var levels: [String] { rawValue.split(separator: ".").reversed().map(String.init) }

    /// True for `000.00.00.Hxx`: the provincial People's Committee itself.
    public var isProvincialCommittee: Bool { rawValue.hasPrefix("000.00.00.H") }
}
