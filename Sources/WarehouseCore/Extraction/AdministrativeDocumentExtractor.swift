import Foundation

/// Reads decisions and official letters: number, date, issuing body, kind, subject and signer.
enum AdministrativeDocumentExtractor {
    /// Titles of administrative documents (folded) and their canonical names.
    static let kinds: [(String, String)] = [
        ("quyet dinh", "Quyết định"), ("thong bao", "Thông báo"), ("to trinh", "Tờ trình"), ("ke hoach", "Kế hoạch"),
        ("bao cao", "Báo cáo"), ("giay moi", "Giấy mời"), ("chi thi", "Chỉ thị"), ("cong van", "Công văn"),
        ("huong dan", "Hướng dẫn"), ("bien ban", "Biên bản"), ("nghi quyet", "Nghị quyết"),
    ]
    /// Abbreviations in the number symbol (`45/QĐ-UBND`) and the kinds they stand for.
    static let abbreviations: [String: String] = [
        "qd": "Quyết định", "tb": "Thông báo", "ttr": "Tờ trình", "kh": "Kế hoạch", "bc": "Báo cáo", "gm": "Giấy mời",
        "ct": "Chỉ thị", "hd": "Hướng dẫn", "bb": "Biên bản", "nq": "Nghị quyết",
    ]
    /// `Về việc …` or `V/v …` at the start of the subject (kept, spelled canonically, in `trichYeu`).
    static let subjectPrefix = RegexPattern("^\\s*(?:ve\\s*viec|v\\s*[/l|1]\\s*[vy])\\s*[:.]?\\s*")
    /// Where the subject of an official letter stops on a merged line.
    static let kinhGui = RegexPattern("kinh\\s*gui")
    /// Lines that start the body (the subject ends before them).
    static let bodyStart = RegexPattern("^\\s*(?:can\\s*cu|xet\\s*de\\s*nghi|thuc\\s*hien|kinh\\s*gui|theo\\s*de\\s*nghi)")

    /// Extracts the fields of a decision or official letter.
    static func extract(_ doc: DocumentText, type: DocumentType) -> FieldBuilder {
        var fields = FieldBuilder()
        let layout = AdministrativeLayout(doc: doc)
        let number = layout.documentNumber()
        if let number {
            fields.set(FieldName.soKyHieu, number.value, line: doc.lines[number.line], factor: number.factor)
        }
        if let (i, date) = layout.placeDate(in: 0..<min(20, doc.lines.count)) ?? layout.placeDate() {
            fields.setDate(FieldName.ngayBanHanh, date, line: doc.lines[i], factor: 0.95)
        }
        let title = titleLine(doc)
        if let agency = layout.agency(before: number?.line ?? title?.line ?? 6) {
            fields.set(FieldName.coQuanBanHanh, agency.value, line: doc.lines[agency.line], factor: 0.85)
        }
        if let title {
            fields.set(FieldName.loaiVanBan, title.kind, line: doc.lines[title.line], factor: 1)
        } else if let kind = kindFromSymbol(number?.value) {
            fields.set(FieldName.loaiVanBan, kind, line: doc.lines[number!.line], factor: 0.9)
        } else if type == .officialLetter, let first = doc.lines.first {
            fields.set(FieldName.loaiVanBan, "Công văn", line: first, factor: 0.8)
        } else if type == .decision, let first = doc.lines.first {
            fields.set(FieldName.loaiVanBan, "Quyết định", line: first, factor: 0.8)
        }
        if let (i, subject) = self.subject(doc, after: title?.line, numberLine: number?.line) {
            fields.set(FieldName.trichYeu, subject, line: doc.lines[i], factor: 0.9)
        }
        if let signer = layout.signer(from: (title?.line ?? 0) + 1) {
            fields.set(FieldName.nguoiKy, signer.value, line: doc.lines[signer.line], factor: signer.factor)
        }
        return fields
    }

    /// The title line (`QUYẾT ĐỊNH`, `THÔNG BÁO`, …) and its canonical kind.
    static func titleLine(_ doc: DocumentText) -> (line: Int, kind: String)? {
        for i in doc.lines.indices.prefix(25) {
            let line = doc.lines[i]
            guard !line.isBlank, TextNormalizer.isMostlyUppercase(line.text) else { continue }
            let words = line.folded.filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: " ")
            if let kind = kinds.first(where: { words == $0.0 })?.1 { return (i, kind) }
        }
        return nil
    }

    /// Kind from the abbreviation after the slash (`45/QĐ-UBND` → Quyết định); nil for a plain công văn number.
    static func kindFromSymbol(_ symbol: String?) -> String? {
        guard let symbol, let slash = symbol.firstIndex(of: "/") else { return nil }
        let abbreviation = VietnameseFolding.fold(String(symbol[symbol.index(after: slash)...]))
            .split(separator: "-").first.map(String.init) ?? ""
        return abbreviations[abbreviation]
    }

    /// The subject: `Về việc …` under the title, or `V/v …` under the number; prefix removed, wrapped lines joined.
    static func subject(_ doc: DocumentText, after title: Int?, numberLine: Int?) -> (Int, String)? {
        let start = title.map { $0 + 1 } ?? 0
        let limit = min(doc.lines.count, start + 25)
        guard start < limit else { return nil }
        // `V/v` / `Về việc` anywhere near the top.
        for i in start..<limit {
            let line = doc.lines[i]
            guard let m = subjectPrefix.firstMatch(in: line.folded) else { continue }
            var end = line.folded.endIndex
            if let k = kinhGui.firstMatch(in: line.folded, from: m.range.upperBound) { end = k.range.lowerBound }
            let rest = line.original(m.range.upperBound..<end).trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty else { continue }
            let isVv = VietnameseFolding.fold(line.original(m.range)).trimmingCharacters(in: .whitespaces).hasPrefix("v") &&
                !VietnameseFolding.fold(line.original(m.range)).contains("viec")
            var text = (isVv ? "V/v " : "Về việc ") + rest
            var j = i + 1
            var added = 0
            while j < doc.lines.count, added < 3 {
                var k = j
                if doc.lines[k].isBlank, k + 1 < doc.lines.count { k += 1 }
                guard continues(doc.lines[k], wrappedShort: line.text.count <= 45) else { break }
                text = text.trimmingCharacters(in: .whitespaces) + " " + doc.lines[k].text
                j = k + 1
                added += 1
            }
            return (i, TextNormalizer.trimValue(text))
        }
        // A decision whose subject follows the title without `Về việc`.
        guard let title else { return nil }
        var parts: [String] = []
        var j = doc.nextNonBlank(after: title) ?? doc.lines.count
        let first = j
        while j < doc.lines.count, parts.count < 3 {
            let line = doc.lines[j]
            if line.isBlank || TextNormalizer.isMostlyUppercase(line.text) || bodyStart.firstMatch(in: line.folded) != nil { break }
            parts.append(TextNormalizer.trimValue(line.text))
            j += 1
        }
        return parts.isEmpty ? nil : (first, capitalizeFirst(parts.joined(separator: " ")))
    }

    /// A wrapped subject line: not blank, not a heading, not the body or `Kính gửi`; it starts lower case,
    /// or (in a narrow left column) is itself short.
    private static func continues(_ line: TextLine, wrappedShort: Bool) -> Bool {
        guard !line.isBlank, let first = line.text.first(where: \.isLetter) else { return false }
        guard !TextNormalizer.isMostlyUppercase(line.text), bodyStart.firstMatch(in: line.folded) == nil,
              kinhGui.firstMatch(in: line.folded) == nil, AdministrativeLayout.placeDate.firstMatch(in: line.folded) == nil
        else { return false }
        return first.isLowercase || (wrappedShort && line.text.count <= 45)
    }

    /// Upper-cases the first letter.
    static func capitalizeFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return String(first).uppercased() + s.dropFirst()
    }
}
