import Foundation

/// The machine-readable zone on the back of a CCCD (ICAO 9303 TD1, three lines of 30 characters).
struct MRZ {
    /// The 12-digit id from the optional-data field of line 1.
    let soDinhDanh: String?
    /// Date of birth (century taken from the CCCD's 4th digit when known).
    let birth: CalendarDate?
    /// Sex from line 2.
    let sex: Sex?
    /// Expiry date.
    let expiry: CalendarDate?
    /// The line the MRZ was found on (for confidence and source).
    let line: TextLine

    private static let line1 = RegexPattern("[it1l][dc]vnm\\s*([0-9oil]{9})\\s*[0-9oil<]\\s*([0-9oil]{12})")
    private static let line2 = RegexPattern("(?:^|[^0-9])([0-9oil]{6})\\s*[0-9oil]\\s*([mf<])\\s*([0-9oil]{6})\\s*[0-9oil]\\s*vnm")

    /// Reads the MRZ lines from the document, if any.
    static func read(_ doc: DocumentText) -> MRZ? {
        var id: String?
        var birthDigits: String?
        var sex: Sex?
        var expiryDigits: String?
        var found: TextLine?
        for line in doc.lines {
            let compact = line.folded.replacingOccurrences(of: " ", with: "")
            if id == nil, let m = line1.firstMatch(in: compact), let doc9 = m.group(1).map(fix), let digits = m.group(2).map(fix),
               digits.hasSuffix(doc9) {
                // The document number repeats the last nine digits of the id: a cheap check against misreads.
                id = digits
                found = found ?? line
            }
            if birthDigits == nil, let m = line2.firstMatch(in: compact) {
                birthDigits = m.group(1).map { fix($0) }
                sex = m.group(2) == "m" ? .male : m.group(2) == "f" ? .female : nil
                expiryDigits = m.group(3).map { fix($0) }
                found = found ?? line
            }
        }
        guard let line = found else { return nil }
        let cccd = id.flatMap { try? CCCD($0) }
        func date(_ yymmdd: String?, century: Int) -> CalendarDate? {
            guard let s = yymmdd, s.count == 6, let yy = Int(s.prefix(2)), let mm = Int(s.dropFirst(2).prefix(2)),
                  let dd = Int(s.suffix(2)) else { return nil }
            return CalendarDate(year: century + yy, month: mm, day: dd)
        }
        return MRZ(soDinhDanh: cccd?.rawValue, birth: cccd.flatMap { date(birthDigits, century: $0.birthCentury) },
                   sex: sex, expiry: date(expiryDigits, century: 2000), line: line)
    }

    private static func fix(_ s: String) -> String {
        String(s.map { c -> Character in c == "o" ? "0" : (c == "i" || c == "l") ? "1" : c })
    }
}
