import Foundation

/// Generators of files made to hurt a decoder: PDFs whose structure loops or lies, images whose headers
/// claim 50 000 × 50 000 pixels, and deflate streams that really inflate to gigabytes.
enum HostileFiles {
    // MARK: - Deflate bombs

    /// Writes bits least-significant first, as deflate packs them.
    private struct BitWriter {
        var bytes: [UInt8] = []
        private var accumulator: UInt32 = 0
        private var count = 0

        /// A number of `width` bits, least-significant bit first (header fields, extra bits).
        mutating func bits(_ value: Int, _ width: Int) {
            for i in 0..<width { push(UInt32((value >> i) & 1)) }
        }

        /// A Huffman code of `width` bits, most-significant bit first.
        mutating func code(_ value: Int, _ width: Int) {
            for i in stride(from: width - 1, through: 0, by: -1) { push(UInt32((value >> i) & 1)) }
        }

        private mutating func push(_ bit: UInt32) {
            accumulator |= bit << UInt32(count)
            count += 1
            if count == 8 {
                bytes.append(UInt8(accumulator))
                accumulator = 0
                count = 0
            }
        }

        mutating func flush() -> [UInt8] {
            if count > 0 { bytes.append(UInt8(accumulator)) }
            accumulator = 0
            count = 0
            return bytes
        }
    }

    /// A zlib stream (RFC 1950) that inflates to `count` zero bytes, at about 1 000 : 1.
    ///
    /// One dynamic-Huffman block whose only symbols are the literal 0, the length 258 (code 285, one bit)
    /// at distance 1 (one bit) and the end of block: two bits for every 258 bytes, the best deflate allows.
    static func zlibZeros(count: Int) -> [UInt8] {
        precondition(count >= 1)
        var w = BitWriter()
        w.bits(1, 1)  // the final block
        w.bits(2, 2)  // dynamic Huffman codes
        w.bits(286 - 257, 5)  // literal/length codes up to 285
        w.bits(0, 5)  // one distance code
        w.bits(18 - 4, 4)  // code-length codes up to symbol 1 in the permuted order
        let codeLengthLengths: [Int: Int] = [18: 1, 1: 2, 2: 2]
        for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
            w.bits(codeLengthLengths[symbol] ?? 0, 3)
        }
        // Canonical codes of the code-length alphabet: 18 → 0, 1 → 10, 2 → 11.
        func length(_ symbol: Int) {
            switch symbol {
            case 1: w.code(0b10, 2)
            case 2: w.code(0b11, 2)
            default: preconditionFailure()
            }
        }
        func zeros(_ n: Int) {  // symbol 18: 11...138 zero lengths
            w.code(0, 1)
            w.bits(n - 11, 7)
        }
        // Literal/length code lengths: 0 → 2, 1...255 → none, 256 → 2, 257...284 → none, 285 → 1; distance 0 → 1.
        length(2)
        zeros(138)
        zeros(117)
        length(2)
        zeros(28)
        length(1)
        length(1)
        // Canonical codes: 285 → 0, literal 0 → 10, end of block → 11; distance 0 → 0.
        w.code(0b10, 2)
        let (runs, rest) = (count - 1).quotientAndRemainder(dividingBy: 258)
        for _ in 0..<runs {
            w.code(0, 1)
            w.code(0, 1)
        }
        for _ in 0..<rest { w.code(0b10, 2) }
        w.code(0b11, 2)
        let adler = UInt32(count % 65521) << 16 | 1
        return [0x78, 0x01] + w.flush() + withUnsafeBytes(of: adler.bigEndian, Array.init)
    }

    // MARK: - PNG

    /// CRC-32 (IEEE) as PNG chunks need it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }

    /// A PNG of `width` × `height` (colour type and depth as given) whose IDAT inflates to `inflated` zero bytes.
    static func png(width: Int, height: Int, depth: UInt8 = 8, colorType: UInt8 = 0, inflated: Int) -> Data {
        let ihdr = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [depth, colorType, 0, 0, 0]
        return Data(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", zlibZeros(count: inflated))
                + chunk("IEND", []))
    }

    // MARK: - JPEG and TIFF headers

    /// A baseline JPEG whose frame header claims `width` × `height` grey pixels, followed by a few bytes of scan.
    static func jpeg(width: Int, height: Int) -> Data {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        bytes += [0xFF, 0xC0, 0x00, 0x0B, 8] + bigEndian(UInt16(height)) + bigEndian(UInt16(width)) + [1, 1, 0x11, 0]
        bytes += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0]
        bytes += [UInt8](repeating: 0, count: 256) + [0xFF, 0xD9]
        return Data(bytes)
    }

    /// A little-endian TIFF of one 8-bit grey strip: `width` × `height` claimed, `strip` as the data,
    /// compressed with deflate (8) or not (1).
    static func tiff(width: Int, height: Int, compression: UInt16, strip: [UInt8]) -> Data {
        let entries: [(tag: UInt16, type: UInt16, value: UInt32)] = [
            (256, 4, UInt32(width)), (257, 4, UInt32(height)), (258, 3, 8), (259, 3, UInt32(compression)), (262, 3, 1),
            (273, 4, 0),  // strip offset, set below
            (277, 3, 1), (278, 4, UInt32(height)), (279, 4, UInt32(strip.count)),
        ]
        let ifdSize = 2 + entries.count * 12 + 4
        let dataOffset = UInt32(8 + ifdSize)
        var bytes: [UInt8] = [0x49, 0x49, 0x2A, 0x00] + littleEndian(UInt32(8))
        bytes += littleEndian(UInt16(entries.count))
        for entry in entries {
            bytes += littleEndian(entry.tag) + littleEndian(entry.type) + littleEndian(UInt32(1))
            let value = entry.tag == 273 ? dataOffset : entry.value
            bytes += entry.type == 3 ? littleEndian(UInt16(value)) + [0, 0] : littleEndian(value)
        }
        bytes += littleEndian(UInt32(0))
        return Data(bytes + strip)
    }

    // MARK: - PDF

    /// A PDF object's bytes: `N 0 obj BODY endobj`, or with a stream.
    static func object(_ number: Int, _ body: String, stream: [UInt8]? = nil) -> [UInt8] {
        var bytes = Array("\(number) 0 obj\n\(body)\n".utf8)
        if let stream { bytes += Array("stream\n".utf8) + stream + Array("\nendstream\n".utf8) }
        return bytes + Array("endobj\n".utf8)
    }

    /// A PDF of objects 1...n with a correct cross-reference table and `trailer` in its trailer dictionary.
    static func pdf(_ objects: [[UInt8]], trailer: String = "/Root 1 0 R") -> Data {
        var bytes = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for object in objects {
            offsets.append(bytes.count)
            bytes += object
        }
        let xref = bytes.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(bytes + Array(table.utf8))
    }

    static let catalog = object(1, "<< /Type /Catalog /Pages 2 0 R >>")

    /// One blank US-letter page.
    static func page(_ number: Int, parent: Int = 2, extra: String = "") -> [UInt8] {
        object(number, "<< /Type /Page /Parent \(parent) 0 R /MediaBox [0 0 612 792] \(extra) >>")
    }

    /// A page tree whose root claims about 2³¹ pages and holds one.
    static var hugePageCountPDF: Data {
        pdf([catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"), page(3)])
    }

    /// A real page tree of `count` distinct pages, in nodes of 100.
    static func manyPagesPDF(_ count: Int) -> Data {
        let nodes = (count + 99) / 100
        var objects = [catalog]
        let firstNode = 3
        let firstPage = firstNode + nodes
        objects.append(object(2, "<< /Type /Pages /Kids [\((0..<nodes).map { "\(firstNode + $0) 0 R" }.joined(separator: " "))] /Count \(count) >>"))
        for node in 0..<nodes {
            let pages = (node * 100..<min(count, node * 100 + 100)).map { "\(firstPage + $0) 0 R" }
            objects.append(object(firstNode + node, "<< /Type /Pages /Parent 2 0 R /Kids [\(pages.joined(separator: " "))] /Count \(pages.count) >>"))
        }
        for i in 0..<count { objects.append(page(firstPage + i, parent: firstNode + i / 100)) }
        return pdf(objects)
    }

    /// The page tree's root is its own only kid.
    static var pagesOwnKidPDF: Data {
        pdf([catalog, object(2, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>")])
    }

    /// Two page-tree nodes that are each other's kid, under the root.
    static var kidsCyclePDF: Data {
        pdf([
            catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 2 >>"),
            object(3, "<< /Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1 >>"),
            object(4, "<< /Type /Pages /Parent 3 0 R /Kids [3 0 R] /Count 1 >>"),
        ])
    }

    /// A page without its own MediaBox or Resources, whose /Parent chain loops: inheriting them never ends.
    static var parentLoopPDF: Data {
        pdf([
            catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            object(3, "<< /Type /Page /Parent 4 0 R >>"),
            object(4, "<< /Type /Pages /Parent 5 0 R /Kids [3 0 R] /Count 1 >>"),
            object(5, "<< /Type /Pages /Parent 4 0 R /Kids [4 0 R] /Count 1 >>"),
        ])
    }

    /// Objects whose values are references to each other: the page count, a stream's length, a kid.
    static var referenceLoopPDF: Data {
        pdf([
            catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 5 0 R >>"),
            object(3, "<< /Type /Page /Parent 2 0 R /MediaBox 7 0 R /Contents 4 0 R >>"),
            object(4, "<< /Length 6 0 R >>", stream: Array("0 0 m 100 100 l S".utf8)),
            object(5, "6 0 R"), object(6, "5 0 R"), object(7, "7 0 R"),
        ])
    }

    /// A dictionary nested 100 000 deep in the page tree.
    static var deepNestingPDF: Data {
        let depth = 100_000
        let nested = String(repeating: "<< /A ", count: depth) + String(repeating: ">> ", count: depth)
        return pdf([catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Deep \(nested)>>"), page(3)])
    }

    /// Two cross-reference sections whose trailers name each other as /Prev (and one that names itself).
    static func xrefPrevLoopPDF(selfLoop: Bool) -> Data {
        let objects = [catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"), page(3)]
        var bytes = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for object in objects {
            offsets.append(bytes.count)
            bytes += object
        }
        var first = "xref\n0 4\n0000000000 65535 f \n"
        for offset in offsets { first += String(format: "%010d 00000 n \n", offset) }
        let firstAt = bytes.count
        // The second section's offset is fixed width so that the first can name it before it is written.
        let secondAt = firstAt + first.utf8.count + "trailer\n<< /Size 4 /Root 1 0 R /Prev 0000000000 >>\n".utf8.count
        first += "trailer\n<< /Size 4 /Root 1 0 R /Prev \(String(format: "%010d", selfLoop ? firstAt : secondAt)) >>\n"
        let second = "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R /Prev \(firstAt) >>\n"
        bytes += Array(first.utf8) + Array(second.utf8)
        bytes += Array("startxref\n\(selfLoop ? firstAt : secondAt)\n%%EOF\n".utf8)
        return Data(bytes)
    }

    /// A small page that draws a `side` × `side` RGB image whose FlateDecode stream inflates to 3·side² zero bytes.
    static func imageBombPDF(side: Int) -> Data {
        let image = zlibZeros(count: side * side * 3)
        let content = Array("q 144 0 0 144 0 0 cm /Im1 Do Q".utf8)
        return pdf([
            catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 144 144] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"),
            object(4, "<< /Length \(content.count) >>", stream: content),
            object(
                5,
                "<< /Type /XObject /Subtype /Image /Width \(side) /Height \(side) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length \(image.count) >>",
                stream: image),
        ])
    }

    /// A page whose content stream inflates to `inflated` NUL bytes (white space to a PDF lexer).
    static func contentBombPDF(inflated: Int) -> Data {
        let content = zlibZeros(count: inflated)
        return pdf([
            catalog, object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 144 144] /Contents 4 0 R >>"),
            object(4, "<< /Length \(content.count) /Filter /FlateDecode >>", stream: content),
        ])
    }
}
