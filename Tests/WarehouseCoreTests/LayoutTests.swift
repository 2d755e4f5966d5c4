import Foundation
import Testing
@testable import WarehouseCore

/// Words of `text` laid out from `x` on a line at `y`, each character `w` pixels wide and `h` high, one
/// character's width between words (as a reader's word boxes would be).
func words(_ text: String, x: Int, y: Int, w: Int = 20, h: Int = 44, source: FieldSource = .ocr, confidence: Double = 92) -> [PageWord] {
    var out: [PageWord] = []
    var cursor = x
    for word in text.split(separator: " ") {
        out.append(PageWord(text: String(word), box: PixelRect(x: cursor, y: y, width: word.count * w, height: h), confidence: confidence, source: source))
        cursor += word.count * w + w
    }
    return out
}

/// A 300-dpi A4 page of a decision as a reader gives it: the stamp's small text top right, the header's two
/// columns read as single lines across the page, title, subject, body, then Nơi nhận and the signature.
func decisionPage(number: String = "", day: String = "", stamp: Bool = true) -> [[PageWord]] {
    var lines: [[PageWord]] = []
    if stamp {
        lines.append(words("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", x: 1900, y: 30, w: 9, h: 20, source: .pdfText, confidence: 100))
        lines.append(words("Cơ quan: Tỉnh Quảng Ngãi", x: 1900, y: 55, w: 9, h: 20, source: .pdfText, confidence: 100))
        lines.append(words("Thời gian ký: 06/02/2025 16:03:18", x: 1900, y: 80, w: 9, h: 20, source: .pdfText, confidence: 100))
    }
    // Header rows: the left column and the right one, read as one line each.
    lines.append(words("ỦY BAN NHÂN DÂN", x: 480, y: 300, w: 26) + words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 1150, y: 300, w: 30))
    lines.append(words("TỈNH QUẢNG NGÃI", x: 490, y: 360, w: 26) + words("Độc lập - Tự do - Hạnh phúc", x: 1250, y: 360, w: 30))
    let slot = number.isEmpty ? "Số: /QĐ-UBND" : "Số: \(number) /QĐ-UBND"
    let date = day.isEmpty ? "Quảng Ngãi, ngày tháng 02 năm 2025" : "Quảng Ngãi, ngày \(day) tháng 02 năm 2025"
    lines.append(words(slot, x: 470, y: 470, w: 26) + words(date, x: 1230, y: 470, w: 26))
    lines.append(words("QUYẾT ĐỊNH", x: 1100, y: 600, w: 30))
    lines.append(words("Về việc giao đất cho Ban Quản lý dự án Đầu tư xây dựng huyện", x: 450, y: 660, w: 26))
    lines.append(words("Mộ Đức để thực hiện dự án Trường Mầm non", x: 700, y: 715, w: 26))
    lines.append(words("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", x: 800, y: 860, w: 26))
    for k in 0..<12 {
        lines.append(words("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 và các luật sửa đổi", x: 300, y: 960 + 60 * k, w: 24))
    }
    lines.append(words("Nơi nhận:", x: 300, y: 2900) + words("TM. ỦY BAN NHÂN DÂN", x: 1500, y: 2900, w: 26))
    lines.append(words("- Như Điều 3;", x: 300, y: 2950) + words("KT. CHỦ TỊCH", x: 1620, y: 2950, w: 26))
    lines.append(words("- Lưu: VT.", x: 300, y: 3000) + words("PHÓ CHỦ TỊCH", x: 1610, y: 3000, w: 26))
    lines.append(words("Trần Phước Hiền", x: 1580, y: 3250, w: 26))
    return lines
}

@Suite("Page layout")
struct LayoutTests {
    @Test("Header columns read as one line are split and read left column first; stamps, signature and Nơi nhận apart")
    func regions() {
        let layout = LayoutBuilder.build(lines: decisionPage(number: "88", day: "05"), width: 2480, height: 3508)
        #expect(layout.lines(in: .stamp).map(\.text) == [
            "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", "Cơ quan: Tỉnh Quảng Ngãi", "Thời gian ký: 06/02/2025 16:03:18",
        ])
        #expect(layout.lines(in: .headerLeft).map(\.text) == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 88 /QĐ-UBND"])
        #expect(layout.lines(in: .headerRight).map(\.text) == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 05 tháng 02 năm 2025",
        ])
        #expect(layout.lines(in: .body).first?.text == "QUYẾT ĐỊNH")
        #expect(layout.lines(in: .signature).map(\.text) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Phước Hiền"])
        #expect(layout.lines(in: .recipients).map(\.text) == ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."])
        // Reading order: stamp, left header, right header, body, signature, Nơi nhận.
        let order = layout.lines.map(\.region)
        #expect(order.firstIndex(of: .headerRight)! > order.lastIndex(of: .headerLeft)!)
        #expect(order.firstIndex(of: .recipients)! > order.lastIndex(of: .signature)!)
    }

    @Test("A page of body text only has no header, however its lines start")
    func bodyOnly() {
        var lines: [[PageWord]] = []
        for k in 0..<30 {
            lines.append(words("tỉnh yêu cầu Thủ trưởng các sở ban ngành cơ quan đơn vị Chủ tịch UBND các huyện", x: 300, y: 200 + 60 * k, w: 22))
        }
        let layout = LayoutBuilder.build(lines: lines, width: 2480, height: 3508)
        #expect(layout.lines.allSatisfy { $0.region == .body })
        #expect(layout.lines.count == 30)
    }

    @Test("A text layer's glyph lines: two columns on one line become two lines")
    func gluedTextLayer() {
        let line = words("TỈNH QUẢNG NGÃI", x: 490, y: 360, w: 26, source: .pdfText) + words("Độc lập - Tự do - Hạnh phúc", x: 1250, y: 360, w: 30, source: .pdfText)
        let header = [
            words("ỦY BAN NHÂN DÂN", x: 480, y: 300, w: 26, source: .pdfText)
                + words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 1150, y: 300, w: 30, source: .pdfText)
        ]
        let body = (0..<5).map { k in words("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 và các luật sửa đổi", x: 300, y: 960 + 60 * k, w: 24, source: .pdfText) }
        let layout = LayoutBuilder.build(lines: header + [line] + [words("QUYẾT ĐỊNH", x: 1100, y: 600, w: 30, source: .pdfText)] + body, width: 2480, height: 3508)
        #expect(layout.text.contains("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI"))
        #expect(!layout.text.contains("NGÃI Độc"))
    }

    @Test("Loose words of a text layer grouped into lines left to right")
    func looseWords() {
        let shuffled = (words("Số: 123/UBND-KTTH", x: 360, y: 470) + words("V/v đăng ký bổ sung", x: 380, y: 530)).reversed()
        let lines = LayoutBuilder.lines(of: Array(shuffled))
        #expect(lines.map { $0.map(\.text).joined(separator: " ") } == ["Số: 123/UBND-KTTH", "V/v đăng ký bổ sung"])
    }
}

@Suite("Text layer coverage")
struct TextLayerCoverageTests {
    /// A grid with ink in the given cells (of 25 px).
    func grid(ink cells: [(Int, Int)], columns: Int = 100, rows: Int = 140) -> InkGrid {
        var counts = [Int](repeating: 0, count: columns * rows)
        for (c, r) in cells { counts[r * columns + c] = 200 }
        return InkGrid(cell: 25, columns: columns, rows: rows, counts: counts)
    }

    @Test("A scan with only a stamp's words as text needs OCR; the words are kept")
    func stampOnly() {
        let body = (10..<130).flatMap { r in (12..<90).map { ($0, r) } }
        let stamp = words("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", x: 1900, y: 30, w: 9, h: 20)
        let coverage = TextLayerCoverage(
            words: stamp, grid: grid(ink: body + [(80, 1), (85, 1)]), imageAreas: [PixelRect(x: 0, y: 0, width: 2500, height: 3500)], margin: 12)
        #expect(!coverage.coversPage)
        #expect(coverage.uncoveredImageInk > 0.9)
    }

    @Test("A born-digital page: its words cover its ink; rules drawn as vectors do not count")
    func bornDigital() {
        let lines = (0..<20).map { k in words("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015", x: 300, y: 400 + 100 * k, w: 25) }
        let inkCells = lines.flatMap { $0 }.flatMap { w in
            (w.box.x / 25..<(w.box.x + w.box.width) / 25).map { ($0, w.box.y / 25 + 1) }
        }
        let rule = (12..<90).map { ($0, 130) }
        let coverage = TextLayerCoverage(words: lines.flatMap { $0 }, grid: grid(ink: inkCells + rule), imageAreas: [], margin: 12)
        #expect(coverage.coversPage)
        // The same rule drawn by an image (a scanned signature) is uncovered ink, but little of it.
        let withImage = TextLayerCoverage(
            words: lines.flatMap { $0 }, grid: grid(ink: inkCells + rule), imageAreas: [PixelRect(x: 0, y: 3200, width: 2500, height: 100)], margin: 12)
        #expect(withImage.uncoveredImageInk > 0 && withImage.coversPage)
    }

    @Test("Broken font mappings are not words worth keeping")
    func reliableWords() {
        let good = PageWord(text: "Quảng", box: PixelRect(x: 0, y: 0, width: 10, height: 10), confidence: 100, source: .pdfText)
        var bad = good
        bad.text = "\u{E012}\u{E013}"
        #expect(TextLayerCoverage.reliableWords([good, bad]) == [good])
    }
}

@Suite("Page geometry")
struct PageGeometryTests {
    @Test("A box found on the scaled, deskewed, turned page maps back to the page as decoded")
    func roundTrip() {
        // A point at (400, 300) of a 1000×800 page; forward: scale 1.5, then turn 2° clockwise, then one quarter turn.
        let (w, h) = (1000.0, 800.0)
        let s = 1.5, angle = 2.0
        var (x, y) = (400.0 * s, 300.0 * s)
        let t = angle * .pi / 180, cx = w * s / 2, cy = h * s / 2
        (x, y) = (cx + (x - cx) * cos(t) - (y - cy) * sin(t), cy + (x - cx) * sin(t) + (y - cy) * cos(t))
        // One clockwise quarter turn of a W×H image: (x, y) → (H − y, x).
        (x, y) = (h * s - y, x)
        let geometry = PageGeometry(width: 1000, height: 800, scale: s, angle: angle, quarterTurns: 1)
        let back = geometry.toPage(PixelRect(x: Int(x.rounded()), y: Int(y.rounded()), width: 1, height: 1))
        #expect(abs(back.x - 400) <= 2 && abs(back.y - 300) <= 2)
    }
}

@Suite("Handwritten slots")
struct SlotFinderTests {
    @Test("Number and day slots between their printed labels, also when OCR glued a pen's marks to them")
    func slots() throws {
        var lines = decisionPage(stamp: false)
        // OCR glued the handwritten day to both labels: `ngày4†tháng`.
        lines[2] = words("Số: †4/QĐ-UBND", x: 470, y: 470, w: 26) + words("Quảng Ngãi, ngày4†tháng 01 năm 2025", x: 1230, y: 470, w: 26)
        let layout = LayoutBuilder.build(lines: lines, width: 2480, height: 3508)
        let slots = SlotFinder.find(in: layout)
        let number = try #require(slots.first { $0.kind == .number })
        #expect(number.typed == "†4")
        let day = try #require(slots.first { $0.kind == .day })
        #expect(day.typed == "4†")
        let month = try #require(slots.first { $0.kind == .month })
        #expect(month.typed == "01")
        // The day's crop shows the whole date.
        #expect(day.context.width > day.box.width * 3)
    }
}
