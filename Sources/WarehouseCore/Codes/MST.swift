import Foundation

/// A Vietnamese tax code (mã số thuế): 10 digits, or 13 as `NNNNNNNNNN-NNN` for a branch.
///
/// Digits 1–2 are the tax province, 3–9 a sequence, 10 a check digit
/// `10 − (Σ wᵢ·dᵢ mod 11)` with weights `31,29,23,19,17,13,7,5,3`; the 3-digit suffix is the branch.
public struct MST: ValidatedCode {
    /// Normalised form: `NNNNNNNNNN` or `NNNNNNNNNN-NNN`.
    public let rawValue: String

    /// Weights of digits 1–9 in the check-digit sum.
    public static let weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]

    /// The check digit for a 9-digit prefix, or nil when the formula gives 10 (such a prefix is never issued).
    public static func checkDigit(forPrefix prefix: String) -> Int? {
        let digits = prefix.compactMap(\.wholeNumberValue)
        guard digits.count == 9, prefix.count == 9 else { return nil }
        let sum = zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 10 - sum % 11
        return check == 10 ? nil : check
    }

    /// Parses and checks an MST; accepts 13 digits with or without the dash, spaces ignored.
    public init(_ string: String) throws(CodeError) {
        let compact = CodeText.compact(string)
        let parts = compact.split(separator: "-", omittingEmptySubsequences: false)
        let main: Substring
        var branch: Substring?
        switch parts.count {
        case 1 where compact.count == 13:
            main = compact.prefix(10)
            branch = compact.suffix(3)
        case 1:
            main = parts[0]
        case 2:
            main = parts[0]
            branch = parts[1]
        default:
            throw CodeError("MST", value: string, reason: .badFormat,
                            detail: "it has more than one dash; write it as 10 digits or as NNNNNNNNNN-NNN")
        }
        let allDigits = main + (branch ?? "")
        if let bad = allDigits.first(where: { !($0.isASCII && $0.isNumber) }) {
            throw CodeError("MST", value: string, reason: .invalidCharacter,
                            detail: "it contains \"\(bad)\" but an MST has only digits and one dash; re-read it from the registration certificate")
        }
        guard main.count == 10, branch.map({ $0.count == 3 }) ?? true else {
            throw CodeError("MST", value: string, reason: .wrongLength,
                            detail: "it has \(allDigits.count) digits but an MST has 10, or 13 written NNNNNNNNNN-NNN; re-read it from the registration certificate")
        }
        if main.hasPrefix("00") {
            throw CodeError("MST", value: string, reason: .neverIssued,
                            detail: "province code 00 is never issued; check the first two digits")
        }
        if main.dropFirst(2).prefix(7) == "0000000" {
            throw CodeError("MST", value: string, reason: .neverIssued,
                            detail: "sequence 0000000 is never issued; check digits 3 to 9")
        }
        if branch == "000" {
            throw CodeError("MST", value: string, reason: .neverIssued,
                            detail: "branch 000 is never issued (branches run 001 to 999); drop the suffix for the head office")
        }
        let prefix = String(main.prefix(9))
        guard let expected = MST.checkDigit(forPrefix: prefix) else {
            throw CodeError("MST", value: string, reason: .neverIssued,
                            detail: "its first nine digits give check value 10, so no such MST is ever issued; re-read the digits")
        }
        let actual = main.last!.wholeNumberValue!
        guard expected == actual else {
            throw CodeError("MST", value: string, reason: .checksum,
                            detail: "the check digit should be \(expected), not \(actual); re-read the digits from the registration certificate")
        }
        rawValue = branch.map { "\(main)-\($0)" } ?? String(main)
    }

    /// Digits 1–2: the tax province code.
    public var provinceCode: String { String(rawValue.prefix(2)) }

    /// Digits 3–9: the sequence number.
    public var sequence: String { String(rawValue.dropFirst(2).prefix(7)) }

    /// Digit 10: the check digit.
    public var checkDigit: Int { rawValue.dropFirst(9).first!.wholeNumberValue! }

    /// The 3-digit branch number of a 13-digit MST, nil for a head office.
    public var branch: String? { rawValue.count == 14 ? String(rawValue.suffix(3)) : nil }

    /// The 10-digit MST of the head office (the value itself when it has no branch).
    public var headOffice: MST {
        // The first 10 digits were validated when self was created.
        // swiftlint:disable:next force_try
        try! MST(String(rawValue.prefix(10)))
    }
}
