import Foundation

/// Tells what fills each number and date blank of a page (print, coloured ink, a pen, nothing) and reads
/// the digits when it can, with how sure it is. A slot that is not clearly printed is read, never trusted:
/// its field is flagged for the clerk, who sees the slot's crop.
struct SlotReader {
    let engine: any OCREngine
    let preprocessor: any PagePreprocessor

    /// Coloured-ink pixels needed in a slot to call it written in colour: a digit's strokes, not a seal's edge.
    static func colorInkNeeded(_ box: PixelRect) -> Int { max(60, box.area / 120) }

    func read(_ candidates: [SlotFinder.Candidate], page: Int, decoded: DecodedPage) -> [HandwrittenSlot] {
        candidates.map { candidate in
            read(candidate, page: page, decoded: decoded)
        }
    }

    private func read(_ candidate: SlotFinder.Candidate, page: Int, decoded: DecodedPage) -> HandwrittenSlot {
        let box = candidate.box
        var slot = HandwrittenSlot(
            kind: candidate.kind, page: page, box: box, context: candidate.context, fill: .blank, reading: nil, confidence: 0)
        // What OCR read in the slot (in the print, colour removed): digits, or a pen's strokes read as marks.
        let typed = Self.digits(in: candidate.typed, kind: candidate.kind)
        let marks = candidate.typed.filter { !$0.isWhitespace }
        let typedConfidence = candidate.typedConfidence

        if let colorInk = decoded.colorInk {
            let crop = colorInk.cropped(to: box)
            if crop.darkPixels(below: 170) >= Self.colorInkNeeded(box) {
                slot.fill = .colorInk
                if let (text, confidence) = engine.recognizeWord(crop.padded(by: max(8, box.height / 4)), charset: "0123456789") {
                    slot.reading = Self.plausible(Self.digits(in: text, kind: candidate.kind), kind: candidate.kind)
                    slot.confidence = confidence
                }
                return slot
            }
        }
        let print = decoded.printed ?? decoded.raster
        if !marks.isEmpty {
            // Printed digits sit on the line like its letters, in the same strokes, and read well as digits;
            // a pen's or a marker's are taller, thinner or thicker, or read as other marks.
            let height = Double(candidate.typedBoxes.map(\.height).max() ?? 0)
            let sized = candidate.printedHeight > 0 && height <= 1.3 * candidate.printedHeight && height >= 0.6 * candidate.printedHeight
            let clean = !typed.isEmpty && marks.allSatisfy { $0.isASCII && $0.isNumber }
            let stroke = preprocessor.strokeWidth(print, in: PixelRect.union(candidate.typedBoxes))
            let references = candidate.reference.map { preprocessor.strokeWidth(print, in: $0) }.filter { $0 > 0 }
            let reference = references.isEmpty ? 0 : references.reduce(0, +) / Double(references.count)
            let stroked = reference > 0 && stroke > 0 && (0.7...1.45).contains(stroke / reference)
            // Printed digits read poorly stay printed: their reading is kept, and flagged for review.
            slot.fill = clean && sized && stroked ? .printed : .handwritten
            slot.reading = Self.plausible(typed, kind: candidate.kind)
            slot.confidence = typedConfidence
            return slot
        }
        // Nothing read, but ink in the slot: a pen OCR could not read; read it alone.
        let crop = print.cropped(to: box.inset(by: -max(2, box.height / 10)))
        if crop.darkPixels(below: 128) >= Self.colorInkNeeded(box) {
            slot.fill = .handwritten
            if let (text, confidence) = engine.recognizeWord(crop.padded(by: max(8, box.height / 4)), charset: "0123456789") {
                slot.reading = Self.plausible(Self.digits(in: text, kind: candidate.kind), kind: candidate.kind)
                slot.confidence = confidence
            }
        }
        return slot
    }

    /// The digits of a reading, with the letters OCR puts for them repaired.
    static func digits(in text: String, kind: HandwrittenSlot.Kind) -> String {
        let (repaired, _) = TextNormalizer.repairDigits(text)
        return String(repaired.prefix { $0 != "/" }.filter(\.isNumber))
    }

    /// A reading that can be the slot's value: a day 1–31, a month 1–12, a number of 1–5 digits.
    static func plausible(_ digits: String, kind: HandwrittenSlot.Kind) -> String? {
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        switch kind {
        case .day: return (1...31).contains(value) && digits.count <= 2 ? digits : nil
        case .month: return (1...12).contains(value) && digits.count <= 2 ? digits : nil
        case .number: return value > 0 && digits.count <= 5 ? digits : nil
        }
    }
}

extension RasterPage {
    /// The pixels under `rect` (clamped to the page).
    func cropped(to rect: PixelRect) -> RasterPage {
        let x0 = max(0, min(width, rect.x)), y0 = max(0, min(height, rect.y))
        let x1 = max(x0, min(width, rect.maxX)), y1 = max(y0, min(height, rect.maxY))
        var out = [UInt8]()
        out.reserveCapacity((x1 - x0) * (y1 - y0))
        for y in y0..<y1 {
            out.append(contentsOf: pixels[(y * width + x0)..<(y * width + x1)])
        }
        return RasterPage(width: x1 - x0, height: y1 - y0, dpi: dpi, pixels: out)
    }

    /// The page with a white border of `margin` pixels.
    func padded(by margin: Int) -> RasterPage {
        let w = width + 2 * margin, h = height + 2 * margin
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<height {
            out.replaceSubrange(((y + margin) * w + margin)..<((y + margin) * w + margin + width), with: pixels[(y * width)..<(y * width + width)])
        }
        return RasterPage(width: w, height: h, dpi: dpi, pixels: out)
    }

    /// Pixels darker than `threshold`.
    func darkPixels(below threshold: UInt8) -> Int {
        pixels.withUnsafeBufferPointer { p in
            var n = 0
            for v in p where v < threshold { n += 1 }
            return n
        }
    }
}
