import Foundation

/// A 12-digit personal identification number (số định danh cá nhân / CCCD), decoded per TT 07/2016/TT-BCA.
///
/// Positions 1–3 are the province (or country) of birth registration, 4 is century + sex, 5–6 the
/// last two digits of the birth year, 7–12 random. There is no check digit.
public struct CCCD: ValidatedCode {
    /// The 12 digits.
    public let rawValue: String

    /// Parses a CCCD; spaces inside are ignored, anything else but 12 digits is rejected.
    public init(_ string: String) throws(CodeError) {
        let compact = CodeText.compact(string)
        if let bad = compact.first(where: { !($0.isASCII && $0.isNumber) }) {
            throw CodeError("CCCD", value: string, reason: .invalidCharacter,
                            detail: "it contains \"\(bad)\" but a CCCD has only digits; re-read the number from the card (OCR often turns 0 into O or 1 into l)")
        }
        guard compact.count == 12 else {
            throw CodeError("CCCD", value: string, reason: .wrongLength,
                            detail: "it has \(compact.count) digits but a CCCD has exactly 12; re-read the number from the card (a 9-digit number is an old CMND)")
        }
        rawValue = compact
    }

    /// Digits 1–3: code of the province or country where the birth was registered (e.g. `038` Thanh Hóa).
    public var provinceCode: String { String(rawValue.prefix(3)) }

    /// Digit 4: century and sex (0/1 = 1900s male/female, 2/3 = 2000s, … 8/9 = 2300s).
    public var centurySexDigit: Int { digit(at: 3) }

    /// Sex encoded in digit 4: even is male, odd is female.
    public var sex: Sex { centurySexDigit % 2 == 0 ? .male : .female }

    /// First year of the birth century encoded in digit 4 (1900, 2000, …, 2300).
    public var birthCentury: Int { 1900 + 100 * (centurySexDigit / 2) }

    /// Digits 5–6: the last two digits of the birth year.
    public var birthYearTwoDigits: Int { digit(at: 4) * 10 + digit(at: 5) }

    /// Full birth year: `birthCentury + birthYearTwoDigits`.
    public var birthYear: Int { birthCentury + birthYearTwoDigits }

    /// Digits 7–12: the random part.
    public var serial: String { String(rawValue.suffix(6)) }

    private func digit(at offset: Int) -> Int {
        let index = rawValue.index(rawValue.startIndex, offsetBy: offset)
        return rawValue[index].wholeNumberValue ?? 0
    }
}
