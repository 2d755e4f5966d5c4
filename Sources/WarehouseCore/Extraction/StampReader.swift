import Foundation

/// Reads e-signature and publishing stamps (Decree 30/2020 Appendix I; the Official Gazette centres'
/// publishing stamps) into fields of their own: who signed or published, and when. They are metadata of
/// the file, never the paper's issuing body or date: a signing time is often days after the paper's date.
enum StampReader {
    static let signerLabel = RegexPattern("(?:ky\\s*boi|nguoi\\s*ky)\\s*:?")
    static let agencyLabel = RegexPattern("co\\s*quan\\s*:?")
    static let timeLabel = RegexPattern("thoi\\s*gian\\s*(?:ky)?\\s*:?")
    static let emailLabel = RegexPattern("e-?mail\\s*:?")
    static let email = RegexPattern("[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]{2,}")
    static let dateTime = RegexPattern(
        "([0-9]{1,2})\\s*[./-]\\s*([0-9]{1,2})\\s*[./-]\\s*([0-9]{4})\\s*,?\\s*([0-9]{1,2})\\s*:\\s*([0-9]{2})(?:\\s*:\\s*([0-9]{2}))?(?:\\s*([+-])\\s*([0-9]{2})\\s*:?\\s*([0-9]{2}))?")
    static let gazette = RegexPattern("trung\\s*tam\\s*cong\\s*bao|cong\\s*bao\\s*(?:va|&)\\s*tin\\s*hoc")

    /// One stamp's reading.
    struct Stamp {
        var signer: String?
        var agency: String?
        var time: String?
        var publishing: Bool
    }

    /// Sets the stamp fields (`nguoiKySo`, `coQuanKySo`, `thoiGianKySo`, `donViCongBo`, `thoiGianCongBo`) from
    /// the stamp lines of the document.
    static func extract(_ stamps: [TextLine], into fields: inout FieldBuilder) {
        for stamp in clusters(stamps).compactMap(read) {
            guard let line = stamps.first else { continue }
            if stamp.publishing {
                fields.set(FieldName.donViCongBo, stamp.signer ?? "Trung tâm Công báo và Tin học", line: line, factor: 0.95)
                if let time = stamp.time { fields.set(FieldName.thoiGianCongBo, time, line: line, factor: 0.95) }
            } else {
                if let signer = stamp.signer { fields.set(FieldName.nguoiKySo, signer, line: line, factor: 0.95) }
                if let agency = stamp.agency { fields.set(FieldName.coQuanKySo, agency, line: line, factor: 0.95) }
                if let time = stamp.time { fields.set(FieldName.thoiGianKySo, time, line: line, factor: 0.95) }
            }
        }
    }

    /// Stamp lines grouped into stamps: lines that overlap horizontally and follow each other closely.
    static func clusters(_ lines: [TextLine]) -> [[TextLine]] {
        var groups: [[TextLine]] = []
        for line in lines {
            guard let box = line.words.isEmpty ? nil : PixelRect.union(line.words.map(\.box)) else {
                // Lines without boxes: one stamp per run of lines.
                if groups.isEmpty { groups.append([]) }
                groups[groups.count - 1].append(line)
                continue
            }
            let height = Double(box.height)
            if let i = groups.lastIndex(where: { group in
                group.contains { other in
                    guard !other.words.isEmpty else { return false }
                    let o = PixelRect.union(other.words.map(\.box))
                    let overlap = min(o.maxX, box.maxX) - max(o.x, box.x)
                    return overlap > 0 && abs(o.midY - box.midY) < 3.5 * max(height, Double(o.height))
                }
            }) {
                groups[i].append(line)
            } else {
                groups.append([line])
            }
        }
        return groups.filter { !$0.isEmpty }
    }

    static func read(_ lines: [TextLine]) -> Stamp? {
        let sorted = lines.sorted { a, b in
            (a.words.first?.box.y ?? 0) < (b.words.first?.box.y ?? 0)
        }
        let text = TextNormalizer.normalizeLine(sorted.map(\.text).joined(separator: " "))
        let folded = VietnameseFolding.fold(text)
        var stamp = Stamp(publishing: gazette.firstMatch(in: folded) != nil)
        let time = dateTime.firstMatch(in: folded)
        if let time { stamp.time = iso(time) }
        // The labelled parts: each runs to the next label or the time.
        let labels = [signerLabel, agencyLabel, timeLabel, emailLabel].compactMap { $0.firstMatch(in: folded) }
        func value(after label: RegexMatch) -> String? {
            let ends = (labels.map(\.range.lowerBound) + [time?.range.lowerBound, email.firstMatch(in: folded)?.range.lowerBound].compactMap { $0 })
                .filter { $0 > label.range.lowerBound }
            let end = ends.min() ?? folded.endIndex
            guard label.range.upperBound <= end else { return nil }
            let value = TextNormalizer.trimValue(original(text, folded, label.range.upperBound..<end))
            return value.isEmpty ? nil : value
        }
        if let label = signerLabel.firstMatch(in: folded) { stamp.signer = value(after: label) }
        if let label = agencyLabel.firstMatch(in: folded) { stamp.agency = value(after: label) }
        if stamp.signer.map({ gazette.firstMatch(in: VietnameseFolding.fold($0)) != nil }) == true { stamp.publishing = true }
        if stamp.publishing {
            stamp.signer = "Trung tâm Công báo và Tin học"
        } else if stamp.signer == nil, let time, labels.isEmpty {
            // An unlabelled signature stamp: the signer's name, then the time.
            let before = TextNormalizer.trimValue(original(text, folded, folded.startIndex..<time.range.lowerBound))
            stamp.signer = before.isEmpty ? nil : before
        }
        guard stamp.signer != nil || stamp.time != nil else { return nil }
        return stamp
    }

    /// `06/02/2025 16:03:18 +07:00` → `2025-02-06T16:03:18+07:00` (Vietnam time when no offset is printed).
    static func iso(_ m: RegexMatch) -> String? {
        guard let d = m.group(1).flatMap({ Int($0) }), let mo = m.group(2).flatMap({ Int($0) }), let y = m.group(3).flatMap({ Int($0) }),
            let h = m.group(4).flatMap({ Int($0) }), let mi = m.group(5).flatMap({ Int($0) }),
            CalendarDate(year: y, month: mo, day: d) != nil, h < 24, mi < 60
        else { return nil }
        let s = m.group(6).flatMap { Int($0) } ?? 0
        let offset = m.group(7).map { sign in "\(sign)\(m.group(8) ?? "07"):\(m.group(9) ?? "00")" } ?? "+07:00"
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s) + offset
    }

    private static func original(_ text: String, _ folded: String, _ range: Range<String.Index>) -> String {
        let lo = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let hi = folded.distance(from: folded.startIndex, to: range.upperBound)
        return String(text[text.index(text.startIndex, offsetBy: lo)..<text.index(text.startIndex, offsetBy: hi)])
    }
}
