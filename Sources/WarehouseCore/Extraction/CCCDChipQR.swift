import Foundation

/// The payload of the QR code on a chip-based CCCD:
/// `CCCD|CMND (may be empty)|name|ddMMyyyy birth|Nam/Nữ|permanent address|ddMMyyyy issue`.
public struct CCCDChipQR: Sendable, Equatable {
    /// The 12-digit personal identification number as encoded.
    public let soDinhDanh: String
    /// The old 9-digit CMND, nil when empty.
    public let soCMND: String?
    /// Full name, NFC.
    public let hoTen: String
    /// Date of birth, nil when not a real date.
    public let ngaySinh: CalendarDate?
    /// Sex, nil when neither `Nam` nor `Nữ`.
    public let gioiTinh: Sex?
    /// Permanent address, NFC.
    public let noiThuongTru: String
    /// Issue date, nil when not a real date.
    public let ngayCap: CalendarDate?

    /// Parses a payload, or returns nil when it is not a CCCD chip QR (wrong field count or no 12-digit first field).
    public init?(_ payload: String) {
        let parts = payload.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 7, parts[0].count == 12, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        soDinhDanh = parts[0]
        soCMND = parts[1].isEmpty ? nil : parts[1]
        hoTen = TextNormalizer.nameCase(parts[2])
        ngaySinh = VietnameseDateParser.compact(parts[3])
        switch VietnameseFolding.fold(parts[4]) {
        case "nam", "male", "m": gioiTinh = .male
        case "nu", "female", "f": gioiTinh = .female
        default: gioiTinh = nil
        }
        noiThuongTru = TextNormalizer.normalizeLine(parts[5])
        ngayCap = VietnameseDateParser.compact(parts[6])
    }
}
