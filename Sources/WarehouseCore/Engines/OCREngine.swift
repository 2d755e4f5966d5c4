import Foundation

/// What OCR read on one page.
public struct OCRPage: Sendable, Equatable {
    /// The recognised text, NFC, lines separated by `\n`.
    public var text: String
    /// Mean word confidence, 0...100.
    public var meanConfidence: Double
    /// Words recognised (for statistics and later layout work).
    public var wordCount: Int
    /// Where each line and word sits on the page: filled only when asked for (`layout: true`), for the
    /// text layer of a searchable PDF.
    public var lines: [OCRLine]

    public init(text: String, meanConfidence: Double, wordCount: Int, lines: [OCRLine] = []) {
        self.text = text
        self.meanConfidence = meanConfidence
        self.wordCount = wordCount
        self.lines = lines
    }
}

/// One line of text as OCR found it: its box and baseline in pixels (top-left origin), and its words.
public struct OCRLine: Sendable, Equatable {
    public var box: PixelRect
    /// The baseline's y at the line's left and right ends.
    public var baselineLeft: Int
    public var baselineRight: Int
    public var words: [OCRWord]

    public init(box: PixelRect, baselineLeft: Int, baselineRight: Int, words: [OCRWord]) {
        self.box = box
        self.baselineLeft = baselineLeft
        self.baselineRight = baselineRight
        self.words = words
    }
}

/// One word as OCR read it, NFC, with its box in pixels.
public struct OCRWord: Sendable, Equatable {
    public var text: String
    public var box: PixelRect
    /// Tesseract's confidence in the word, 0...100.
    public var confidence: Double

    public init(text: String, box: PixelRect, confidence: Double = 0) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }
}

/// A page's orientation as detected by the engine: the page is turned by `degrees` clockwise.
public struct PageOrientation: Sendable, Equatable {
    public var degrees: Int
    public var confidence: Double

    public init(degrees: Int, confidence: Double) {
        self.degrees = degrees
        self.confidence = confidence
    }
}

/// An OCR engine instance. Engines are not thread-safe: one thread owns one engine for its life.
public protocol OCREngine: AnyObject {
    /// Engine name and version for provenance, e.g. `tesseract 5.3.0`.
    var identity: String { get }
    /// The language(s) loaded, e.g. `vie`.
    var language: String { get }
    /// Recognises one page, giving up after `deadline` seconds; with `layout`, also where each line and
    /// word is.
    func recognize(_ page: RasterPage, deadline: Double, layout: Bool) throws(OCRError) -> OCRPage
    /// Detects which way the page is turned; nil when it cannot tell.
    func detectOrientation(_ page: RasterPage) -> PageOrientation?
    /// Reads a small image holding one word or number (a handwritten slot), using only the characters of
    /// `charset` when given; nil when nothing is read.
    func recognizeWord(_ image: RasterPage, charset: String?) -> (text: String, confidence: Double)?
}

extension OCREngine {
    /// Recognises one page's text, giving up after `deadline` seconds.
    public func recognize(_ page: RasterPage, deadline: Double) throws(OCRError) -> OCRPage {
        try recognize(page, deadline: deadline, layout: false)
    }

    /// Engines that cannot read single words read none.
    public func recognizeWord(_ image: RasterPage, charset: String?) -> (text: String, confidence: Double)? { nil }
}

/// Makes engines, one per worker thread.
public protocol OCREngineFactory: Sendable {
    /// Engine name and version, without starting one.
    var identity: String { get }
    var language: String { get }
    func makeEngine() throws(OCRError) -> any OCREngine
}

/// Why OCR failed.
public enum OCRError: Error, Equatable, CustomStringConvertible {
    case languageMissing(language: String, searched: String)
    case initFailed(String)
    case timedOut(seconds: Double)
    case recognitionFailed(String)

    public var description: String {
        switch self {
        case .languageMissing(let lang, let dir):
            "the OCR language data '\(lang)' is not installed (looked in \(dir)); install tesseract-ocr-\(lang) or set TESSDATA_PREFIX"
        case .initFailed(let why): "the OCR engine could not start: \(why)"
        case .timedOut(let s): "OCR of the page took longer than \(Int(s)) s and was stopped; the page may be noise or a picture"
        case .recognitionFailed(let why): "OCR failed on the page: \(why)"
        }
    }
}
