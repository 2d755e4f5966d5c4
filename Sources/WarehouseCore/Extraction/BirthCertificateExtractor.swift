import Foundation

/// Reads a Giấy khai sinh: the child's data, the parents' names and the registration.
enum BirthCertificateExtractor {
    static let quyenSo = FieldLabel(["quyen so"])
    static let ngayDangKy = FieldLabel(["ngay, thang, nam dang ky", "ngay dang ky"])
    static let coQuanDangKy = FieldLabel(["noi dang ky khai sinh", "noi dang ky", "co quan dang ky"])
    static let nguoiDiKhai = FieldLabel(["nguoi di khai sinh", "nguoi di dang ky khai sinh", "nguoi yeu cau"])

    /// Extracts the fields of a birth certificate.
    static func extract(_ doc: DocumentText) -> FieldBuilder {
        var fields = FieldBuilder()
        let stops = PersonLabels.stops + [quyenSo, ngayDangKy, coQuanDangKy, nguoiDiKhai]
        let reader = LabelReader(doc: doc, stops: stops)
        let layout = AdministrativeLayout(doc: doc)

        // The child's block ends where the parents' begin.
        let parentStart = [PersonLabels.hoTenMe, PersonLabels.hoTenCha].compactMap { reader.find($0, nextLine: false)?.labelLine }.min()
        let child = 0..<(parentStart ?? doc.lines.count)

        if let hit = reader.find(PersonLabels.hoTen, in: child), hit.value.contains(where: \.isLetter) {
            fields.set(FieldName.hoTen, PersonName.normalize(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.ngaySinh, in: child), let date = VietnameseDateParser.firstDate(in: hit.value) {
            fields.setDate(FieldName.ngaySinh, date, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.gioiTinh, in: child), let sex = ValueNormalizer.sex(hit.value) {
            fields.set(FieldName.gioiTinh, sex.rawValue, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.danToc, in: child) {
            fields.set(FieldName.danToc, ValueNormalizer.ethnicity(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.quocTich, in: child) {
            fields.set(FieldName.quocTich, ValueNormalizer.nationality(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.noiSinh, in: child, continuation: 1) {
            fields.set(FieldName.noiSinh, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.queQuan, in: child, continuation: 1) {
            fields.set(FieldName.queQuan, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.soDinhDanh, in: child), let n = NumberReader.first(in: hit.value, lengths: Set(9...14)) {
            fields.set(FieldName.soDinhDanh, n.digits, line: doc.lines[hit.valueLine], factor: hit.factor * (n.repaired ? 0.85 : 1))
        }
        for (label, name) in [(PersonLabels.hoTenMe, FieldName.hoTenMe), (PersonLabels.hoTenCha, FieldName.hoTenCha)] {
            if let hit = reader.find(label), hit.value.contains(where: \.isLetter) {
                fields.set(name, PersonName.normalize(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
            }
        }
        let number = layout.documentNumber()
        if let number {
            fields.set(FieldName.soDangKy, number.value, line: doc.lines[number.line], factor: number.factor)
        }
        if let hit = reader.find(quyenSo, in: 0..<min(20, doc.lines.count)) {
            let value = hit.value.split(separator: " ").first.map(String.init) ?? hit.value
            let (repaired, changed) = AdministrativeLayout(doc: doc).repairNumberSymbol(value)
            fields.set(FieldName.quyenSo, repaired, line: doc.lines[hit.valueLine], factor: hit.factor * (changed ? 0.9 : 1))
        }
        if let hit = reader.find(ngayDangKy), let date = VietnameseDateParser.firstDate(in: hit.value) {
            fields.setDate(FieldName.ngayDangKy, date, line: doc.lines[hit.valueLine], factor: hit.factor)
        } else if let (i, date) = layout.placeDate(in: child.upperBound..<doc.lines.count) ?? layout.placeDate() {
            fields.setDate(FieldName.ngayDangKy, date, line: doc.lines[i], factor: 0.9)
        }
        if let hit = reader.find(coQuanDangKy, continuation: 1) {
            fields.set(FieldName.coQuanDangKy, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        } else if let agency = layout.agency(before: number?.line ?? titleLine(doc) ?? 6) {
            fields.set(FieldName.coQuanDangKy, agency.value, line: doc.lines[agency.line], factor: 0.85)
        }
        FieldValidator.checkCCCD(&fields)
        return fields
    }

    private static func titleLine(_ doc: DocumentText) -> Int? {
        doc.firstLine(matching: RegexPattern("giay\\s*khai\\s*sinh"))
    }
}
