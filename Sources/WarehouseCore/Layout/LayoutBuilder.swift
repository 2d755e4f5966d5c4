import Foundation

/// Puts a page's lines in reading order and tells its regions apart, from word boxes alone, so that OCR
/// and PDF text layers give the same text for the same paper.
///
/// Vietnamese administrative papers (Decree 30/2020, Appendix I) share one layout: a two-column header
/// (issuing body and `Số: …` left; national motto, place and date right), a centred title, a full-width
/// body, and a two-column foot (`Nơi nhận:` left, the signature block right). Read in columns, the header
/// gives `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NGÃI` / `Số: 88/QĐ-UBND` instead of lines glued across the page.
/// E-signature stamps at the top are set apart as their own region.
public enum LayoutBuilder {
    /// Builds the layout of a page from its lines as a reader gave them (Tesseract's text lines, or lines of
    /// a text layer), each a list of words; the order of the lines does not matter.
    public static func build(lines raw: [[PageWord]], width: Int, height: Int) -> PageLayout {
        let page = Page(width: width, height: height, raw: raw)
        return PageLayout(width: width, height: height, lines: page.readingOrder())
    }

    /// Groups loose words (a text layer's, in any order) into lines: words whose boxes share most of their
    /// height and follow each other closely, left to right.
    public static func lines(of words: [PageWord]) -> [[PageWord]] {
        let sorted = words.filter { !$0.text.isEmpty && $0.box.height > 0 }.sorted { ($0.box.midY, $0.box.x) < ($1.box.midY, $1.box.x) }
        var rows: [[PageWord]] = []
        for word in sorted {
            // The row this word continues: the last rows whose height it shares.
            if let i = rows.indices.reversed().prefix(4).first(where: { rows[$0].contains { $0.box.verticalOverlap(word.box) >= 0.5 } }) {
                rows[i].append(word)
            } else {
                rows.append([word])
            }
        }
        return rows.map { $0.sorted { $0.box.x < $1.box.x } }
    }
}

/// A piece of a line between two wide gaps: a column's part of the line.
private struct Segment {
    var words: [PageWord]
    /// Index of the raw line it was cut from.
    var line: Int
    var box: PixelRect { PixelRect.union(words.map(\.box)) }
    var text: String { words.map(\.text).joined(separator: " ") }
    var folded: String { VietnameseFolding.fold(text) }
    /// Letters and digits in it: a segment of one or two is noise (a seal's or a streak's).
    var substance: Int { text.filter { $0.isLetter || $0.isNumber }.count }
}

private struct Page {
    let width: Int
    let height: Int
    var segments: [Segment] = []
    /// Median height of a word with letters, in pixels.
    let lineHeight: Double
    /// The text column: from the leftmost to the rightmost substantial segment.
    let textLeft: Int
    let textRight: Int

    init(width: Int, height: Int, raw: [[PageWord]]) {
        self.width = width
        self.height = height
        let words = raw.flatMap { $0 }.filter { $0.text.contains { $0.isLetter } && $0.box.height > 0 }
        let heights = words.map { Double($0.box.height) }.sorted()
        lineHeight = heights.isEmpty ? Double(max(1, height / 60)) : max(4, heights[heights.count / 2])
        for (i, line) in raw.enumerated() {
            segments += Self.split(line.filter { !$0.text.isEmpty }.sorted { $0.box.x < $1.box.x }, line: i, lineHeight: lineHeight, width: width)
        }
        let solid = segments.filter { $0.substance >= 3 }
        textLeft = solid.map(\.box.x).min() ?? 0
        textRight = solid.map(\.box.maxX).max() ?? width
        zone = Self.headerZone(segments, height: height, lineHeight: lineHeight)
        if let zone {
            // Lines read across both header columns are cut where the right column starts.
            segments = segments.flatMap { s -> [Segment] in
                guard s.box.midY >= Double(zone.top), s.box.midY <= Double(zone.bottom) else { return [s] }
                let left = s.words.filter { $0.box.midX < Double(zone.boundary) }
                let right = s.words.filter { $0.box.midX >= Double(zone.boundary) }
                guard !left.isEmpty, !right.isEmpty else { return [s] }
                return [Segment(words: left, line: s.line), Segment(words: right, line: s.line)]
            }
        }
    }

    /// Where the header's right column starts (the national motto's left edge), and the band of the page
    /// from the motto to the place–date line.
    struct Zone {
        var boundary: Int
        var top: Int
        var bottom: Int
    }
    let zone: Zone?

    static let motto = RegexPattern("cong\\s*hoa\\s*xa|xa\\s*hoi\\s*chu\\s*ngh|doc\\s*lap\\s*[-.,]?\\s*tu\\s*do|tu\\s*do\\s*[-.,]?\\s*hanh\\s*phuc")
    static let placeDate = RegexPattern("ngay.*thang|thang.*nam\\s*[0-9]")

    static func headerZone(_ segments: [Segment], height: Int, lineHeight: Double) -> Zone? {
        var boundary: Int?
        var top = Int.max, mottoBottom = 0
        for s in segments where s.box.midY < Double(height) * 0.45 {
            let folded = s.folded
            guard let m = motto.firstMatch(in: folded) else { continue }
            // The word the motto starts in.
            let offset = folded.distance(from: folded.startIndex, to: m.range.lowerBound)
            var seen = 0
            var start = s.words.last!
            for w in s.words {
                let n = VietnameseFolding.fold(w.text).count
                if offset < seen + n + 1 {
                    start = w
                    break
                }
                seen += n + 1
            }
            boundary = min(boundary ?? Int.max, start.box.x - Int(0.4 * lineHeight))
            top = min(top, s.box.y)
            mottoBottom = max(mottoBottom, s.box.maxY)
        }
        guard let boundary else { return nil }
        // An administrative header has its left column level with the motto (the issuing body); a form's or a
        // certificate's motto stands alone, centred, and is no header.
        let band = (top - Int(1.5 * lineHeight))...(mottoBottom + Int(lineHeight))
        let leftColumn = segments.contains { s in
            s.substance >= 3 && Double(s.box.maxX) < Double(boundary) + lineHeight && band.contains(Int(s.box.midY))
                && motto.firstMatch(in: s.folded) == nil
        }
        guard leftColumn else { return nil }
        // The place–date line in the right column, a few lines under the motto.
        let limit = Double(mottoBottom) + 8 * lineHeight
        let dates = segments.filter { s in
            s.box.y > top && s.box.midY < limit && Double(s.box.maxX) > Double(boundary) + lineHeight && placeDate.firstMatch(in: s.folded) != nil
        }
        let bottom = dates.map(\.box.maxY).min().map { $0 + Int(0.3 * lineHeight) } ?? mottoBottom + Int(2.5 * lineHeight)
        return Zone(boundary: boundary, top: top - Int(1.5 * lineHeight), bottom: bottom)
    }

    /// Cuts a line where the gap between two words is much wider than its word spaces: two header columns
    /// that OCR or a text layer read as one line (`ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI…`).
    static func split(_ words: [PageWord], line: Int, lineHeight: Double, width: Int) -> [Segment] {
        guard var current = words.first.map({ [$0] }) else { return [] }
        let gaps = zip(words, words.dropFirst()).map { Double($1.box.x - $0.box.maxX) }
        let positive = gaps.filter { $0 > 0 }.sorted()
        // A justified line stretches all its spaces alike; a column gap is a few times the usual space.
        let wide = positive.count >= 3 ? max(0.75 * lineHeight, 2.5 * positive[positive.count / 2]) : 1.5 * lineHeight
        var out: [Segment] = []
        for (word, gap) in zip(words.dropFirst(), gaps) {
            if gap > wide {
                out.append(Segment(words: current, line: line))
                current = [word]
            } else {
                current.append(word)
            }
        }
        out.append(Segment(words: current, line: line))
        return out
    }

    var textWidth: Double { Double(max(1, textRight - textLeft)) }
    var textCentre: Double { Double(textLeft + textRight) / 2 }

    // MARK: - Regions

    static let stampCue = RegexPattern(
        "ky\\s*boi|thoi\\s*gian\\s*ky|nguoi\\s*ky\\s*:|co\\s*quan\\s*:|trung\\s*tam\\s*cong|cong\\s*bao|bao\\s*va\\s*tin\\s*hoc|@[a-z0-9.-]+\\.[a-z]{2,}|email\\s*:|\\+\\s*0?7\\s*:\\s*00|[0-9]{1,2}\\s*[./]\\s*[0-9]{1,2}\\s*[./]\\s*[0-9]{4}\\s+[0-9]{1,2}\\s*:\\s*[0-9]{2}")
    static let recipientsCue = RegexPattern("^\\s*noi\\s*nhan")
    static let signatureCue = RegexPattern(
        "^\\s*(?:tm|kt|tl|ttl|q|tuq)\\s*[.,]|^\\s*(?:pho\\s*)?chu\\s*tich|^\\s*(?:pho\\s*)?giam\\s*doc|^\\s*(?:pho\\s*)?truong\\s*ban|^\\s*chanh\\s*van\\s*phong|^\\s*(?:bo|thu|cuc|vu|vien)\\s*truong|^\\s*nguoi\\s*(?:ky|lap|viet|lam\\s*don|khai|yeu\\s*cau)")

    /// Rows: segments of lines that share their height, top to bottom.
    static func rows(_ segments: [Segment]) -> [[Segment]] {
        var rows: [[Segment]] = []
        for segment in segments.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let i = rows.indices.last, rows[i].contains(where: { $0.box.verticalOverlap(segment.box) >= 0.4 }) {
                rows[i].append(segment)
            } else {
                rows.append([segment])
            }
        }
        return rows.map { $0.sorted { $0.box.x < $1.box.x } }
    }

    func readingOrder() -> [LayoutLine] {
        var region = [LayoutRegion](repeating: .body, count: segments.count)
        let indices = Array(segments.indices)

        // Stamps: a cue in the top quarter, and the small lines packed around it.
        let top = Double(height) * 0.25
        var stamp = Set(indices.filter { segments[$0].box.midY < top && Self.stampCue.firstMatch(in: segments[$0].folded) != nil })
        var grew = true
        while grew {
            grew = false
            for i in indices where !stamp.contains(i) && segments[i].box.midY < top && Double(segments[i].box.height) < 0.8 * lineHeight {
                let near = stamp.contains { j in
                    let a = segments[i].box, b = segments[j].box
                    let horizontal = min(a.maxX, b.maxX) - max(a.x, b.x) > -Int(lineHeight)
                    return horizontal && abs(a.midY - b.midY) < 1.8 * Double(max(a.height, b.height))
                }
                if near {
                    stamp.insert(i)
                    grew = true
                }
            }
        }
        for i in stamp { region[i] = .stamp }

        let rest = indices.filter { !stamp.contains($0) }
        let rows = Self.rows(rest.map { segments[$0] })
        // Row index of each remaining segment (rows hold copies: find them back by line and position).
        func index(of s: Segment) -> Int {
            rest.first { segments[$0].line == s.line && segments[$0].box == s.box } ?? 0
        }

        // Header: with the motto found, its band and the left column's lines under it (a công văn's `V/v …`);
        // without, the first rows while every substantial segment in them sits in a column.
        var headerEnd = 0
        if let zone {
            var r = rows.firstIndex { row in row.contains { $0.box.midY >= Double(zone.top) } } ?? rows.count
            let first = r
            while r < rows.count, rows[r].allSatisfy({ $0.box.midY <= Double(zone.bottom) }) { r += 1 }
            // The left column may go on under the date line; a line in the right column or a centred one stops it.
            while r < rows.count {
                let solid = rows[r].filter { $0.substance >= 3 }
                guard !solid.isEmpty else {
                    r += 1
                    continue
                }
                let leftOnly = solid.allSatisfy { Double($0.box.maxX) < Double(zone.boundary) + lineHeight }
                let previous = rows[r - 1].map(\.box.maxY).max() ?? 0
                guard leftOnly, Double(solid[0].box.y - previous) < 1.6 * lineHeight else { break }
                r += 1
            }
            headerEnd = r
            for row in rows[first..<r] {
                for s in row {
                    region[index(of: s)] = s.box.midX < Double(zone.boundary) ? .headerLeft : .headerRight
                }
            }
        } else if let first = rows.firstIndex(where: { $0.contains { $0.substance >= 3 } }),
            rows[first].first.map({ Double($0.box.y) < Double(height) * 0.35 }) == true
        {
            var r = first
            while r < rows.count {
                let solid = rows[r].filter { $0.substance >= 3 }
                if solid.isEmpty {
                    r += 1
                    continue
                }
                let columnar = solid.allSatisfy { s in
                    Double(s.box.width) < 0.56 * textWidth && abs(s.box.midX - textCentre) > 0.07 * textWidth
                }
                if !columnar || Double(solid[0].box.y) > Double(height) * 0.45 { break }
                r += 1
            }
            // A header has both columns; rows that are all on one side are the start of the body.
            let sides = Set(rows[first..<r].flatMap { $0 }.filter { $0.substance >= 3 }.map { $0.box.midX < textCentre })
            headerEnd = sides.count == 2 ? r : first
            for row in rows[first..<headerEnd] {
                for s in row {
                    region[index(of: s)] = s.box.midX < textCentre ? .headerLeft : .headerRight
                }
            }
        }

        // Foot: from `Nơi nhận:` (and the signature lines level with or just above it) to the end of the page;
        // without it, trailing rows on the right that hold a signature cue.
        var footStart: Int?
        if let r = rows.indices.first(where: { r in
            r >= headerEnd && rows[r].contains { $0.box.midX < textCentre && Self.recipientsCue.firstMatch(in: $0.folded) != nil }
        }) {
            var start = r
            while start - 1 >= headerEnd, isRightOnly(rows[start - 1]) { start -= 1 }
            footStart = start
        } else {
            var start = rows.count
            while start - 1 >= headerEnd, isRightOnly(rows[start - 1]) { start -= 1 }
            if start < rows.count, rows[start...].contains(where: { $0.contains { Self.signatureCue.firstMatch(in: $0.folded) != nil } }) {
                footStart = start
            } else if let r = rows.indices.first(where: { r in
                // `Nơi nhận:` misread (a stamp over it): the first row in the page's lower half with a signature
                // line on the right.
                r >= headerEnd && (rows[r].first.map { Double($0.box.y) > Double(height) * 0.45 } ?? false)
                    && rows[r].contains { s in
                        Double(s.box.x) >= textCentre - 0.12 * textWidth && Self.signatureCue.firstMatch(in: s.folded) != nil
                    }
            }) {
                footStart = r
            }
        }
        if let footStart {
            for row in rows[footStart...] {
                for s in row {
                    region[index(of: s)] = s.box.x >= Int(textCentre - 0.12 * textWidth) ? .signature : .recipients
                }
            }
        }

        return lines(region: region)
    }

    /// A row whose substantial segments all start right of the text's middle (the signature column).
    func isRightOnly(_ row: [Segment]) -> Bool {
        let solid = row.filter { $0.substance >= 2 }
        return !solid.isEmpty && solid.allSatisfy { Double($0.box.x) >= textCentre - 0.12 * textWidth }
    }

    /// Lines in reading order: each region's segments, those of one raw line and region joined again.
    func lines(region: [LayoutRegion]) -> [LayoutLine] {
        var out: [LayoutLine] = []
        for kind in LayoutRegion.allCases {
            var byLine: [Int: [PageWord]] = [:]
            for i in segments.indices where region[i] == kind {
                byLine[segments[i].line, default: []] += segments[i].words
            }
            // The body keeps the reader's order of lines (Tesseract's blocks read a card's or a table's columns
            // in turn); the header's columns, the stamps and the foot go top to bottom.
            let ordered = kind == .body ? byLine.sorted { $0.key < $1.key }.map(\.value) : Array(byLine.values)
            var lines = ordered.map { words in words.sorted { $0.box.x < $1.box.x } }
            if kind != .body { lines.sort { PixelRect.union($0.map(\.box)).midY < PixelRect.union($1.map(\.box)).midY } }
            var previousBottom: Int?
            for words in lines {
                let box = PixelRect.union(words.map(\.box))
                let gap = previousBottom.map { Double(box.y - $0) } ?? 0
                out.append(LayoutLine(words: words, region: kind, startsParagraph: gap > 0.9 * lineHeight))
                previousBottom = box.maxY
            }
        }
        return out
    }
}
