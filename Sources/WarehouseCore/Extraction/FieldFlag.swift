import Foundation

/// Stable kebab-case validation flags put on `ExtractedField.flags`.
public enum FieldFlag {
    /// A date that is not a real calendar date.
    public static let invalidDate = "invalid-date"
    /// A CCCD that is not 12 digits.
    public static let cccdStructure = "cccd-structure"
    /// CCCD 4th digit disagrees with `gioiTinh`.
    public static let cccdSexMismatch = "cccd-sex-mismatch"
    /// CCCD 4th digit (century) disagrees with `ngaySinh`.
    public static let cccdCenturyMismatch = "cccd-century-mismatch"
    /// CCCD 5th–6th digits disagree with the year of `ngaySinh`.
    public static let cccdBirthYearMismatch = "cccd-birth-year-mismatch"
    /// MST check digit wrong, or a never-issued MST.
    public static let mstChecksum = "mst-checksum"
    /// MST of the wrong length or with letters.
    public static let mstStructure = "mst-structure"
    /// Past its validity date (added by callers that know today's date, never by extraction).
    public static let expired = "expired"
    /// The value (or part of it: the number, the day) was filled in by hand or by a numbering stamp after
    /// printing; its crop is kept for the clerk.
    public static let handwritten = "handwritten"
    /// A person must check the value: it could not be read with confidence.
    public static let needsReview = "needs-review"
    /// The blank for the value was left empty (a draft, an unnumbered copy).
    public static let blank = "blank"
    /// The date is after the file was e-signed, or long before: one of them is misread.
    public static let dateAfterSigning = "date-after-signing"
    /// OCR read something else than the barcode, whose value was kept.
    public static let conflictsWithBarcode = "conflicts-with-barcode"
}
