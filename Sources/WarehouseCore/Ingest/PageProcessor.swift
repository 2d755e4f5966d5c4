import Foundation

/// One page after the pipeline: where its text came from and how it was straightened.
public struct ProcessedPage: Sendable {
    public var number: Int
    public var width: Int
    public var height: Int
    public var dpi: Int
    public var pixelDigest: String
    public var perceptualHash: UInt64
    public var text: String
    public var confidence: Double
    public var textSource: FieldSource
    public var skewAngle: Double
    public var rotation: Int
    public var ocrSeconds: Double
    public var barcodes: [Barcode]
    /// Set when the page could not be read fully (OCR timed out…): the page is kept, flagged for review.
    public var warning: String?
    /// True when the text was copied from an identical page already in the warehouse.
    public var reusedFromPixels: Bool
    /// The page as a searchable PDF page (image and word positions), with `searchablePDF` settings.
    public var pdfPage: SearchablePDFPage?
    /// The page's lines in reading order, with their regions and sources; nil for text copied from
    /// a page filed earlier without one.
    public var layout: PageLayout?
    /// The number and date blanks found on the page, and what fills them.
    public var slots: [HandwrittenSlot] = []
    /// PNG crops of the slots (their context), for the clerk.
    public var slotCrops: [HandwrittenSlot.Kind: [UInt8]] = [:]
    /// Share of the page's ink cells its PDF text layer covers, when it has one.
    public var layerCoverage: Double?
}

/// Clean-up chosen for a page from its measured grey levels and resolution (each step kept because it
/// lowered the character error rate on real and degraded scans: see bench/real_papers).
struct EnhancementPlan: Equatable {
    /// Scale factor bringing a low-resolution scan to 300 dpi.
    var upscale: Double?
    /// Even out grey or uneven paper.
    var normalizeBackground: Bool

    /// A bilevel page: a dithered one is cleaned of its specks before it is brought to 300 dpi.
    var bilevel: Bool

    init(quality: PageQuality, dpi: Int) {
        upscale = dpi > 0 && dpi < 250 ? min(3, 300 / Double(dpi)) : nil
        normalizeBackground = !quality.bilevel && quality.paper < 215
        bilevel = quality.bilevel
    }
}

/// The work done on one page, on an OCR worker thread: barcodes, the text layer's coverage, colour
/// separation, clean-up, deskew, OCR, orientation retry, layout, and the handwritten slots.
struct PageProcessor: Sendable {
    let settings: PipelineSettings
    let preprocessor: any PagePreprocessor
    let barcodeReader: any BarcodeReader
    /// Compresses page images for searchable PDFs (with `searchablePDF` settings).
    var pdfEncoder: (any PDFPageEncoder)?
    /// Repairs OCR's Vietnamese marks (with `correctVietnamese` settings).
    var corrector: OCRTextCorrector?

    func process(_ decoded: DecodedPage, number: Int, digest: String, engine: any OCREngine) -> ProcessedPage {
        let raster = decoded.raster
        var result = ProcessedPage(
            number: number, width: raster.width, height: raster.height, dpi: raster.dpi, pixelDigest: digest,
            perceptualHash: raster.perceptualHash, text: "",
            confidence: 0, textSource: .ocr, skewAngle: 0, rotation: 0, ocrSeconds: 0, barcodes: [], warning: nil,
            reusedFromPixels: false)
        if settings.readBarcodes {
            result.barcodes = barcodeReader.read(raster)
        }

        // The text layer: used alone where it holds the page's printed content; otherwise its words are kept
        // and OCR reads the rest.
        var layerLines: [[PageWord]] = []
        if settings.trustPDFTextLayer, let layer = decoded.textLayer {
            let lines = layer.lines.map(TextLayerCoverage.reliableWords).filter { !$0.isEmpty }
            let words = lines.flatMap { $0 }
            if !words.isEmpty, Self.isReliableText(layer.text, minimum: 1) {
                let coverage = TextLayerCoverage(
                    words: words, grid: preprocessor.inkGrid(decoded.printed ?? raster, cell: Self.inkCell(raster), threshold: 160),
                    imageAreas: decoded.imageAreas, margin: Self.inkCell(raster) / 2)
                result.layerCoverage = coverage.covered
                if coverage.coversPage {
                    let layout = LayoutBuilder.build(lines: lines, width: raster.width, height: raster.height)
                    result.layout = layout
                    result.text = layout.text
                    result.confidence = 100
                    result.textSource = .pdfText
                    return attachImage(raster, to: result)
                }
                layerLines = lines
            }
        }

        // OCR reads the printed ink: seals and pen (red, blue) turned to paper, the paper evened out, a
        // low-resolution scan brought to 300 dpi.
        var page = settings.separateColors ? decoded.printed ?? raster : raster
        var geometry = PageGeometry(width: raster.width, height: raster.height)
        var plan = EnhancementPlan(quality: preprocessor.measure(page), dpi: page.dpi)
        if !settings.normalizeBackground { plan.normalizeBackground = false }
        if !settings.upscaleLowResolution { plan.upscale = nil }
        if plan.normalizeBackground { page = preprocessor.normalizeBackground(page) }
        if plan.upscale != nil, plan.bilevel, let clean = preprocessor.removeDither(page, minimum: Self.ditherSpecks) { page = clean }
        if let factor = plan.upscale {
            page = preprocessor.scale(page, by: factor)
            geometry.scale = Double(page.width) / Double(raster.width)
        }
        if settings.deskew {
            let (straight, angle) = preprocessor.deskew(page)
            page = straight
            result.skewAngle = angle
            geometry.angle = angle
        }
        let start = Date()
        var read = page
        do {
            var best = try engine.recognize(page, deadline: settings.pageDeadline, layout: true)
            if best.meanConfidence < settings.orientationRetryBelow,
                let orientation = engine.detectOrientation(page), orientation.degrees % 360 != 0, orientation.confidence > 1
            {
                // OSD gives the page's turn; turning it back is the complementary quarter turns.
                let turns = (4 - (orientation.degrees / 90) % 4) % 4
                let turned = preprocessor.rotate(page, quarterTurns: turns)
                let retry = try engine.recognize(turned, deadline: settings.pageDeadline, layout: true)
                if retry.meanConfidence > best.meanConfidence {
                    best = retry
                    read = turned
                    result.rotation = turns
                    // OCR's boxes are in the turned page: the layout is built there, upright.
                    if turns % 2 == 1 { (geometry.width, geometry.height) = (geometry.height, geometry.width) }
                }
            }
            result.ocrSeconds = Date().timeIntervalSince(start)
            result.confidence = best.meanConfidence
            // The layout is read upright: a page OCR had to turn is laid out, and its slots cropped, turned.
            var upright = decoded
            var layer = layerLines
            if result.rotation != 0 {
                upright = DecodedPage(
                    raster: preprocessor.rotate(raster, quarterTurns: result.rotation),
                    printed: decoded.printed.map { preprocessor.rotate($0, quarterTurns: result.rotation) },
                    colorInk: decoded.colorInk.map { preprocessor.rotate($0, quarterTurns: result.rotation) })
                layer = layerLines.map { line in
                    line.map { word in
                        var word = word
                        word.box = Self.turned(word.box, quarterTurns: result.rotation, width: raster.width, height: raster.height)
                        return word
                    }
                }
            }
            let (width, height) = (upright.raster.width, upright.raster.height)
            // Text printed in colour (a card's red title, a red or blue stamp) was left out with the seals: read the
            // coloured ink alone and keep the lines it reads well.
            var colored: [OCRLine] = []
            if settings.separateColors, settings.readColorText, let ink = upright.colorInk {
                colored = (try? engine.recognize(ink, deadline: settings.pageDeadline, layout: true).lines.filter(Self.isColoredText)) ?? []
            }
            var layout = Self.layout(
                ocr: best.lines, layer: layer, geometry: geometry, width: width, height: height, colored: colored)
            if settings.rereadKeyLines {
                layout = Self.reread(layout, on: upright.printed ?? upright.raster, engine: engine, firstPage: number == 1)
            }
            if let corrector { layout = Self.corrected(layout, by: corrector) }
            result.layout = layout
            result.text = layout.text.isEmpty ? best.text.trimmingCharacters(in: .whitespacesAndNewlines) : layout.text
            result.textSource = layerLines.isEmpty ? .ocr : .mixed
            if settings.readSlots {
                result.slots = SlotReader(engine: engine, preprocessor: preprocessor).read(SlotFinder.find(in: layout), page: number, decoded: upright)
                for slot in result.slots where slot.fill != .blank {
                    result.slotCrops[slot.kind] = preprocessor.png(upright.raster.cropped(to: slot.context))
                }
            }
            return attachImage(read, to: result, lines: best.lines)
        } catch {
            result.warning = error.description
        }
        result.ocrSeconds = Date().timeIntervalSince(start)
        if !layerLines.isEmpty {
            // OCR failed, the layer's words are still the page's text.
            let layout = LayoutBuilder.build(lines: layerLines, width: raster.width, height: raster.height)
            result.layout = layout
            result.text = layout.text
            result.textSource = .pdfText
        }
        return attachImage(read, to: result)
    }

    /// Key lines read again one at a time (Tesseract's single-line mode reads a bold subject or a signer's
    /// name with fewer mark errors than its page mode): the subject under the title, a công văn's `V/v`, the
    /// signer's name. A word is taken from the second reading only when it has the same letters and differs in
    /// its marks, so a misread line cannot bring new words.
    /// Specks that make a bilevel page dithered: a clean 200-dpi text page has a few hundred components that
    /// small (dots, bits of broken letters); a dithered grey paper has tens of thousands.
    static let ditherSpecks = 3_000

    ///
    /// The subject and the `V/v` are read again on the first page only (where a document has them); the
    /// signer's name on any page.
    static func reread(_ layout: PageLayout, on page: RasterPage, engine: any OCREngine, firstPage: Bool = true) -> PageLayout {
        var layout = layout
        var targets: [Int] = []
        let lines = layout.lines
        // The subject: the body's lines after its title, up to the first paragraph break (at most four).
        if firstPage, let title = lines.indices.first(where: { lines[$0].region == .body && AdministrativeDocumentExtractor.isTitle(lines[$0].text) }) {
            var i = title + 1
            while i < lines.count, lines[i].region == .body, targets.count < 4, !(i > title + 1 && lines[i].startsParagraph) {
                if !TextNormalizer.isMostlyUppercase(lines[i].text) { targets.append(i) }
                i += 1
            }
        }
        // A công văn's `V/v …` lines in the left column.
        if firstPage, let vv = lines.indices.first(where: { lines[$0].region == .headerLeft && Header.vvPrefix.firstMatch(in: VietnameseFolding.fold(lines[$0].text)) != nil }) {
            var i = vv
            while i < lines.count, lines[i].region == .headerLeft, i < vv + 3 {
                targets.append(i)
                i += 1
            }
        }
        // The signer's name: the signature block's name line.
        if let name = lines.indices.last(where: { lines[$0].region == .signature && PersonName.signerName(in: lines[$0].text) != nil }) {
            targets.append(name)
        }
        for i in targets where lines[i].words.allSatisfy({ $0.source == .ocr }) {
            let words = lines[i].words
            let box = lines[i].box
            let pad = max(6, box.height / 4)
            guard let (text, _) = engine.recognizeWord(page.cropped(to: box.inset(by: pad / 2)).padded(by: pad), charset: nil) else { continue }
            let again = text.split(separator: " ").map(String.init)
            guard again.count == words.count else { continue }
            for k in words.indices where again[k] != words[k].text {
                let a = VietnameseFolding.fold(again[k]), b = VietnameseFolding.fold(words[k].text)
                guard a == b, a.contains(where: \.isLetter) else { continue }
                layout.lines[i].words[k].text = again[k].precomposedStringWithCanonicalMapping
            }
        }
        return layout
    }

    /// The layout with OCR's lines corrected word for word (lines of a text layer are exact and kept).
    static func corrected(_ layout: PageLayout, by corrector: OCRTextCorrector) -> PageLayout {
        var layout = layout
        for i in layout.lines.indices where layout.lines[i].words.allSatisfy({ $0.source == .ocr }) {
            let words = layout.lines[i].words
            // A line in another language (a card's `SOCIALIST REPUBLIC OF VIET NAM`) is not Vietnamese to correct.
            let alphabetic = words.filter { $0.text.contains(where: \.isLetter) }
            let foreign = alphabetic.filter { w in
                let letters = w.text.filter(\.isLetter)
                return letters.allSatisfy(\.isASCII) && !VietnameseSyllable.isValid(letters)
            }
            if foreign.count * 3 >= alphabetic.count, !foreign.isEmpty { continue }
            let (text, changes) = corrector.correct(line: words.map(\.text).joined(separator: " "))
            guard !changes.isEmpty else { continue }
            let fixed = text.split(separator: " ", omittingEmptySubsequences: false)
            guard fixed.count == words.count else { continue }
            for k in words.indices { layout.lines[i].words[k].text = String(fixed[k]) }
        }
        return layout
    }

    /// A line read in the coloured ink that is text, not a seal's ring or a signature: read with confidence,
    /// words of several letters.
    static func isColoredText(_ line: OCRLine) -> Bool {
        let words = line.words.filter { $0.text.contains(where: \.isLetter) }
        guard !words.isEmpty else { return false }
        let mean = words.map(\.confidence).reduce(0, +) / Double(words.count)
        let long = words.filter { $0.text.filter(\.isLetter).count >= 3 }.count
        return mean >= 80 && words.allSatisfy({ $0.confidence >= 60 }) && long * 2 >= words.count
    }

    /// A box of a `width`×`height` page as a box of the page turned clockwise by `quarterTurns`.
    static func turned(_ r: PixelRect, quarterTurns: Int, width: Int, height: Int) -> PixelRect {
        var (r, w, h) = (r, width, height)
        for _ in 0..<(((quarterTurns % 4) + 4) % 4) {
            // One clockwise turn: (x, y) of a w×h page goes to (h − y, x).
            r = PixelRect(x: h - r.maxY, y: r.x, width: r.height, height: r.width)
            (w, h) = (h, w)
        }
        return r
    }

    /// Cell of the ink grid that measures a text layer's coverage: about 2 mm.
    static func inkCell(_ page: RasterPage) -> Int {
        max(8, (page.dpi > 0 ? page.dpi : 300) / 12)
    }

    /// The page's layout from OCR's lines (taken back to the decoded page's pixels) and the text layer's
    /// words; where both read the same spot, the layer's exact words win.
    static func layout(
        ocr: [OCRLine], layer: [[PageWord]], geometry: PageGeometry, width: Int, height: Int, colored: [OCRLine] = []
    ) -> PageLayout {
        var lines: [[PageWord]] = ocr.map { line in
            line.words.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }.map {
                PageWord(text: $0.text, box: geometry.toPage($0.box), confidence: $0.confidence, source: .ocr)
            }
        }
        // Lines read in the coloured ink, where the print has none, in their place among the others (top to bottom).
        let printBoxes = lines.flatMap { $0 }.map(\.box)
        for line in colored {
            let words = line.words.filter { $0.text.contains { $0.isLetter || $0.isNumber } }
                .map { PageWord(text: $0.text, box: $0.box, confidence: $0.confidence, source: .ocr) }
                .filter { w in !printBoxes.contains { Double($0.intersection(w.box)) > 0.3 * Double(max(1, min($0.area, w.box.area))) } }
            guard !words.isEmpty else { continue }
            // After the nearest line above it, in the reader's order.
            let y = PixelRect.union(words.map(\.box)).midY
            let above = lines.indices.filter { i in
                guard let mid = lines[i].first.map({ _ in PixelRect.union(lines[i].map(\.box)).midY }) else { return false }
                return mid < y
            }
            let nearest = above.max { PixelRect.union(lines[$0].map(\.box)).midY < PixelRect.union(lines[$1].map(\.box)).midY }
            lines.insert(words, at: nearest.map { $0 + 1 } ?? 0)
        }
        if !layer.isEmpty {
            let boxes = layer.flatMap { $0 }.map(\.box)
            lines = lines.map { words in
                words.filter { word in
                    let area = max(1, word.box.area)
                    return !boxes.contains { Double($0.intersection(word.box)) > 0.3 * Double(min(area, max(1, $0.area))) }
                }
            }
            lines += layer
        }
        return LayoutBuilder.build(lines: lines.filter { !$0.isEmpty }, width: width, height: height)
    }

    /// With `searchablePDF` settings, keeps the page's image (compressed) and the lines OCR found on it:
    /// the page of a searchable PDF. Without lines, the page's text goes over it without positions.
    func attachImage(_ image: RasterPage, to page: ProcessedPage, lines: [OCRLine] = []) -> ProcessedPage {
        guard settings.searchablePDF, let pdfEncoder else { return page }
        var page = page
        do {
            page.pdfPage = SearchablePDFPage(image: try pdfEncoder.image(image), dpi: image.dpi, lines: lines, text: page.text)
        } catch {
            page.warning = page.warning ?? error.description
        }
        return page
    }

    /// A text layer worth trusting: enough characters, and nearly all of them letters, digits,
    /// spaces or punctuation (a broken font mapping yields control characters and private-use glyphs).
    static func isReliableText(_ text: String, minimum: Int = 40) -> Bool {
        let scalars = text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
        guard scalars.count >= minimum else { return false }
        let good = scalars.filter {
            CharacterSet.alphanumerics.contains($0) || CharacterSet.punctuationCharacters.contains($0)
                || CharacterSet.symbols.contains($0)
        }
        let privateUse = scalars.filter { (0xE000...0xF8FF).contains($0.value) || $0.value == 0xFFFD }
        return Double(good.count) / Double(scalars.count) > 0.95 && privateUse.isEmpty
    }
}
