import Foundation

/// One normalised line of a document with its folded twin and where it came from.
struct TextLine {
    /// NFC text with single spaces.
    let text: String
    /// `VietnameseFolding.fold(text)`: same number of characters.
    let folded: String
    /// Index of the page in `ExtractionInput.pages`.
    let page: Int
    /// The page's OCR confidence mapped to 0...1.
    let baseConfidence: Double
    /// Where the line's text came from.
    let source: FieldSource
    /// The layout region of the line, when the page's layout is known.
    let region: LayoutRegion?
    /// The line's words with their boxes, when the page's layout is known.
    let words: [PageWord]

    init(text: String, page: Int, baseConfidence: Double, source: FieldSource, region: LayoutRegion? = nil, words: [PageWord] = []) {
        self.text = text
        self.folded = VietnameseFolding.fold(text)
        self.page = page
        self.baseConfidence = baseConfidence
        self.source = source
        self.region = region
        self.words = words
    }

    /// True for a blank line (a paragraph break in Tesseract output).
    var isBlank: Bool { text.isEmpty }

    /// The original text under a range of `folded`.
    func original(_ range: Range<String.Index>) -> String {
        let lo = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let hi = folded.distance(from: folded.startIndex, to: range.upperBound)
        let start = text.index(text.startIndex, offsetBy: lo)
        let end = text.index(text.startIndex, offsetBy: hi)
        return String(text[start..<end])
    }

    /// The original text from a folded index to the end of the line.
    func original(from index: String.Index) -> String {
        original(index..<folded.endIndex)
    }
}
