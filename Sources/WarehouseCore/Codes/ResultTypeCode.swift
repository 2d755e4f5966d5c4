import Foundation

/// A result-type code of the national catalogue (mã kết quả) `KQ.{ministry}.{6 digits}`, e.g. `KQ.G15.000031`.
public struct ResultTypeCode: ValidatedCode {
    /// The code, e.g. `KQ.G15.000031`.
    public let rawValue: String

    /// Parses a result-type code; surrounding spaces ignored, letters upper-cased.
    public init(_ string: String) throws(CodeError) {
        let candidate = string.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "KQ", parts[1].count == 3,
              let letter = parts[1].first, letter.isASCII, letter.isUppercase, CodeText.isDigits(parts[1].dropFirst()),
              parts[2].count == 6, CodeText.isDigits(parts[2]) else {
            throw CodeError("ResultTypeCode", value: string, reason: .badFormat,
                            detail: "a result-type code is KQ, a dot, a letter and two digits, a dot and six digits (e.g. KQ.G15.000031); copy it from the national catalogue")
        }
        rawValue = candidate
    }

    /// The issuing ministry's level-1 code, e.g. `G15` (Ministry of Justice).
    public var ministry: String { String(rawValue.split(separator: ".")[1]) }

    /// The six-digit number within the ministry's list.
    public var number: String { String(rawValue.suffix(6)) }
}
