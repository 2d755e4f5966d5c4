import Foundation

/// Reads administrative documents (Decree 30/2020): kind, number and symbol, date, issuing body, subject,
/// signer, the e-signature and publishing stamps, and a received-paper stamp, each a field of its own.
///
/// With the page's layout, each part is read from its region: the issuing body and `Số:` from the left header
/// column, the date from the right one, the signer from the signature block; only the first header counts
/// (an attached draft has its own). A number or day filled in by hand is flagged, never trusted.
enum AdministrativeDocumentExtractor {
    /// Kinds of administrative document: the folded title, the canonical name, the document type and the
    /// abbreviation used in symbols (`45/QĐ-UBND`).
    struct Kind {
        let title: String
        let name: String
        let type: DocumentType
        let abbreviation: String
    }

    static let kinds: [Kind] = [
        Kind(title: "quyet dinh", name: "Quyết định", type: .decision, abbreviation: "qd"),
        Kind(title: "chi thi", name: "Chỉ thị", type: .directive, abbreviation: "ct"),
        Kind(title: "thong bao", name: "Thông báo", type: .notice, abbreviation: "tb"),
        Kind(title: "ke hoach", name: "Kế hoạch", type: .plan, abbreviation: "kh"),
        Kind(title: "bao cao", name: "Báo cáo", type: .report, abbreviation: "bc"),
        Kind(title: "to trinh", name: "Tờ trình", type: .submission, abbreviation: "ttr"),
        Kind(title: "giay moi", name: "Giấy mời", type: .invitation, abbreviation: "gm"),
        Kind(title: "cong van", name: "Công văn", type: .officialLetter, abbreviation: "cv"),
        Kind(title: "nghi quyet", name: "Nghị quyết", type: .administrative, abbreviation: "nq"),
        Kind(title: "huong dan", name: "Hướng dẫn", type: .administrative, abbreviation: "hd"),
        Kind(title: "bien ban", name: "Biên bản", type: .administrative, abbreviation: "bb"),
        Kind(title: "ket luan", name: "Kết luận", type: .administrative, abbreviation: "kl"),
        Kind(title: "chuong trinh", name: "Chương trình", type: .administrative, abbreviation: "ctr"),
        Kind(title: "de an", name: "Đề án", type: .administrative, abbreviation: "da"),
        Kind(title: "quy che", name: "Quy chế", type: .administrative, abbreviation: "qc"),
        Kind(title: "cong dien", name: "Công điện", type: .administrative, abbreviation: "cd"),
    ]

    /// The kind named `name` (`Quyết định`).
    static func kind(named name: String) -> Kind? {
        kinds.first { $0.name == name }
    }

    /// `Về việc …` or `V/v …` at the start of the subject (kept, spelled canonically, in `trichYeu`).
    static let subjectPrefix = RegexPattern("^[\\s,.;:'`\"-]*(?:v[ae]\\s*v[il]ec|v\\s*[/l|1]\\s*[vy])\\s*[:.]?\\s*")
    /// Where the subject of an official letter stops on a merged line.
    static let kinhGui = RegexPattern("kinh\\s*gui")
    /// Lines that start the body (the subject ends before them).
    static let bodyStart = RegexPattern(
        "^\\s*(?:can\\s*cu|xet\\s*de\\s*nghi|thuc\\s*hien|kinh\\s*gui|theo\\s*de\\s*nghi|[ivx]+\\s*[.-]\\s|[0-9]+\\s*[.)]\\s)")

    /// Extracts the fields of an administrative document; the type may be refined from its kind.
    static func extract(_ doc: DocumentText, type: DocumentType) -> (FieldBuilder, DocumentType) {
        var fields = FieldBuilder()
        StampReader.extract(doc.stamps, into: &fields)
        let received = ReceivedStamp(doc)
        received.extract(into: &fields)
        let header = Header(doc: doc, skipping: received.lines)

        let number = header.number()
        if let number {
            fields.set(FieldName.soKyHieu, number.value, line: doc.lines[number.line], factor: number.factor, flags: number.flags)
            fields.attach(FieldName.soKyHieu, number.evidence)
        }
        if let date = header.date() {
            fields.set(FieldName.ngayBanHanh, date.value, line: doc.lines[date.line], factor: date.factor, flags: date.flags)
            fields.attach(FieldName.ngayBanHanh, date.evidence)
            if let signed = fields[FieldName.thoiGianKySo] ?? fields[FieldName.thoiGianCongBo], !signed.isEmpty,
                !Self.plausible(date: date.value, signedAt: signed)
            {
                fields.flag(FieldName.ngayBanHanh, FieldFlag.dateAfterSigning)
            }
        }
        let title = titleLine(doc, after: header.end)
        if let agency = header.agency(before: number?.line ?? title?.line) {
            fields.set(FieldName.coQuanBanHanh, agency.value, line: doc.lines[agency.line], factor: 0.85)
            if let parent = agency.parent { fields.set(FieldName.coQuanChuQuan, parent, line: doc.lines[agency.line], factor: 0.8) }
        }

        var kind: Kind?
        if let title {
            kind = title.kind
            fields.set(FieldName.loaiVanBan, title.kind.name, line: doc.lines[title.line], factor: 1)
        } else if let found = kindFromSymbol(number?.value) {
            kind = found
            fields.set(FieldName.loaiVanBan, found.name, line: doc.lines[number!.line], factor: 0.9)
        } else if type == .officialLetter || header.hasSubjectUnderNumber || number.map({ symbolIsAgencyOnly($0.value) }) == true,
            let line = number?.line ?? doc.lines.indices.first
        {
            kind = kinds.first { $0.type == .officialLetter }
            fields.set(FieldName.loaiVanBan, "Công văn", line: doc.lines[line], factor: 0.8)
        } else if type == .decision, let first = doc.lines.indices.first {
            kind = kinds.first { $0.type == .decision }
            fields.set(FieldName.loaiVanBan, "Quyết định", line: doc.lines[first], factor: 0.8)
        }

        if let (i, subject) = header.subjectUnderNumber() ?? self.subject(doc, after: title?.line, limit: header.end) {
            fields.set(FieldName.trichYeu, subject, line: doc.lines[i], factor: 0.9)
        }
        if let signer = Signature(doc: doc, from: (title?.line ?? header.end)).read() {
            fields.set(FieldName.nguoiKy, signer.name, line: doc.lines[signer.line], factor: signer.factor)
            if !signer.titles.isEmpty {
                fields.set(FieldName.chucVuNguoiKy, signer.titles.joined(separator: " / "), line: doc.lines[signer.line], factor: signer.factor)
            }
        }
        return (fields, kind?.type ?? type)
    }

    /// A paper's date is on or before its signing (and publishing) time, and not months before it.
    static func plausible(date iso: String, signedAt: String) -> Bool {
        let day = String(signedAt.prefix(10))
        guard day.count == 10 else { return true }
        // A date without its day (`2025-02`) compares by its month.
        let paper = iso.count == 10 ? iso : iso.count == 7 ? iso + "-01" : iso + "-01-01"
        guard let p = CalendarDate(iso: paper), let s = CalendarDate(iso: day) else { return true }
        let gap = s.daysSince(p)
        return gap >= 0 && gap <= 120
    }

    /// The title line (`QUYẾT ĐỊNH`, `CHỈ THỊ`, …) after the header and its kind.
    static func titleLine(_ doc: DocumentText, after start: Int) -> (line: Int, kind: Kind)? {
        let from = doc.hasLayout ? start : 0
        for i in doc.lines.indices.dropFirst(from).prefix(25) {
            let line = doc.lines[i]
            if doc.hasLayout, line.region != .body { continue }
            guard !line.isBlank, TextNormalizer.isMostlyUppercase(line.text) else { continue }
            let words = line.folded.filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: " ")
            if let kind = kinds.first(where: { words == $0.title }) { return (i, kind) }
        }
        return nil
    }

    /// True when `text` is an administrative title line (`QUYẾT ĐỊNH`, `TỜ TRÌNH`, …).
    static func isTitle(_ text: String) -> Bool {
        guard TextNormalizer.isMostlyUppercase(text) else { return false }
        let words = VietnameseFolding.fold(text).filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: " ")
        return kinds.contains { $0.title == words }
    }

    /// Kind from the abbreviation after the slash (`45/QĐ-UBND` → Quyết định); nil for a công văn's number.
    static func kindFromSymbol(_ symbol: String?) -> Kind? {
        guard let abbreviation = symbolParts(symbol).first else { return nil }
        return kinds.first { $0.abbreviation == abbreviation }
    }

    /// A công văn's symbol names only the agency and its unit (`574/UBND-KTTH`).
    static func symbolIsAgencyOnly(_ symbol: String) -> Bool {
        guard let first = symbolParts(symbol).first else { return false }
        return kinds.first { $0.abbreviation == first } == nil && ["ubnd", "hdnd", "ub", "vp", "vpub"].contains(first)
    }

    /// The folded parts of a symbol after its number and year: `45/2024/QĐ-UBND` → `qd`, `ubnd`.
    static func symbolParts(_ symbol: String?) -> [String] {
        guard let symbol, let slash = symbol.firstIndex(of: "/") else { return [] }
        let rest = symbol[symbol.index(after: slash)...].split(separator: "/").last.map(String.init) ?? ""
        return VietnameseFolding.fold(rest).split(separator: "-").map(String.init)
    }

    /// The subject after the title: `Về việc …` or the kind's own wording, wrapped lines joined, up to the
    /// body or the authority line.
    static func subject(_ doc: DocumentText, after title: Int?, limit headerEnd: Int) -> (Int, String)? {
        let start = title.map { $0 + 1 } ?? (doc.hasLayout ? headerEnd : 0)
        let end = min(doc.lines.count, start + 25)
        guard start < end else { return nil }
        // `Về việc` / `V/v` near the top.
        for i in start..<end {
            let line = doc.lines[i]
            if doc.hasLayout, line.region != .body { continue }
            guard let m = subjectPrefix.firstMatch(in: line.folded) else {
                // Without `Về việc`, a decision's or report's subject is the lines right under the title (OCR's
                // marks of a seal's ghost between them do not count).
                if title != nil, i == doc.nextNonBlank(after: title!), !isNoise(line) { break }
                continue
            }
            var end = line.folded.endIndex
            if let k = kinhGui.firstMatch(in: line.folded, from: m.range.upperBound) { end = k.range.lowerBound }
            let rest = line.original(m.range.upperBound..<end).trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty else { continue }
            let prefix = VietnameseFolding.fold(line.original(m.range)).trimmingCharacters(in: .whitespaces)
            let isVv = prefix.hasPrefix("v") && !prefix.contains("viec")
            return (i, TextNormalizer.trimValue((isVv ? "V/v " : "Về việc ") + join(rest, continuing: doc, from: i + 1, region: line.region)))
        }
        guard let title, var first = doc.nextNonBlank(after: title) else { return nil }
        while isNoise(doc.lines[first]), let next = doc.nextNonBlank(after: first) { first = next }
        let line = doc.lines[first]
        if TextNormalizer.isMostlyUppercase(line.text) || bodyStart.firstMatch(in: line.folded) != nil { return nil }
        let text = join(TextNormalizer.trimValue(line.text), continuing: doc, from: first + 1, region: line.region)
        return (first, capitalizeFirst(text))
    }

    /// `start` and the subject lines that continue it from `from`, up to a blank line, a heading or the body.
    /// Without a layout, a blank line may sit inside the subject (OCR's paragraphs), and a wrapped line starts
    /// in lower case or, in a narrow column, is short.
    static func join(_ start: String, continuing doc: DocumentText, from: Int, region: LayoutRegion?) -> String {
        var text = start
        var j = from
        var added = 0
        let short = start.count <= 45
        while j < doc.lines.count, added < 4 {
            var k = j
            if !doc.hasLayout, doc.lines[k].isBlank, k + 1 < doc.lines.count { k += 1 }
            let line = doc.lines[k]
            guard continues(line, in: region) else { break }
            if !doc.hasLayout, let first = line.text.first(where: \.isLetter), !first.isLowercase, !(short && line.text.count <= 45) { break }
            text = text.trimmingCharacters(in: .whitespaces) + " " + line.text
            j = k + 1
            added += 1
        }
        return text
    }

    /// A wrapped subject line: not blank, not a heading, not the body, `Kính gửi` or the place–date line.
    private static func continues(_ line: TextLine, in region: LayoutRegion?) -> Bool {
        guard !line.isBlank, line.region == region, line.text.contains(where: \.isLetter) else { return false }
        return !TextNormalizer.isMostlyUppercase(line.text) && bodyStart.firstMatch(in: line.folded) == nil
            && kinhGui.firstMatch(in: line.folded) == nil && AdministrativeLayout.placeDate.firstMatch(in: line.folded) == nil
            && SlotFinder.numberLabelGlued.firstMatch(in: line.folded) == nil
    }

    /// A line of OCR marks rather than words (a seal's ghost, a streak): few real letters, few real words.
    static func isNoise(_ line: TextLine) -> Bool {
        let visible = line.text.filter { !$0.isWhitespace }
        let letters = visible.filter(isWordLetter).count
        let words = line.text.split(separator: " ")
        let real = words.filter { $0.filter(isWordLetter).count >= 3 }.count
        return letters * 2 < visible.count || Double(real) < 0.3 * Double(words.count)
    }

    /// A letter of a word (upper or lower case), not a modifier mark OCR reads from a speck (`ˆ`).
    static func isWordLetter(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { s in
            let category = s.properties.generalCategory
            return category == .uppercaseLetter || category == .lowercaseLetter
        } ?? false
    }

    /// Upper-cases the first letter.
    static func capitalizeFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return String(first).uppercased() + s.dropFirst()
    }
}

extension FieldBuilder {
    /// Keeps where `name`'s value was read (a slot's crop), for the clerk.
    mutating func attach(_ name: String, _ evidence: FieldEvidence?) {
        guard let evidence, var field = fields[name] else { return }
        field.evidence = evidence
        replace(name, field)
    }
}
