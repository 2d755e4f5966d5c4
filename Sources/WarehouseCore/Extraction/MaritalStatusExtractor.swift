import Foundation

/// Reads a Giấy xác nhận tình trạng hôn nhân; `coGiaTriDen` is computed as `ngayCap` + 6 months.
enum MaritalStatusExtractor {
    static let tinhTrang = FieldLabel(["tinh trang hon nhan"], lineStart: true)
    static let mucDich = FieldLabel(["giay nay duoc cap de su dung vao muc dich", "giay nay duoc cap de", "giay nay duoc su dung de",
                                     "muc dich su dung giay xac nhan tinh trang hon nhan", "muc dich su dung", "giay nay duoc cap"])
    static let ngayCap = FieldLabel(["ngay cap"])
    static let thoiGianCuTru = FieldLabel(["trong thoi gian cu tru tai", "trong thoi gian cu tru", "thoi gian cu tru", "tu ngay"])
    static let giaTri = FieldLabel(["giay nay co gia tri"])

    /// Months a marital-status certificate stays valid.
    static let validityMonths = 6

    /// Extracts the fields of a marital-status certificate.
    static func extract(_ doc: DocumentText) -> FieldBuilder {
        var fields = FieldBuilder()
        let stops = PersonLabels.stops + [tinhTrang, mucDich, thoiGianCuTru, giaTri]
        let reader = LabelReader(doc: doc, stops: stops)
        let layout = AdministrativeLayout(doc: doc)

        let number = layout.documentNumber()
        if let number {
            fields.set(FieldName.soKyHieu, number.value, line: doc.lines[number.line], factor: number.factor)
        }
        if let hit = reader.find(PersonLabels.hoTen), hit.value.contains(where: \.isLetter) {
            fields.set(FieldName.hoTen, PersonName.normalize(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.ngaySinh), let date = VietnameseDateParser.firstDate(in: hit.value) {
            fields.setDate(FieldName.ngaySinh, date, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.gioiTinh), let sex = ValueNormalizer.sex(hit.value) {
            fields.set(FieldName.gioiTinh, sex.rawValue, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.danToc) {
            fields.set(FieldName.danToc, ValueNormalizer.ethnicity(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.quocTich) {
            fields.set(FieldName.quocTich, ValueNormalizer.nationality(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(PersonLabels.giayTo) ?? reader.find(PersonLabels.soDinhDanh),
           let n = NumberReader.first(in: hit.value, lengths: [8, 9, 12]) {
            fields.set(FieldName.soGiayTo, n.digits, line: doc.lines[hit.valueLine], factor: hit.factor * (n.repaired ? 0.85 : 1))
        }
        if let hit = reader.find(PersonLabels.noiCuTru, continuation: 1) {
            fields.set(FieldName.noiCuTru, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(tinhTrang, continuation: 1) {
            fields.set(FieldName.tinhTrangHonNhan, sentence(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(mucDich, continuation: 1) {
            fields.set(FieldName.mucDichSuDung, sentence(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        var issue: (Int, DateHit, Double)?
        if let hit = reader.find(ngayCap), let date = VietnameseDateParser.firstDate(in: hit.value) {
            issue = (hit.valueLine, date, hit.factor)
        } else if let (i, date) = layout.placeDate() {
            issue = (i, date, 0.9)
        }
        if let (i, date, factor) = issue {
            fields.setDate(FieldName.ngayCap, date, line: doc.lines[i], factor: factor)
            if let d = date.date {
                fields.set(FieldName.coGiaTriDen, d.adding(months: validityMonths).iso, line: doc.lines[i],
                           factor: factor * (date.repaired ? 0.85 : 1))
            }
        }
        if let agency = layout.agency(before: number?.line ?? titleLine(doc) ?? 6) {
            fields.set(FieldName.coQuanCap, agency.value, line: doc.lines[agency.line], factor: 0.85)
        }
        if let signer = layout.signer(from: issue?.0 ?? 0) {
            fields.set(FieldName.nguoiKy, signer.value, line: doc.lines[signer.line], factor: signer.factor)
        }
        if let id = fields[FieldName.soGiayTo], id.count == 12 {
            FieldValidator.checkCCCD(&fields, id: FieldName.soGiayTo)
        }
        return fields
    }

    /// Drops a trailing period (the value is quoted without it).
    static func sentence(_ s: String) -> String {
        TextNormalizer.trimValue(s)
    }

    private static func titleLine(_ doc: DocumentText) -> Int? {
        doc.firstLine(matching: RegexPattern("xac\\s*nhan\\s*tinh\\s*trang\\s*hon\\s*nhan"))
    }
}
