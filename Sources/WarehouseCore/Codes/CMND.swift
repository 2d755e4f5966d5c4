import Foundation

/// An old 9-digit people's identity card number (chứng minh nhân dân).
public struct CMND: ValidatedCode {
    /// The 9 digits.
    public let rawValue: String

    /// Parses a 9-digit CMND; spaces inside are ignored.
    public init(_ string: String) throws(CodeError) {
        let compact = CodeText.compact(string)
        if let bad = compact.first(where: { !($0.isASCII && $0.isNumber) }) {
            throw CodeError("CMND", value: string, reason: .invalidCharacter,
                            detail: "it contains \"\(bad)\" but a CMND has only digits; re-read the number from the card")
        }
        guard compact.count == 9 else {
            throw CodeError("CMND", value: string, reason: .wrongLength,
                            detail: "it has \(compact.count) digits but a CMND has exactly 9; re-read the number (a 12-digit number is a CCCD)")
        }
        rawValue = compact
    }
}
