import Foundation

/// Reads both sides of a CCCD (2016–2021 models and the 2024 Căn cước), the MRZ and the chip QR.
enum CCCDExtractor {
    static let soDinhDanh = FieldLabel(["so dinh danh ca nhan", "so dinh danh", "so"],
                                       english: ["personal identification number", "personal identification no", "no"])
    static let hoTen = FieldLabel(["ho, chu dem va ten khai sinh", "ho, chu dem va ten", "ho va ten", "ho ten"], english: ["full name"])
    static let ngaySinh = FieldLabel(["ngay, thang, nam sinh", "ngay sinh"], english: ["date of birth"])
    static let gioiTinh = FieldLabel(["gioi tinh"], english: ["sex"])
    static let quocTich = FieldLabel(["quoc tich"], english: ["nationality"])
    static let queQuan = FieldLabel(["que quan", "noi dang ky khai sinh"], english: ["place of origin", "place of birth"])
    static let noiThuongTru = FieldLabel(["noi thuong tru", "noi cu tru"], english: ["place of residence"])
    static let coGiaTriDen = FieldLabel(["co gia tri den", "ngay, thang, nam het han", "het han"], english: ["date of expiry"])
    static let ngayCap = FieldLabel(["ngay, thang, nam cap", "ngay cap", "ngay, thang, nam"],
                                    english: ["date, month, year", "date of issue"], notFollowedBy: ["sinh", "het"])
    static let noiCap = FieldLabel(["noi cap"], english: ["place of issue"])
    static let dacDiem = FieldLabel(["dac diem nhan dang"], english: ["personal identification"])
    /// Lines that end a value: every label plus the English-only lines of bilingual cards.
    static let stops: [FieldLabel] = [
        hoTen, ngaySinh, gioiTinh, quocTich, queQuan, noiThuongTru, coGiaTriDen, ngayCap, noiCap, dacDiem,
        FieldLabel(["date of expiry", "date of birth", "full name", "place of origin", "place of residence", "nationality"]),
    ]

    /// Extracts the fields of `type` (front or back) from the text and the chip QR.
    static func extract(_ doc: DocumentText, type: DocumentType, barcodes: [String]) -> FieldBuilder {
        var fields = FieldBuilder()
        let reader = LabelReader(doc: doc, stops: stops)

        // Số định danh: after its label, else the only 12-digit number on the card.
        if let hit = reader.find(soDinhDanh, accept: { NumberReader.first(in: $0, lengths: Set(9...14)) != nil }), let number = NumberReader.first(in: hit.value, lengths: Set(9...14)) {
            fields.set(FieldName.soDinhDanh, number.digits, line: doc.lines[hit.valueLine], factor: hit.factor * (number.repaired ? 0.85 : 1))
        } else if type == .cccdFront, let (i, number) = firstNumber(doc, length: 12) {
            fields.set(FieldName.soDinhDanh, number.digits, line: doc.lines[i], factor: 0.8 * (number.repaired ? 0.85 : 1))
        }
        if let hit = reader.find(hoTen), hit.value.contains(where: \.isLetter) {
            fields.set(FieldName.hoTen, PersonName.normalize(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        setDate(&fields, FieldName.ngaySinh, ngaySinh, reader, doc)
        if let hit = reader.find(gioiTinh), let sex = ValueNormalizer.sex(hit.value) {
            fields.set(FieldName.gioiTinh, sex.rawValue, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(quocTich) {
            fields.set(FieldName.quocTich, ValueNormalizer.nationality(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(queQuan, continuation: 1) {
            fields.set(FieldName.queQuan, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        } else if let (i, value) = displacedValue(after: queQuan, in: doc, reader: reader) {
            // Two-column cards: OCR may put the place of origin after the expiry label printed beside it.
            fields.set(FieldName.queQuan, value, line: doc.lines[i], factor: 0.7)
        }
        if let hit = reader.find(noiThuongTru, continuation: 2) {
            fields.set(FieldName.noiThuongTru, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(coGiaTriDen) {
            if VietnameseDateParser.firstDate(in: hit.value) == nil,
               let j = doc.nextNonBlank(after: hit.valueLine),
               let date = VietnameseDateParser.firstDate(in: doc.lines[j].text),
               doc.lines[j].folded.distance(from: doc.lines[j].folded.startIndex, to: date.range.lowerBound) == 0 {
                // The date was printed under the label and OCR read another column's text beside the label.
                fields.setDate(FieldName.coGiaTriDen, date, line: doc.lines[j], factor: 0.8)
            } else if let date = VietnameseDateParser.firstDate(in: hit.value) {
                fields.setDate(FieldName.coGiaTriDen, date, line: doc.lines[hit.valueLine], factor: hit.factor)
            } else if VietnameseFolding.fold(hit.value).contains("khong thoi han") {
                fields.set(FieldName.coGiaTriDen, "Không thời hạn", line: doc.lines[hit.valueLine], factor: hit.factor)
            }
        }
        if type == .cccdBack {
            setDate(&fields, FieldName.ngayCap, ngayCap, reader, doc)
            if let (i, value) = issuer(doc, reader: reader) {
                fields.set(FieldName.noiCap, value.0, line: doc.lines[i], factor: value.1)
            }
            MRZ.read(doc).map { applyMRZ($0, to: &fields) }
        }
        if let qr = barcodes.lazy.compactMap(CCCDChipQR.init).first {
            fields.setBarcode(FieldName.soDinhDanh, qr.soDinhDanh)
            if let cmnd = qr.soCMND { fields.setBarcode(FieldName.soCMND, cmnd) }
            fields.setBarcode(FieldName.hoTen, qr.hoTen)
            if let d = qr.ngaySinh { fields.setBarcode(FieldName.ngaySinh, d.iso) }
            if let s = qr.gioiTinh { fields.setBarcode(FieldName.gioiTinh, s.rawValue) }
            fields.setBarcode(FieldName.noiThuongTru, qr.noiThuongTru)
            if let d = qr.ngayCap { fields.setBarcode(FieldName.ngayCap, d.iso) }
        }
        FieldValidator.checkCCCD(&fields)
        return fields
    }

    /// The value of a label whose own line is empty when the next line starts with another label whose value
    /// is not of that label's kind (a date label followed by words): the words belong to the first label.
    private static func displacedValue(after label: FieldLabel, in doc: DocumentText, reader: LabelReader) -> (Int, String)? {
        guard let i = doc.firstLine(matching: label.pattern), let j = doc.nextNonBlank(after: i),
              let m = coGiaTriDen.pattern.firstMatch(in: doc.lines[j].folded),
              doc.lines[j].folded[doc.lines[j].folded.startIndex..<m.range.lowerBound].allSatisfy({ !$0.isLetter }) else { return nil }
        let rest = TextNormalizer.trimValue(reader.cut(doc.lines[j], from: m.range.upperBound))
        guard rest.contains(where: \.isLetter), VietnameseDateParser.firstDate(in: rest) == nil else { return nil }
        return (j, rest)
    }

    private static func setDate(_ fields: inout FieldBuilder, _ name: String, _ label: FieldLabel, _ reader: LabelReader, _ doc: DocumentText) {
        guard let hit = reader.find(label), let date = VietnameseDateParser.firstDate(in: hit.value) else { return }
        fields.setDate(name, date, line: doc.lines[hit.valueLine], factor: hit.factor)
    }

    /// First standalone number of exactly `length` digits in the document.
    private static func firstNumber(_ doc: DocumentText, length: Int) -> (Int, NumberHit)? {
        for (i, line) in doc.lines.enumerated() {
            if let n = NumberReader.first(in: line.text, lengths: [length]) { return (i, n) }
        }
        return nil
    }

    /// Known CCCD issuers by folded key phrase, with their official names.
    static let issuers: [(RegexPattern, String)] = [
        (RegexPattern("cuc[^a-z]*canh[^a-z]*sat[^a-z]*quan[^a-z]*ly[^a-z]*hanh[^a-z]*chinh|quan[^a-z]*ly[^a-z]*hanh[^a-z]*chinh[^a-z]*ve[^a-z]*trat[^a-z]*tu"),
         "Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
        (RegexPattern("dkql\\s*cu\\s*tru|dang\\s*ky\\s*quan\\s*ly\\s*cu\\s*tru"), "Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư"),
        (RegexPattern("(?:^|[^a-z])bo\\s*cong\\s*an"), "Bộ Công an"),
    ]

    /// The issuing authority: after `Nơi cấp`, else recognised from the signature block.
    private static func issuer(_ doc: DocumentText, reader: LabelReader) -> (Int, (String, Double))? {
        if let hit = reader.find(noiCap) {
            let folded = VietnameseFolding.fold(hit.value)
            let canonical = issuers.first { $0.0.firstMatch(in: folded) != nil }?.1
            return (hit.valueLine, (canonical ?? hit.value, hit.factor))
        }
        for (i, line) in doc.lines.enumerated() {
            let window = ([line] + doc.lines.dropFirst(i + 1).prefix(1)).map(\.folded).joined(separator: " ")
            if let name = issuers.first(where: { $0.0.firstMatch(in: window) != nil })?.1 {
                return (i, (name, 0.9))
            }
        }
        return nil
    }

    private static func applyMRZ(_ mrz: MRZ, to fields: inout FieldBuilder) {
        let line = mrz.line
        if let id = mrz.soDinhDanh { fields.set(FieldName.soDinhDanh, id, line: line, factor: 0.9) }
        if let sex = mrz.sex { fields.set(FieldName.gioiTinh, sex.rawValue, line: line, factor: 0.9) }
        if let birth = mrz.birth { fields.set(FieldName.ngaySinh, birth.iso, line: line, factor: 0.85) }
        if let expiry = mrz.expiry { fields.set(FieldName.coGiaTriDen, expiry.iso, line: line, factor: 0.85) }
    }
}
