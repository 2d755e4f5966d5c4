import Foundation

/// A dossier code (mã hồ sơ / số biên nhận) `{agency}-{yyMMdd}-{NNNN}`, e.g. `000.12.34.H56-241105-0007`.
public struct DossierCode: ValidatedCode {
    /// The full code.
    public let rawValue: String
    /// The receiving agency.
    public let agency: AgencyCode
    /// The date received (`yyMMdd`, taken as 20yy).
    public let date: CalendarDate
    /// The agency's running number for that day, 1...9999.
    public let sequence: Int

    /// Parses a dossier code and checks that the date is real.
    public init(_ string: String) throws(CodeError) {
        let candidate = string.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let parts = candidate.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, AgencyCode.matches(String(parts[0])),
              parts[1].count == 6, CodeText.isDigits(parts[1]),
              parts[2].count == 4, CodeText.isDigits(parts[2]) else {
            throw CodeError("DossierCode", value: string, reason: .badFormat,
                            detail: "a dossier code is the agency code, the date received as yyMMdd and a 4-digit number, joined by dashes (e.g. 000.12.34.H56-241105-0007); copy it from the receipt")
        }
        let ymd = parts[1]
        let yy = Int(ymd.prefix(2))!
        let mm = Int(ymd.dropFirst(2).prefix(2))!
        let dd = Int(ymd.suffix(2))!
        guard let date = CalendarDate(year: 2000 + yy, month: mm, day: dd) else {
            throw CodeError("DossierCode", value: string, reason: .invalidDate,
                            detail: "\(ymd) is not a real yyMMdd date (month \(mm), day \(dd)); check the middle group against the receipt date")
        }
        let sequence = Int(parts[2])!
        guard sequence > 0 else {
            throw CodeError("DossierCode", value: string, reason: .neverIssued,
                            detail: "the daily running number starts at 0001, so 0000 is never issued; check the last group")
        }
        // The agency part was checked by `matches` above.
        // swiftlint:disable:next force_try
        agency = try! AgencyCode(String(parts[0]))
        self.date = date
        self.sequence = sequence
        rawValue = candidate
    }

    /// The code of the n-th electronic result of this dossier, `{code}-KQ{n}` (n ≥ 1, not zero-padded).
    public func resultCode(_ n: Int) -> String {
        precondition(n >= 1, "result numbers start at 1")
        return "\(rawValue)-KQ\(n)"
    }
}
