import Foundation

/// A streaming `multipart/form-data` parser (RFC 7578, RFC 2046 §5.1): bytes go in as they arrive, headers and
/// body bytes come out through callbacks, and memory stays one header section plus one delimiter deep.
///
/// It replaces MultipartKit's parser, which traps (an array index out of range) on a header name byte at or
/// above 0x80 and on an empty boundary: anyone could stop the server with one request to `/api/verify`.
/// Everything malformed here is a `MultipartStream.Failure` with a sentence instead.
final class MultipartStream {
    struct Failure: Error {
        var message: String
    }

    /// A header of the current part: its name (ASCII, as sent) and its value as bytes (maybe not UTF-8).
    var onHeader: (String, [UInt8]) -> Void = { _, _ in }
    /// Body bytes of the current part, in order, in pieces.
    var onBody: (ArraySlice<UInt8>) -> Void = { _ in }
    var onPartComplete: () -> Void = {}

    /// Longest header section of one part.
    static let maxHeaderBytes = 16 << 10

    private enum State {
        /// Before the first boundary: anything is skipped.
        case preamble
        /// After a boundary: `--` ends the body, else transport padding then CRLF starts a part.
        case afterBoundary
        case headers
        case body
        /// After the closing boundary: anything is ignored.
        case epilogue
    }

    private let delimiter: [UInt8]
    private var state = State.preamble
    private var pending: [UInt8] = []

    /// - Parameter boundary: 1 to 70 characters (the caller checks).
    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary may come without the CRLF before it: as if the body started with one.
        pending = [0x0D, 0x0A]
    }

    /// Whether the closing boundary was read.
    var isComplete: Bool {
        if case .epilogue = state { return true }
        return false
    }

    func execute(_ bytes: some Sequence<UInt8>) throws(Failure) {
        pending.append(contentsOf: bytes)
        var offset = 0
        defer { pending.removeFirst(offset) }
        while true {
            switch state {
            case .preamble:
                guard let at = find(delimiter, from: offset) else {
                    offset = max(offset, pending.count - (delimiter.count - 1))
                    return
                }
                offset = at + delimiter.count
                state = .afterBoundary
            case .afterBoundary:
                guard pending.count - offset >= 2 else { return }
                if pending[offset] == 0x2D && pending[offset + 1] == 0x2D {
                    offset += 2
                    state = .epilogue
                    continue
                }
                // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
                var i = offset
                while i < pending.count, pending[i] == 0x20 || pending[i] == 0x09 { i += 1 }
                guard pending.count - i >= 2 else {
                    if i - offset > 256 { throw Failure(message: "a boundary line is followed by more than 256 spaces") }
                    return
                }
                guard pending[i] == 0x0D && pending[i + 1] == 0x0A else {
                    throw Failure(message: "a boundary is not followed by a line break")
                }
                offset = i + 2
                state = .headers
            case .headers:
                guard let end = find([0x0D, 0x0A], from: offset) else {
                    if pending.count - offset > Self.maxHeaderBytes { throw Failure(message: "a part's headers are longer than 16 KiB") }
                    return
                }
                if end == offset {
                    offset += 2
                    state = .body
                    continue
                }
                if end - offset > Self.maxHeaderBytes { throw Failure(message: "a part's headers are longer than 16 KiB") }
                try header(pending[offset..<end])
                offset = end + 2
            case .body:
                guard let at = find(delimiter, from: offset) else {
                    // Keep what could be the start of a delimiter split across two pieces.
                    let keep = pending.count - (delimiter.count - 1)
                    if keep > offset {
                        onBody(pending[offset..<keep])
                        offset = keep
                    }
                    return
                }
                if at > offset { onBody(pending[offset..<at]) }
                onPartComplete()
                offset = at + delimiter.count
                state = .afterBoundary
            case .epilogue:
                offset = pending.count
                return
            }
        }
    }

    /// One header line: `Name: value`, the name a token of visible ASCII.
    private func header(_ line: ArraySlice<UInt8>) throws(Failure) {
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else {
            throw Failure(message: "a part's header line has no name and colon")
        }
        let name = line[line.startIndex..<colon]
        // RFC 7230 token characters: visible ASCII except separators.
        guard name.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !Array("()<>@,;:\\\"/[]?={}".utf8).contains($0) }) else {
            throw Failure(message: "a part's header name is not a token of visible ASCII")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        onHeader(String(decoding: name, as: UTF8.self), Array(value))
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard pending.count - from >= needle.count else { return nil }
        return pending.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            var i = from
            let last = buffer.count - needle.count
            while i <= last {
                guard let p = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
                i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + i, needle, needle.count) == 0 { return i }
                i += 1
            }
            return nil
        }
    }
}
