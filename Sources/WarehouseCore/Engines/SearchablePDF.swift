import Foundation

/// A page image compressed for a PDF image XObject, and how a reader decodes it.
public struct PDFImage: Sendable {
    public enum Filter: String, Sendable {
        /// JPEG: grey pages.
        case dct = "DCTDecode"
        /// CCITT Group 4: black-and-white pages.
        case ccittG4 = "CCITTFaxDecode"
    }

    public var width: Int
    public var height: Int
    public var bitsPerComponent: Int
    public var filter: Filter
    public var data: [UInt8]

    public init(width: Int, height: Int, bitsPerComponent: Int, filter: Filter, data: [UInt8]) {
        self.width = width
        self.height = height
        self.bitsPerComponent = bitsPerComponent
        self.filter = filter
        self.data = data
    }
}

/// Compresses what a searchable PDF holds: page images, and streams (deflate).
public protocol PDFPageEncoder: Sendable {
    func image(_ page: RasterPage) throws(SearchablePDFError) -> PDFImage
    /// zlib-deflated bytes, nil when compression failed (the stream is then written as it is).
    func deflate(_ bytes: [UInt8]) -> [UInt8]?
}

public enum SearchablePDFError: Error, Equatable, CustomStringConvertible {
    case encodeFailed(String)
    case writeFailed(path: String, why: String)

    public var description: String {
        switch self {
        case .encodeFailed(let why): "the page image could not be compressed for the PDF: \(why)"
        case .writeFailed(let path, let why): "the searchable PDF \(path) could not be written: \(why)"
        }
    }
}

/// One page of a searchable PDF: the image OCR read, and the lines it found there.
public struct SearchablePDFPage: Sendable {
    public var image: PDFImage
    public var dpi: Int
    /// Where OCR found each word (pixels of `image`); empty when the text came without positions.
    public var lines: [OCRLine]
    /// The page's text, laid over the page without positions when `lines` is empty (text copied from an
    /// identical page filed earlier).
    public var text: String

    public init(image: PDFImage, dpi: Int, lines: [OCRLine], text: String) {
        self.image = image
        self.dpi = dpi
        self.lines = lines
        self.text = text
    }
}

/// Writes pages as a PDF: each page its scanned image, with the OCR text over it in an invisible
/// (render mode 3) glyphless font, placed word by word where OCR found it. Viewers show the scan, and
/// search, select and copy the text; `pdftotext` extracts it.
///
/// The font is Tesseract's `pdf.ttf` (one blank glyph, half an em wide): every code maps to that glyph
/// (`CIDToGIDMap`), and text is written as UTF-16 code units (Identity-H), which the `ToUnicode` map
/// turns back into text.
public struct SearchablePDF {
    let font: [UInt8]
    let encoder: any PDFPageEncoder

    public init(glyphlessFont: [UInt8], encoder: any PDFPageEncoder) {
        self.font = glyphlessFont
        self.encoder = encoder
    }

    public func data(pages: [SearchablePDFPage], title: String) -> Data {
        var writer = ObjectWriter()
        let fixedObjects = 9
        let pageIDs = pages.indices.map { fixedObjects + 1 + 3 * $0 }

        writer.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.object(2, "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        writer.object(
            3, "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
        writer.object(
            4,
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDToGIDMap 7 0 R"
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 500 >>")
        writer.stream(5, dictionary: "", Array(Self.toUnicode.utf8), deflate: encoder.deflate)
        writer.object(
            6,
            "<< /Type /FontDescriptor /FontName /GlyphLessFont /FontBBox [0 0 500 1000] /Flags 5 /ItalicAngle 0"
                + " /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 /FontFile2 8 0 R >>")
        // Every CID (UTF-16 code unit) is glyph 1, the blank one.
        writer.stream(7, dictionary: "", [UInt8]((0..<65536).flatMap { _ in [0, 1] as [UInt8] }), deflate: encoder.deflate)
        writer.stream(8, dictionary: "/Length1 \(font.count)", font, deflate: encoder.deflate)
        writer.object(9, "<< /Producer (warehouse) /Title \(Self.textString(title)) >>")

        for (page, id) in zip(pages, pageIDs) {
            let scale = 72.0 / Double(page.dpi > 0 ? page.dpi : 300)
            let width = Double(page.image.width) * scale
            let height = Double(page.image.height) * scale
            writer.object(
                id,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(width)) \(Self.number(height))]"
                    + " /Resources << /XObject << /Im1 \(id + 2) 0 R >> /Font << /f-0-0 3 0 R >> >> /Contents \(id + 1) 0 R >>")
            let content = "q \(Self.number(width)) 0 0 \(Self.number(height)) 0 0 cm /Im1 Do Q\n" + textLayer(page, scale: scale, height: height)
            writer.stream(id + 1, dictionary: "", Array(content.utf8), deflate: encoder.deflate)
            let image = page.image
            var dictionary =
                "/Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /ColorSpace /DeviceGray"
                + " /BitsPerComponent \(image.bitsPerComponent) /Filter /\(image.filter.rawValue)"
            if image.filter == .ccittG4 {
                dictionary += " /DecodeParms << /K -1 /Columns \(image.width) /Rows \(image.height) >>"
            }
            writer.stream(id + 2, dictionary: dictionary, image.data, deflate: nil)
        }
        return writer.finish(size: fixedObjects + 1 + 3 * pages.count, root: 1, info: 9)
    }

    /// The invisible text: each word stretched (`Tz`) over the width OCR gave it, up to the next word,
    /// on its line's baseline, the font as tall as the line.
    private func textLayer(_ page: SearchablePDFPage, scale: Double, height: Double) -> String {
        var out = "BT\n3 Tr\n"
        if page.lines.isEmpty {
            // Text without positions: one line of small type after another from the top, still searchable.
            var y = height - 12
            for line in page.text.split(separator: "\n", omittingEmptySubsequences: true) where y > 0 {
                out += "/f-0-0 8 Tf 100 Tz 1 0 0 1 12 \(Self.number(y)) Tm \(Self.hex(String(line))) Tj\n"
                y -= 10
            }
            return out + "ET\n"
        }
        for line in page.lines {
            let size = max(1, Double(line.box.height) * scale)
            out += "/f-0-0 \(Self.number(size)) Tf\n"
            let left = Double(line.box.x)
            let run = Double(max(1, line.box.width))
            for (i, word) in line.words.enumerated() {
                let isLast = i == line.words.count - 1
                let text = isLast ? word.text : word.text + " "
                let right = isLast ? word.box.x + word.box.width : line.words[i + 1].box.x
                let span = Double(max(1, right - word.box.x)) * scale
                let natural = Double(text.utf16.count) * 0.5 * size
                let stretch = natural > 0 ? 100 * span / natural : 100
                // The baseline may slope a little: take its height under the word's start.
                let t = (Double(word.box.x) - left) / run
                let baseline = Double(line.baselineLeft) + t * Double(line.baselineRight - line.baselineLeft)
                out += "\(Self.number(stretch)) Tz 1 0 0 1 \(Self.number(Double(word.box.x) * scale))"
                out += " \(Self.number(height - baseline * scale)) Tm \(Self.hex(text)) Tj\n"
            }
        }
        return out + "ET\n"
    }

    /// UTF-16 code units as a hex string: the CIDs of Identity-H.
    static func hex(_ text: String) -> String {
        "<" + text.precomposedStringWithCanonicalMapping.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// A PDF text string for the document information: UTF-16BE with its byte-order mark.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    static let toUnicode = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        1 beginbfrange
        <0000> <FFFF> <0000>
        endbfrange
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end

        """
}

/// Numbered objects written one after another, and the cross-reference table that finds them.
private struct ObjectWriter {
    var bytes: [UInt8] = Array("%PDF-1.5\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
    var offsets: [Int: Int] = [:]

    mutating func object(_ id: Int, _ body: String) {
        offsets[id] = bytes.count
        bytes += Array("\(id) 0 obj\n\(body)\nendobj\n".utf8)
    }

    mutating func stream(_ id: Int, dictionary: String, _ data: [UInt8], deflate: (([UInt8]) -> [UInt8]?)?) {
        var payload = data
        var filter = ""
        if let deflate, let packed = deflate(data) {
            payload = packed
            filter = " /Filter /FlateDecode"
        }
        offsets[id] = bytes.count
        bytes += Array("\(id) 0 obj\n<< \(dictionary) /Length \(payload.count)\(filter) >>\nstream\n".utf8)
        bytes += payload
        bytes += Array("\nendstream\nendobj\n".utf8)
    }

    mutating func finish(size: Int, root: Int, info: Int) -> Data {
        let xref = bytes.count
        var table = "xref\n0 \(size)\n0000000000 65535 f \n"
        for id in 1..<size {
            table += String(format: "%010d 00000 n \n", offsets[id] ?? 0)
        }
        table += "trailer\n<< /Size \(size) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        bytes += Array(table.utf8)
        return Data(bytes)
    }
}
