import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Hummingbird
import WarehouseCore

/// A `multipart/form-data` body read as it arrives: file parts go straight to disk, small text fields
/// are kept, and nothing larger than the limit is accepted (413).
struct MultipartUpload {
    struct File {
        var fieldName: String
        /// The name the browser gave, made safe to show and to use as one path component (`safeFileName`);
        /// for display only, never as a path of its own.
        var fileName: String
        var url: URL
        var size: Int
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// Reads the whole body into `directory` (created if needed); the caller removes the files.
    static func read(_ request: Request, into directory: URL, maxBytes: Int) async throws -> MultipartUpload {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(of: contentType)
        else {
            throw APIError(.unsupportedMediaType, "multipart-required", "Send the files as multipart/form-data.")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let state = UploadState(directory: directory)
        let parser = MultipartStream(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { bytes in state.body(bytes) }
        parser.onPartComplete = { state.complete() }
        var total = 0
        do {
            for try await buffer in request.body {
                total += buffer.readableBytes
                if total > maxBytes {
                    state.abandon()
                    throw APIError(
                        .contentTooLarge, "too-large", "The upload is larger than \(maxBytes / (1 << 20)) MiB; send fewer or smaller files.")
                }
                try parser.execute(buffer.readableBytesView)
                if let error = state.error { throw error }
            }
            guard parser.isComplete else {
                throw MultipartStream.Failure(message: "it ends before its closing boundary")
            }
        } catch let error as APIError {
            state.abandon()
            throw error
        } catch let error as MultipartStream.Failure {
            state.abandon()
            throw APIError(.badRequest, "bad-multipart", "The upload could not be read: \(error.message); send it again.")
        } catch {
            state.abandon()
            throw APIError(.badRequest, "bad-multipart", "The upload could not be read (\(type(of: error))); send it again.")
        }
        return MultipartUpload(fields: state.fields, files: state.files)
    }

    /// The boundary of a multipart Content-Type: 1 to 70 characters (RFC 2046), else nil (415).
    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.lowercased().hasPrefix("boundary=") {
                let boundary = String(kv.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(boundary.utf8.count) ? boundary : nil
            }
        }
        return nil
    }
}

/// The parser's callbacks write here (one request, one task: no sharing).
private final class UploadState {
    let directory: URL
    var fields: [String: String] = [:]
    var files: [MultipartUpload.File] = []
    var error: APIError?
    private var name: String?
    private var fileName: String?
    /// The scratch file of the file part being read (POSIX: a failed write is an error, not a trap).
    private var descriptor: Int32 = -1
    private var url: URL?
    private var size = 0
    private var text = Data()

    init(directory: URL) {
        self.directory = directory
    }

    func header(_ name: String, _ raw: [UInt8]) {
        guard name.lowercased() == "content-disposition" else { return }
        // A file name that is not UTF-8 (a client's own encoding) is shown with U+FFFD, as the CLI shows one.
        let value = String(decoding: raw, as: UTF8.self)
        self.name = Self.parameter("name", in: value)
        self.fileName = Self.parameter("filename", in: value)
        if let fileName, !fileName.isEmpty, error == nil {
            self.fileName = MultipartUpload.safeFileName(fileName)
            let url = directory.appendingPathComponent(UUID().uuidString)
            self.url = url
            descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            if descriptor < 0 { error = .storage(StorageFailure(path: url.path, code: errno)) }
        }
    }

    func body(_ bytes: ArraySlice<UInt8>) {
        guard error == nil else { return }
        if descriptor >= 0 {
            let failed = bytes.withUnsafeBytes { Self.writeAll(descriptor, $0) }
            if failed != 0 {
                error = .storage(StorageFailure(path: url?.path ?? directory.path, code: failed))
                return
            }
            size += bytes.count
        } else if fileName?.isEmpty == false {
            // A file part whose scratch file could not be made: its bytes are dropped (the error says why).
            return
        } else if text.count + bytes.count <= 64 << 10 {
            text.append(contentsOf: bytes)
        } else {
            error = APIError(.contentTooLarge, "field-too-large", "A form field is longer than 64 KiB.")
        }
    }

    func complete() {
        if descriptor >= 0, let url {
            if fsync(descriptor) != 0, error == nil { error = .storage(StorageFailure(path: url.path, code: errno)) }
            close(descriptor)
            descriptor = -1
            files.append(.init(fieldName: name ?? "", fileName: fileName ?? "", url: url, size: size))
        } else if let name {
            fields[name] = String(decoding: text, as: UTF8.self)
        }
        name = nil
        fileName = nil
        url = nil
        size = 0
        text = Data()
    }

    func abandon() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        for file in files { try? FileManager.default.removeItem(at: file.url) }
        if let url { try? FileManager.default.removeItem(at: url) }
    }

    /// Writes all of `bytes`; returns 0 or the `errno` of the write that failed.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// `name="x"` in a Content-Disposition value. A quoted value runs to the next quote, `;` included, with no
    /// escapes: browsers send `"` in a name as `%22` (HTML's multipart/form-data encoding).
    static func parameter(_ key: String, in value: String) -> String? {
        var rest = Substring(value)
        while !rest.isEmpty {
            rest = rest.drop { $0 == ";" || $0 == " " || $0 == "\t" }
            let nameEnd = rest.firstIndex { $0 == "=" || $0 == ";" } ?? rest.endIndex
            let name = rest[..<nameEnd].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[nameEnd...]
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            let found: Substring
            if rest.first == "\"" {
                let body = rest.dropFirst()
                let close = body.firstIndex(of: "\"") ?? body.endIndex
                found = body[..<close]
                rest = close < body.endIndex ? body[body.index(after: close)...] : body[close...]
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                found = Substring(rest[..<end].trimmingCharacters(in: .whitespaces))
                rest = rest[end...]
            }
            if name == key { return String(found) }
        }
        return nil
    }
}

extension MultipartUpload {
    /// A client's file name made safe: its last component after `/` or `\` (old browsers send the whole
    /// path), without NUL, at most 200 bytes of UTF-8 (with the server's prefix, a file system allows 255),
    /// and `scan` when nothing is left.
    static func safeFileName(_ name: String) -> String {
        let last = (name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "").filter { $0 != "\0" }
        guard last.utf8.count > 200 else { return last.isEmpty || last == "." ? "scan" : last }
        // Too long: shorten the stem and keep a short extension, which tells the clerk what the file was.
        let dot = last.lastIndex(of: ".")
        let ext = dot.map { String(last[$0...]) }.flatMap { $0.utf8.count <= 16 ? $0 : nil } ?? ""
        var stem = ""
        for character in last.dropLast(ext.count) {
            guard stem.utf8.count + String(character).utf8.count + ext.utf8.count <= 200 else { break }
            stem.append(character)
        }
        return stem + ext
    }
}
