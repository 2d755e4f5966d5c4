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
    /// OCR read something else than the barcode, whose value was kept.
    public static let conflictsWithBarcode = "conflicts-with-barcode"
}
