import Foundation

/// What OCR read on one page.
public struct OCRPage: Sendable, Equatable {
    /// The recognised text, NFC, lines separated by `\n`.
    public var text: String
    /// Mean word confidence, 0...100.
    public var meanConfidence: Double
    /// Words recognised (for statistics and later layout work).
    public var wordCount: Int

    public init(text: String, meanConfidence: Double, wordCount: Int) {
        self.text = text
        self.meanConfidence = meanConfidence
        self.wordCount = wordCount
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
    /// Recognises one page, giving up after `deadline` seconds.
    func recognize(_ page: RasterPage, deadline: Double) throws(OCRError) -> OCRPage
    /// Detects which way the page is turned; nil when it cannot tell.
    func detectOrientation(_ page: RasterPage) -> PageOrientation?
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
