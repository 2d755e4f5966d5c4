import Foundation

/// A national administrative-procedure code (mã TTHC) `^[123]\.\d{6}$`, e.g. `1.001193`.
public struct ProcedureCode: ValidatedCode {
    /// The code, e.g. `1.001193`.
    public let rawValue: String

    /// Parses a national procedure code; surrounding spaces ignored.
    public init(_ string: String) throws(CodeError) {
        let candidate = string.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, ["1", "2", "3"].contains(parts[0]), parts[1].count == 6, CodeText.isDigits(parts[1]) else {
            throw CodeError("ProcedureCode", value: string, reason: .badFormat,
                            detail: "a national procedure code is 1, 2 or 3, a dot and six digits (e.g. 1.001193); for a provincial instance code keep only the first eight characters")
        }
        rawValue = candidate
    }

    /// The leading digit (1, 2 or 3; its meaning is not documented).
    public var leadingDigit: Int { rawValue.first!.wholeNumberValue! }
}
