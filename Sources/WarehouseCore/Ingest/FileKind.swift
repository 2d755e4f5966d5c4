/// Names what a file that is not a scan seems to be, so the clerk knows what was handed in.
enum FileKind {
    static func describe(_ head: [UInt8]) -> String {
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "it looks like a ZIP archive or an Office document (DOCX/XLSX)" }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "it looks like an old Office document (DOC/XLS)" }
        if starts(Array("GIF8".utf8)) { return "it is a GIF image" }
        if starts([0x42, 0x4D]) { return "it is a BMP image" }
        if head.count >= 12 && head[0..<4].elementsEqual(Array("RIFF".utf8)) && head[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return "it is a WebP image"
        }
        if starts([0x1F, 0x8B]) { return "it is gzip-compressed data" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "it is a program (ELF executable)" }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50]) || starts([0xFF, 0x4F, 0xFF, 0x51]) { return "it is a JPEG 2000 image" }
        let printable = head.prefix(512).filter { $0 == 9 || $0 == 10 || $0 == 13 || $0 >= 32 }
        if !head.isEmpty && printable.count == min(head.count, 512) { return "it looks like a text file" }
        return "its format is not recognised"
    }
}
