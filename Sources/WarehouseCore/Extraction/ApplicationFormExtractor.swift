import Foundation

/// Reads a Tờ khai / Đơn: title, the requester's name and id or tax code, residence, phone and the date signed.
enum ApplicationFormExtractor {
    /// The requester's name label, with the usual `người yêu cầu` / `người khai` suffixes.
    static let hoTen = FieldLabel([
        "ho, chu dem, ten nguoi yeu cau", "ho, chu dem, ten nguoi khai", "ho, chu dem, ten nguoi de nghi",
        "ho, chu dem va ten nguoi yeu cau", "ho va ten nguoi yeu cau", "ho va ten nguoi khai", "ho va ten nguoi lam don",
        "ho va ten nguoi de nghi", "ho ten nguoi yeu cau", "ho, chu dem, ten", "ho, chu dem va ten", "ho va ten", "ho ten",
        "ten to chuc de nghi", "ten to chuc", "ten doanh nghiep", "ten ho kinh doanh",
    ], notFollowedBy: ["me", "cha", "cua"])
    static let mst = FieldLabel(["ma so thue", "ma so doanh nghiep", "mst"])
    static let phone = FieldLabel(["so dien thoai lien he", "so dien thoai", "dien thoai lien he", "dien thoai", "sdt", "so dt", "dt"])
    static let email = FieldLabel(["email", "thu dien tu"])
    static let kinhGui = FieldLabel(["kinh gui"])
    static let quanHe = FieldLabel(["quan he voi nguoi duoc", "quan he"])
    /// The title starts with one of these (folded).
    static let titleStart = RegexPattern("^\\s*(?:to\\s*khai|don\\s|don$|phieu\\s)")

    /// Extracts the fields of an application form.
    static func extract(_ doc: DocumentText) -> FieldBuilder {
        var fields = FieldBuilder()
        let stops = PersonLabels.stops + [hoTen, mst, phone, email, kinhGui, quanHe]
        let reader = LabelReader(doc: doc, stops: stops)
        let layout = AdministrativeLayout(doc: doc)

        if let (i, title) = title(doc) {
            fields.set(FieldName.tieuDe, AgencyName.sentenceCase(title), line: doc.lines[i], factor: 1)
        }
        if let hit = reader.find(hoTen), hit.value.contains(where: \.isLetter) {
            fields.set(FieldName.hoTen, PersonName.normalize(hit.value), line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(mst), let n = NumberReader.first(in: hit.value, lengths: Set(8...14)) {
            let digits = n.digits.filter(\.isNumber)
            let value = digits.count == 13 && !n.digits.contains("-") ? String(digits.prefix(10)) + "-" + digits.suffix(3) : n.digits
            fields.set(FieldName.maSoThue, value, line: doc.lines[hit.valueLine], factor: hit.factor * (n.repaired ? 0.85 : 1))
        }
        if fields[FieldName.maSoThue] == nil,
           let hit = reader.find(PersonLabels.soDinhDanh) ?? reader.find(PersonLabels.giayTo),
           let n = NumberReader.first(in: hit.value, lengths: Set(9...13)) {
            fields.set(FieldName.soDinhDanh, n.digits, line: doc.lines[hit.valueLine], factor: hit.factor * (n.repaired ? 0.85 : 1))
        }
        if let hit = reader.find(PersonLabels.noiCuTru, continuation: 1) {
            fields.set(FieldName.noiCuTru, hit.value, line: doc.lines[hit.valueLine], factor: hit.factor)
        }
        if let hit = reader.find(phone), let n = phoneNumber(hit.value) {
            fields.set(FieldName.soDienThoai, n.0, line: doc.lines[hit.valueLine], factor: hit.factor * (n.1 ? 0.85 : 1))
        }
        if let (i, date) = layout.placeDate(in: (doc.lines.count / 2)..<doc.lines.count) ?? layout.placeDate() {
            fields.setDate(FieldName.ngayKhai, date, line: doc.lines[i], factor: 0.95)
        }
        FieldValidator.checkMST(&fields)
        if fields[FieldName.soDinhDanh]?.count == 12 || fields[FieldName.soDinhDanh].map({ $0.count != 9 }) == true {
            FieldValidator.checkCCCD(&fields)
        }
        return fields
    }

    /// The title: the first line starting `TỜ KHAI`/`ĐƠN`/`PHIẾU`, joined with the capitals lines wrapped under it.
    static func title(_ doc: DocumentText) -> (Int, String)? {
        guard let i = doc.firstLine(matching: titleStart, in: 0..<min(25, doc.lines.count)),
              TextNormalizer.isMostlyUppercase(doc.lines[i].text) else { return nil }
        var parts = [TextNormalizer.trimValue(doc.lines[i].text)]
        var j = i + 1
        while j < doc.lines.count, parts.count < 3 {
            if doc.lines[j].isBlank, j + 1 < doc.lines.count { j += 1 }
            let line = doc.lines[j]
            guard !line.isBlank, TextNormalizer.isMostlyUppercase(line.text), !line.folded.hasPrefix("kinh gui") else { break }
            parts.append(TextNormalizer.trimValue(line.text))
            j += 1
        }
        return (i, parts.joined(separator: " "))
    }

    /// Digits of a phone number (a leading `+` kept), 9–12 digits, look-alikes repaired.
    static func phoneNumber(_ text: String) -> (String, Bool)? {
        guard let m = RegexPattern("\\+?[0-9OoIl|][0-9OoIl|. ()\\-]{7,16}[0-9OoIl|]").firstMatch(in: text) else { return nil }
        let raw = String(text[m.range])
        let kept = raw.filter { !" .()-".contains($0) }
        let (digits, repaired) = TextNormalizer.repairDigits(kept)
        let count = digits.filter(\.isNumber).count
        guard (9...12).contains(count) else { return nil }
        return (digits, repaired)
    }
}
