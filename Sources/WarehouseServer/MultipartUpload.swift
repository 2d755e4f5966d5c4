import Foundation
import Hummingbird
import MultipartKit
import WarehouseCore

#if canImport(Glibc)
    import Glibc
#endif

/// A `multipart/form-data` body read as it arrives: file parts go straight to disk, small text fields
/// are kept, and nothing larger than the limit is accepted (413).
struct MultipartUpload {
    struct File {
        var fieldName: String
        /// The name the browser gave; used for display only, never as a path.
        var fileName: String
        var url: URL
        var size: Int
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// Reads the whole body into `directory` (created with its parent if needed); the caller removes the
    /// files. A storage that refuses the files (full, read-only) is a 507, never a crash.
    static func read(_ request: Request, into directory: URL, maxBytes: Int) async throws -> MultipartUpload {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(of: contentType)
        else {
            throw APIError(.unsupportedMediaType, "multipart-required", "Send the files as multipart/form-data.")
        }
        for dir in [directory.deletingLastPathComponent(), directory] where mkdir(dir.path, 0o700) != 0 && errno != EEXIST {
            throw APIError.storage(StorageFailure(path: dir.path, code: errno))
        }
        let state = UploadState(directory: directory)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
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
                try parser.execute(buffer)
                if let error = state.error { throw error }
            }
        } catch let error as APIError {
            state.abandon()
            throw error
        } catch {
            state.abandon()
            throw APIError(.badRequest, "bad-multipart", "The upload could not be read (\(type(of: error))); send it again.")
        }
        return MultipartUpload(fields: state.fields, files: state.files)
    }

    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.lowercased().hasPrefix("boundary=") {
                return String(kv.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
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
    /// The file part being written, -1 when none.
    private var descriptor: Int32 = -1
    private var url: URL?
    private var size = 0
    private var text = Data()

    init(directory: URL) {
        self.directory = directory
    }

    func header(_ name: String, _ value: String) {
        guard name.lowercased() == "content-disposition" else { return }
        self.name = Self.parameter("name", in: value)
        self.fileName = Self.parameter("filename", in: value)
        if let fileName, !fileName.isEmpty, error == nil {
            let url = directory.appendingPathComponent(UUID().uuidString)
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                error = .storage(StorageFailure(path: url.path, code: errno))
                return
            }
            descriptor = fd
            self.url = url
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard error == nil else {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return
        }
        if descriptor >= 0 {
            let count = buffer.readableBytes
            let failed = buffer.readWithUnsafeReadableBytes { raw in (raw.count, Self.writeAll(descriptor, raw)) }
            if failed != 0 {
                error = .storage(StorageFailure(path: url?.path ?? directory.path, code: failed))
                return
            }
            size += count
        } else if fileName?.isEmpty == false {
            // A file part whose scratch file could not be made: its bytes are dropped (the error says why).
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        } else if text.count + buffer.readableBytes <= 64 << 10 {
            text.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        } else {
            error = APIError(.contentTooLarge, "field-too-large", "A form field is longer than 64 KiB.")
        }
    }

    func complete() {
        if descriptor >= 0, let url {
            if fsync(descriptor) != 0, error == nil { error = .storage(StorageFailure(path: url.path, code: errno)) }
            close(descriptor)
            files.append(.init(fieldName: name ?? "", fileName: fileName ?? "", url: url, size: size))
        } else if let name, fileName?.isEmpty != false {
            fields[name] = String(decoding: text, as: UTF8.self)
        }
        name = nil
        fileName = nil
        descriptor = -1
        url = nil
        size = 0
        text = Data()
    }

    func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
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

    /// `name="x"` in a Content-Disposition value.
    static func parameter(_ key: String, in value: String) -> String? {
        for part in value.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            guard kv.lowercased().hasPrefix(key + "=") else { continue }
            var v = String(kv.dropFirst(key.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}
