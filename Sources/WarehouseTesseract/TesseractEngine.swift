import CTesseract
import Foundation
import WarehouseCore

/// One Tesseract instance (TessBaseAPI) with its language loaded once.
///
/// Tesseract is not thread-safe: an engine may be moved to a worker thread, never shared by two.
public final class TesseractEngine: OCREngine, @unchecked Sendable {
    private let handle: OpaquePointer
    /// A second instance loaded with `osd`, made on first use (orientation is a fallback, rarely needed).
    private var osdHandle: OpaquePointer?
    private let dataPath: String?
    public let language: String
    public let identity: String

    /// Starts an engine for `language` (e.g. `vie`), with language data from `dataPath`,
    /// else `$TESSDATA_PREFIX`, else Tesseract's compiled-in directory.
    public init(language: String, dataPath: String? = nil) throws(OCRError) {
        // The handle is made and checked before `self` owns it: once every stored property is set,
        // a throwing init runs deinit, which would free the handle a second time.
        self.handle = try Self.makeHandle(language: language, dataPath: dataPath)
        self.language = language
        self.dataPath = dataPath
        self.identity = TesseractEngine.versionIdentity
    }

    private static func makeHandle(language: String, dataPath: String?) throws(OCRError) -> OpaquePointer {
        guard let h = TessBaseAPICreate() else { throw .initFailed("TessBaseAPICreate returned nothing") }
        // Tesseract prints warnings ("Estimating resolution", "Detected N diacritics") to stderr otherwise.
        TessBaseAPISetVariable(h, "debug_file", "/dev/null")
        guard TessBaseAPIInit2(h, dataPath, language, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(h)
            throw .languageMissing(language: language, searched: describeDataPath(dataPath))
        }
        // Init returns success when only some of "a+b" loaded: check each one really is there.
        let loaded = loadedLanguages(h)
        for wanted in language.split(separator: "+").map(String.init) where !loaded.contains(wanted) {
            TessBaseAPIEnd(h)
            TessBaseAPIDelete(h)
            throw .languageMissing(language: wanted, searched: describeDataPath(dataPath))
        }
        // The C API defaults to a single block (6); the CLI and our layouts want automatic segmentation.
        TessBaseAPISetPageSegMode(h, PSM_AUTO)
        return h
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
        if let osdHandle {
            TessBaseAPIEnd(osdHandle)
            TessBaseAPIDelete(osdHandle)
        }
    }

    /// `tesseract 5.3.0`.
    public static var versionIdentity: String {
        "tesseract \(String(cString: TessVersion()))"
    }

    static func describeDataPath(_ path: String?) -> String {
        path ?? ProcessInfo.processInfo.environment["TESSDATA_PREFIX"] ?? "/usr/share/tesseract-ocr/5/tessdata"
    }

    private static func loadedLanguages(_ h: OpaquePointer) -> Set<String> {
        guard let vector = TessBaseAPIGetLoadedLanguagesAsVector(h) else { return [] }
        defer { TessDeleteTextArray(vector) }
        var result = Set<String>()
        var i = 0
        while let item = vector[i] {
            result.insert(String(cString: item))
            i += 1
        }
        return result
    }

    public func recognize(_ page: RasterPage, deadline: Double, layout: Bool) throws(OCRError) -> OCRPage {
        defer { TessBaseAPIClear(handle) }
        setImage(handle, page)
        guard let monitor = TessMonitorCreate() else { throw .recognitionFailed("no monitor") }
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(deadline * 1000, Double(Int32.max))))
        let start = Date()
        guard TessBaseAPIRecognize(handle, monitor) == 0 else {
            if Date().timeIntervalSince(start) >= deadline * 0.95 { throw .timedOut(seconds: deadline) }
            throw .recognitionFailed("TessBaseAPIRecognize returned an error")
        }
        var text = ""
        if let cText = TessBaseAPIGetUTF8Text(handle) {
            text = String(cString: cText).precomposedStringWithCanonicalMapping
            TessDeleteText(cText)
        }
        var words = 0
        if let confidences = TessBaseAPIAllWordConfidences(handle) {
            while confidences[words] >= 0 { words += 1 }
            TessDeleteIntArray(confidences)
        }
        let mean = Double(TessBaseAPIMeanTextConf(handle))
        return OCRPage(text: text, meanConfidence: max(0, mean), wordCount: words, lines: layout ? lines() : [])
    }

    /// The lines and words of the last recognition, in reading order, with their boxes and baselines.
    private func lines() -> [OCRLine] {
        guard let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)
        var lines: [OCRLine] = []
        func box(_ level: TessPageIteratorLevel) -> PixelRect? {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) != 0 else { return nil }
            return PixelRect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
        }
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 || lines.isEmpty, let lineBox = box(RIL_TEXTLINE) {
                var x1: Int32 = 0, y1: Int32 = 0, x2: Int32 = 0, y2: Int32 = 0
                let hasBaseline = TessPageIteratorBaseline(page, RIL_TEXTLINE, &x1, &y1, &x2, &y2) != 0
                let bottom = lineBox.y + lineBox.height
                lines.append(
                    OCRLine(
                        box: lineBox, baselineLeft: hasBaseline ? Int(y1) : bottom, baselineRight: hasBaseline ? Int(y2) : bottom,
                        words: []))
            }
            guard let cText = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let word = String(cString: cText).precomposedStringWithCanonicalMapping
            TessDeleteText(cText)
            if !word.isEmpty, let wordBox = box(RIL_WORD), !lines.isEmpty {
                let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD))
                lines[lines.count - 1].words.append(OCRWord(text: word, box: wordBox, confidence: confidence))
            }
        } while TessPageIteratorNext(page, RIL_WORD) != 0
        return lines.filter { !$0.words.isEmpty }
    }

    public func recognizeWord(_ image: RasterPage, charset: String?) -> (text: String, confidence: Double)? {
        guard image.width > 0, image.height > 0 else { return nil }
        TessBaseAPISetPageSegMode(handle, PSM_SINGLE_LINE)
        TessBaseAPISetVariable(handle, "tessedit_char_whitelist", charset ?? "")
        defer {
            TessBaseAPISetVariable(handle, "tessedit_char_whitelist", "")
            TessBaseAPISetPageSegMode(handle, PSM_AUTO)
            TessBaseAPIClear(handle)
        }
        setImage(handle, image)
        guard let monitor = TessMonitorCreate() else { return nil }
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, 5000)
        guard TessBaseAPIRecognize(handle, monitor) == 0, let cText = TessBaseAPIGetUTF8Text(handle) else { return nil }
        let text = String(cString: cText).trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        TessDeleteText(cText)
        guard !text.isEmpty else { return nil }
        return (text, max(0, Double(TessBaseAPIMeanTextConf(handle))))
    }

    /// Recognises a page and returns the boxes of the words it found (pixels, top-left origin).
    public func wordBoxes(_ page: RasterPage, deadline: Double = 90) throws(OCRError) -> [PixelRect] {
        var tsv = ""
        try recognizeForRenderer(page, deadline: deadline) { handle in
            if let text = TessBaseAPIGetTsvText(handle, 0) {
                tsv = String(cString: text)
                TessDeleteText(text)
            }
            return true
        }
        // level page block par line word left top width height conf text
        return tsv.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 12, f[0] == "5", let x = Int(f[6]), let y = Int(f[7]), let w = Int(f[8]), let h = Int(f[9]),
                let conf = Double(f[10]), conf > 0, !f[11].trimmingCharacters(in: .whitespaces).isEmpty
            else { return nil }
            return PixelRect(x: x, y: y, width: w, height: h)
        }
    }

    /// The directory the language data was loaded from (it also holds `pdf.ttf`).
    var dataDirectory: String {
        TessBaseAPIGetDatapath(handle).map { String(cString: $0) } ?? TesseractEngine.describeDataPath(dataPath)
    }

    /// Recognises a page and hands the engine to `add` (a result renderer) before clearing it.
    func recognizeForRenderer(_ page: RasterPage, deadline: Double, add: (OpaquePointer) -> Bool) throws(OCRError) {
        defer { TessBaseAPIClear(handle) }
        setImage(handle, page)
        guard let monitor = TessMonitorCreate() else { throw .recognitionFailed("no monitor") }
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(deadline * 1000, Double(Int32.max))))
        guard TessBaseAPIRecognize(handle, monitor) == 0 else { throw .recognitionFailed("TessBaseAPIRecognize returned an error") }
        guard add(handle) else { throw .recognitionFailed("the PDF renderer refused the page") }
    }

    public func detectOrientation(_ page: RasterPage) -> PageOrientation? {
        if osdHandle == nil {
            guard let h = TessBaseAPICreate() else { return nil }
            TessBaseAPISetVariable(h, "debug_file", "/dev/null")
            guard TessBaseAPIInit3(h, dataPath, "osd") == 0 else {
                TessBaseAPIDelete(h)
                return nil
            }
            TessBaseAPISetPageSegMode(h, PSM_OSD_ONLY)
            osdHandle = h
        }
        guard let h = osdHandle else { return nil }
        defer { TessBaseAPIClear(h) }
        setImage(h, page)
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>? = nil
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(h, &degrees, &confidence, &script, &scriptConfidence) != 0 else {
            return nil
        }
        return PageOrientation(degrees: Int(degrees), confidence: Double(confidence))
    }

    private func setImage(_ h: OpaquePointer, _ page: RasterPage) {
        page.pixels.withUnsafeBufferPointer { buf in
            // SetImage copies the pixels, so the buffer need not outlive this call.
            TessBaseAPISetImage(h, buf.baseAddress, Int32(page.width), Int32(page.height), 1, Int32(page.width))
        }
        TessBaseAPISetSourceResolution(h, Int32(page.dpi > 0 ? page.dpi : 300))
    }
}

/// Makes one `TesseractEngine` per worker.
public struct TesseractEngineFactory: OCREngineFactory {
    public let language: String
    public let dataPath: String?

    public init(language: String, dataPath: String? = nil) {
        self.language = language
        self.dataPath = dataPath
    }

    public var identity: String { TesseractEngine.versionIdentity }

    public func makeEngine() throws(OCRError) -> any OCREngine {
        try TesseractEngine(language: language, dataPath: dataPath)
    }

    /// Tesseract's glyphless font (`pdf.ttf` beside the language data): the font of a searchable PDF's
    /// invisible text layer.
    public func glyphlessFont() throws(OCRError) -> [UInt8] {
        let url = URL(fileURLWithPath: TesseractEngine.describeDataPath(dataPath)).appendingPathComponent("pdf.ttf")
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
            throw .initFailed("the glyphless font \(url.path) is missing (it comes with tesseract-ocr)")
        }
        return [UInt8](data)
    }
}
