import Foundation

/// Cross-checks extracted fields and lowers the confidence of those that fail.
enum FieldValidator {
    /// Checks a 12-digit id field against sex and birth date: structure, 4th digit vs `gioiTinh`,
    /// century and two-digit year vs `ngaySinh`.
    static func checkCCCD(_ fields: inout FieldBuilder, id name: String = FieldName.soDinhDanh,
                          sex sexName: String = FieldName.gioiTinh, birth birthName: String = FieldName.ngaySinh) {
        guard let raw = fields[name] else { return }
        guard let cccd = try? CCCD(raw) else {
            fields.flag(name, FieldFlag.cccdStructure)
            return
        }
        if let sexText = fields[sexName], let sex = Sex(rawValue: sexText), sex != cccd.sex {
            fields.flag(name, FieldFlag.cccdSexMismatch)
            fields.flag(sexName, FieldFlag.cccdSexMismatch)
        }
        if let birthText = fields[birthName], let birth = CalendarDate(iso: birthText) {
            if birth.year / 100 * 100 != cccd.birthCentury {
                fields.flag(name, FieldFlag.cccdCenturyMismatch)
                fields.flag(birthName, FieldFlag.cccdCenturyMismatch)
            }
            if birth.year % 100 != cccd.birthYearTwoDigits {
                fields.flag(name, FieldFlag.cccdBirthYearMismatch)
                fields.flag(birthName, FieldFlag.cccdBirthYearMismatch)
            }
        }
    }

    /// Checks an MST field: wrong length/characters → `mst-structure`, bad check digit or never issued → `mst-checksum`.
    static func checkMST(_ fields: inout FieldBuilder, name: String = FieldName.maSoThue) {
        guard let raw = fields[name] else { return }
        do {
            _ = try MST(raw)
        } catch {
            switch error.reason {
            case .checksum, .neverIssued: fields.flag(name, FieldFlag.mstChecksum)
            default: fields.flag(name, FieldFlag.mstStructure)
            }
        }
    }
}
